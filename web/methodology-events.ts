/**
 * Events of the methodology editor, typed like those in events.ts: the form says what was asked
 * for (a change, a comparison, a save, Cancel) with the draft it shows, and the page's edit
 * controller, which owns the requests, does it.
 */
import type { MethodologyDraft } from './methodology-draft.ts';

const UP: EventInit = { bubbles: true, composed: true };

/** An event that carries the draft the form shows. */
class DraftEvent extends Event {
  readonly draft: MethodologyDraft;
  constructor(type: string, draft: MethodologyDraft) {
    super(type, UP);
    this.draft = draft;
  }
}
export class MethodologyDraftChanged extends DraftEvent {
  static readonly type = 'methodology-draft-changed';
  constructor(d: MethodologyDraft) {
    super(MethodologyDraftChanged.type, d);
  }
}
export class MethodologyDraftCompare extends DraftEvent {
  static readonly type = 'methodology-draft-compare';
  constructor(d: MethodologyDraft) {
    super(MethodologyDraftCompare.type, d);
  }
}
export class MethodologyDraftSubmitted extends DraftEvent {
  static readonly type = 'methodology-draft-submitted';
  constructor(d: MethodologyDraft) {
    super(MethodologyDraftSubmitted.type, d);
  }
}
export class MethodologyEditCancelled extends Event {
  static readonly type = 'methodology-edit-cancelled';
  constructor() {
    super(MethodologyEditCancelled.type, UP);
  }
}

declare global {
  interface HTMLElementEventMap {
    'methodology-draft-changed': MethodologyDraftChanged;
    'methodology-draft-compare': MethodologyDraftCompare;
    'methodology-draft-submitted': MethodologyDraftSubmitted;
    'methodology-edit-cancelled': MethodologyEditCancelled;
  }
}
