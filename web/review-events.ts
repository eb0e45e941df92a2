/**
 * Events of the procurement review section and the due list, typed like those in events.ts: the
 * forms and lists say what was asked for, and the page's reviews controller (which owns the
 * requests) or the page (which owns the URL) does it.
 */
import type { ConditionChange, ReviewBody } from './api/client.ts';
import type { DueFilters } from './reviews.ts';

const UP: EventInit = { bubbles: true, composed: true };

/** Record this decision. */
export class DecisionSubmitted extends Event {
  static readonly type = 'decision-submitted';
  readonly body: ReviewBody;
  constructor(body: ReviewBody) {
    super(DecisionSubmitted.type, UP);
    this.body = body;
  }
}

/** The decision form's "decided on" day changed: its findings are those of the score as of that day. */
export class DecisionDayChanged extends Event {
  static readonly type = 'decision-day-changed';
  readonly day: string;
  constructor(day: string) {
    super(DecisionDayChanged.type, UP);
    this.day = day;
  }
}

/** How a condition is to be changed: met (with evidence), waived (until a day), or its owner and due date. */
export type ConditionEditMode = 'met' | 'waive' | 'edit';

/** Open the small form that changes a condition. */
export class ConditionEditRequested extends Event {
  static readonly type = 'condition-edit-requested';
  readonly conditionId: number;
  readonly mode: ConditionEditMode;
  constructor(conditionId: number, mode: ConditionEditMode) {
    super(ConditionEditRequested.type, UP);
    this.conditionId = conditionId;
    this.mode = mode;
  }
}

/** The condition's form was closed without saving. */
export class ConditionEditCancelled extends Event {
  static readonly type = 'condition-edit-cancelled';
  constructor() {
    super(ConditionEditCancelled.type, UP);
  }
}

/** Change a condition (PATCH /conditions/:id). */
export class ConditionChangeRequested extends Event {
  static readonly type = 'condition-change-requested';
  readonly conditionId: number;
  readonly patch: ConditionChange;
  constructor(conditionId: number, patch: ConditionChange) {
    super(ConditionChangeRequested.type, UP);
    this.conditionId = conditionId;
    this.patch = patch;
  }
}

/** The due list's filters the user asked for (all of them, not only the one changed). */
export class DueFiltersChanged extends Event {
  static readonly type = 'due-filters-changed';
  readonly filters: DueFilters;
  constructor(filters: DueFilters) {
    super(DueFiltersChanged.type, UP);
    this.filters = filters;
  }
}

declare global {
  interface HTMLElementEventMap {
    'decision-submitted': DecisionSubmitted;
    'decision-day-changed': DecisionDayChanged;
    'condition-edit-requested': ConditionEditRequested;
    'condition-edit-cancelled': ConditionEditCancelled;
    'condition-change-requested': ConditionChangeRequested;
    'due-filters-changed': DueFiltersChanged;
  }
}
