/**
 * Events of the vendor page's what-if panel and analyst forms, typed like those in events.ts:
 * lists and forms say what the user asked for, and the page (which owns the data) does it.
 */
import type { VendorEdit } from './vendor-edits.ts';
import type { WhatIfDraft } from './what-if.ts';

const UP: EventInit = { bubbles: true, composed: true };

export type EditTarget = 'incident' | 'subprocessor' | 'subprocessor-incident' | 'mfa' | 'relationship';

/**
 * Open the form for a record: an incident or subprocessor by id (null: a new one), a new incident
 * at the subprocessor of that id, the MFA posture or the relationship.
 */
export class EditRequested extends Event {
  static readonly type = 'edit-requested';
  readonly what: EditTarget;
  readonly id: number | null;
  constructor(what: EditTarget, id: number | null = null) {
    super(EditRequested.type, UP);
    this.what = what;
    this.id = id;
  }
}

/** Delete an incident or a subprocessor, once confirmed; `label` names it in the question. */
export class DeleteRequested extends Event {
  static readonly type = 'delete-requested';
  readonly what: 'incident' | 'subprocessor';
  readonly id: number;
  readonly label: string;
  constructor(what: DeleteRequested['what'], id: number, label: string) {
    super(DeleteRequested.type, UP);
    this.what = what;
    this.id = id;
    this.label = label;
  }
}

/** A form (or a confirmation) was submitted: run this change. */
export class EditSubmitted extends Event {
  static readonly type = 'edit-submitted';
  readonly edit: VendorEdit;
  constructor(edit: VendorEdit) {
    super(EditSubmitted.type, UP);
    this.edit = edit;
  }
}

/**
 * After a change was refused because the record changed since it was opened: load their version
 * into the form, or send the change again over it.
 */
export class ConflictChoice extends Event {
  static readonly type = 'conflict-choice';
  readonly choice: 'theirs' | 'mine';
  constructor(choice: 'theirs' | 'mine') {
    super(ConflictChoice.type, UP);
    this.choice = choice;
  }
}

/** The dialog was closed without saving (Cancel, the close button or Escape). */
export class EditCancelled extends Event {
  static readonly type = 'edit-cancelled';
  constructor() {
    super(EditCancelled.type, UP);
  }
}

/** The what-if draft changed (a control moved, or Reset). */
export class WhatIfChanged extends Event {
  static readonly type = 'what-if-changed';
  readonly draft: WhatIfDraft;
  constructor(draft: WhatIfDraft) {
    super(WhatIfChanged.type, UP);
    this.draft = draft;
  }
}

declare global {
  interface HTMLElementEventMap {
    'edit-requested': EditRequested;
    'delete-requested': DeleteRequested;
    'edit-submitted': EditSubmitted;
    'edit-cancelled': EditCancelled;
    'what-if-changed': WhatIfChanged;
  }
}
