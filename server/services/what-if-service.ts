/**
 * What-if: the score with hypothetical changes beside the real one. Works on copies of the facts
 * and stores nothing.
 */
import { impossiblePeriod } from '../domain/subprocessor.ts';
import type { WhatIf } from '../domain/what-if.ts';
import type { Store } from '../db/store.ts';
import { round1 } from '../scoring/arithmetic.ts';
import { scoreVendor } from '../scoring/score-vendor.ts';
import type { ScoringFacts, SubprocessorFacts, VendorScore } from '../scoring/types.ts';
import type { Clock } from './clock.ts';
import { found, invalid } from './errors.ts';
import { loadFacts } from './facts-loader.ts';
import type { MethodologyService } from './methodology-service.ts';

export interface WhatIfResult {
  before: VendorScore;
  after: VendorScore;
  delta: { likelihood: number; impact: number; risk: number };
}

// Hypothetical records get ids no stored record has, so their contributions can be told apart.
const HYPOTHETICAL_ID_BASE = -1_000_000;

function applyChanges(facts: ScoringFacts, change: WhatIf, asOf: string): ScoringFacts {
  const own = new Map(facts.subprocessors.map((s) => [s.id, s]));
  const unknownIds = [
    ...(change.subprocessors ?? []).map((s, i) => ({ id: s.id, path: `body.subprocessors.${i}.id` })),
    ...(change.removeSubprocessorIds ?? []).map((id, i) => ({ id, path: `body.removeSubprocessorIds.${i}` })),
  ].filter((x) => !own.has(x.id));
  if (unknownIds.length > 0) {
    throw invalid(
      'Some subprocessors are not this vendor’s.',
      unknownIds.map((x) => ({ path: x.path, message: `no subprocessor ${x.id} of this vendor` })),
    );
  }

  const removed = new Set(change.removeSubprocessorIds ?? []);
  const changed = new Map((change.subprocessors ?? []).map((c, i) => [c.id, { c, i }]));
  const subprocessors: SubprocessorFacts[] = facts.subprocessors
    .filter((s) => !removed.has(s.id))
    .map((s) => {
      const edit = changed.get(s.id);
      if (!edit) return s;
      const { id: _id, ...fields } = edit.c;
      const merged = { ...s, ...fields };
      const problems = impossiblePeriod(merged);
      if (problems.length > 0) {
        throw invalid(
          'A changed subprocessor would be invalid.',
          problems.map(([f, message]) => ({ path: `body.subprocessors.${edit.i}.${f}`, message })),
        );
      }
      return merged;
    });
  // A hypothetical record is known on the day asked about (unless it says otherwise), so that it counts.
  (change.addSubprocessors ?? []).forEach((s, i) =>
    subprocessors.push({ ...s, knownFrom: s.knownFrom ?? asOf, id: HYPOTHETICAL_ID_BASE - i, ownIncidents: [] }),
  );

  const replaced = new Set((change.mfa ?? []).map((r) => r.population));
  const mfa = [
    ...facts.mfa.filter((r) => !replaced.has(r.population)),
    ...(change.mfa ?? []).map((r) => ({ ...r, assessedOn: r.assessedOn ?? asOf, knownFrom: asOf })),
  ];
  const incidents = [...facts.incidents, ...(change.addIncidents ?? []).map((inc, i) => ({ ...inc, id: HYPOTHETICAL_ID_BASE - 100 - i }))];
  return { vendor: { ...facts.vendor, ...change.relationship }, incidents, subprocessors, mfa };
}

export function whatIfService(store: Store, clock: Clock, methodology: MethodologyService) {
  return {
    evaluate: (vendorId: number, change: WhatIf): WhatIfResult => {
      const vendor = found(store.vendors.find(vendorId), 'vendor', vendorId);
      const asOf = change.asOf ?? clock.today();
      const policy = methodology.active();
      const facts = loadFacts(store, vendor);
      const before = scoreVendor(facts, policy, asOf);
      const after = scoreVendor(applyChanges(facts, change, asOf), policy, asOf);
      return {
        before,
        after,
        delta: {
          likelihood: round1(after.likelihood - before.likelihood),
          impact: round1(after.impact - before.impact),
          risk: round1(after.risk - before.risk),
        },
      };
    },
  };
}

export type WhatIfService = ReturnType<typeof whatIfService>;
