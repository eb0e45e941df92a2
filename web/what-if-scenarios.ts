/**
 * What-if scenarios as users think of them, PURE. A scenario is a bundle of the panel's fine
 * controls ("all support staff on FIDO2" is the vendor's own support staff AND the staff of every
 * entry of its support chain, outsourced providers included: two kinds of control with different
 * effects, on the MFA and the support-chain factors): applying it writes those
 * controls into the draft, clearing it puts them back "as recorded", and whether it is applied is
 * read from the draft, so the scenarios and the fine controls never disagree (and a draft from a
 * link shows its scenarios ticked).
 */
import type { Subprocessor } from '../server/domain/subprocessor.ts';
import type { SubprocessorChoice, WhatIfDraft } from './what-if.ts';

type Sub = Pick<Subprocessor, 'id' | 'name' | 'outsourced' | 'artifactsSanitized' | 'staffMfa' | 'until'>;

export interface Scenario {
  /** Stable: `support-fido2`, `sanitize-artefacts`, `remove-12`. */
  readonly id: string;
  readonly title: string;
  /** What the scenario changes, in words (the populations and providers it covers). */
  readonly detail: string;
  readonly applied: (draft: WhatIfDraft) => boolean;
  readonly apply: (draft: WhatIfDraft) => WhatIfDraft;
  readonly clear: (draft: WhatIfDraft) => WhatIfDraft;
}

const nameOf = (s: Sub) => (s.until ? `${s.name} (ended)` : s.name);
const names = (subs: readonly Sub[]) =>
  subs.length <= 1 ? (subs[0] ? nameOf(subs[0]) : '') : `${subs.slice(0, -1).map(nameOf).join(', ')} and ${nameOf(subs.at(-1)!)}`;
const removed = (draft: WhatIfDraft, id: number) => !!draft.subprocessors[id]?.remove;

/** The draft with one field of some subprocessors' choices set (or, `undefined`, back to "as recorded"). */
function withSubs<K extends keyof SubprocessorChoice>(
  draft: WhatIfDraft,
  ids: readonly number[],
  key: K,
  value: SubprocessorChoice[K] | undefined,
): WhatIfDraft {
  const subprocessors = { ...draft.subprocessors };
  for (const id of ids) {
    const { [key]: _old, ...rest } = subprocessors[id] ?? {};
    const next: SubprocessorChoice = value === undefined ? rest : { ...rest, [key]: value };
    if (Object.keys(next).length > 0) subprocessors[id] = next;
    else delete subprocessors[id];
  }
  return { ...draft, subprocessors };
}

function supportFido2(subs: readonly Sub[]): Scenario {
  // Every entry of the support chain counts its staff's MFA (in-house support desks too), besides the vendor's MFA posture for support staff.
  const inHouse = subs.filter((s) => !s.outsourced);
  const outsourced = subs.filter((s) => s.outsourced);
  // Only those not already on FIDO2 need a change; the rest count as done.
  const toChange = subs.filter((s) => s.staffMfa !== 'fido2').map((s) => s.id);
  const staffOnFido2 = (draft: WhatIfDraft, s: Sub) => removed(draft, s.id) || (draft.subprocessors[s.id]?.staffMfa ?? s.staffMfa) === 'fido2';
  const own = inHouse.length > 0 ? `The vendor’s own support staff (its MFA posture, and in-house ${names(inHouse)})` : 'The vendor’s own support staff';
  return {
    id: 'support-fido2',
    title: 'All support staff on FIDO2, enforced',
    detail: outsourced.length > 0 ? `${own} and the staff of outsourced ${names(outsourced)}.` : `${own}; no outsourced provider on record.`,
    applied: (d) => d.mfa.support?.method === 'fido2' && d.mfa.support.enforced && subs.every((s) => staffOnFido2(d, s)),
    apply: (d) => withSubs({ ...d, mfa: { ...d.mfa, support: { method: 'fido2', enforced: true } } }, toChange, 'staffMfa', 'fido2'),
    clear: (d) => {
      const { support: _support, ...mfa } = d.mfa;
      return withSubs(
        { ...d, mfa },
        subs.map((s) => s.id),
        'staffMfa',
        undefined,
      );
    },
  };
}

function sanitizeArtefacts(subs: readonly Sub[]): Scenario {
  const toChange = subs.filter((s) => s.artifactsSanitized !== true).map((s) => s.id);
  return {
    id: 'sanitize-artefacts',
    title: 'Sanitize artefacts on upload',
    detail: `Troubleshooting artefacts (HAR files, logs) stripped of session tokens at ${names(subs)}.`,
    applied: (d) => subs.every((s) => removed(d, s.id) || (d.subprocessors[s.id]?.artifactsSanitized ?? s.artifactsSanitized) === true),
    apply: (d) => withSubs(d, toChange, 'artifactsSanitized', true),
    clear: (d) =>
      withSubs(
        d,
        subs.map((s) => s.id),
        'artifactsSanitized',
        undefined,
      ),
  };
}

function removeProvider(s: Sub): Scenario {
  return {
    id: `remove-${s.id}`,
    title: `Remove outsourced provider ${nameOf(s)}`,
    detail: `As if the vendor no longer used ${s.name}.`,
    applied: (d) => removed(d, s.id),
    apply: (d) => withSubs(d, [s.id], 'remove', true),
    clear: (d) => withSubs(d, [s.id], 'remove', undefined),
  };
}

/** The scenarios that make sense for a vendor with these subprocessors, in the order they are offered. */
export function scenarios(subprocessors: readonly Sub[]): Scenario[] {
  return [
    supportFido2(subprocessors),
    ...(subprocessors.length > 0 ? [sanitizeArtefacts(subprocessors)] : []),
    ...subprocessors.filter((s) => s.outsourced).map(removeProvider),
  ];
}
