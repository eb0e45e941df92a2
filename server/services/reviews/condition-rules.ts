/**
 * How a condition may change. `open` → `met` needs evidence; `open` → `waived` needs an expiry
 * (and an approver, by default the person waiving); going back to `open` clears the waiver, so a
 * stored condition never claims a waiver it does not have.
 */
import type { ConditionFields } from '../../db/reviews-repo.ts';
import type { Condition, ConditionPatch } from '../../domain/review.ts';
import { invalid } from '../errors.ts';

export function checkConditionChange(current: Condition, patch: ConditionPatch, actorLabel: string): ConditionFields {
  const state = patch.state ?? current.state;
  const next: ConditionFields = {
    state,
    owner: patch.owner === undefined ? current.owner : patch.owner,
    dueOn: patch.dueOn === undefined ? current.dueOn : patch.dueOn,
    evidence: patch.evidence === undefined ? current.evidence : patch.evidence,
    waiverExpiresOn: patch.waiverExpiresOn === undefined ? current.waiverExpiresOn : patch.waiverExpiresOn,
    waiverApprover: patch.waiverApprover === undefined ? current.waiverApprover : patch.waiverApprover,
  };
  if (state === 'met' && !next.evidence) {
    throw invalid('A condition is met on evidence: say what shows it.', [{ path: 'body.evidence', message: 'required when the state is met' }]);
  }
  if (state === 'waived') {
    if (!next.waiverExpiresOn)
      throw invalid('A waiver needs an expiry date.', [{ path: 'body.waiverExpiresOn', message: 'required when the state is waived' }]);
    next.waiverApprover ??= actorLabel;
  } else {
    if (patch.waiverExpiresOn || patch.waiverApprover) {
      throw invalid('Only a waived condition has a waiver.', [
        { path: patch.waiverExpiresOn ? 'body.waiverExpiresOn' : 'body.waiverApprover', message: `not allowed when the state is ${state}` },
      ]);
    }
    next.waiverExpiresOn = null;
    next.waiverApprover = null;
  }
  return next;
}
