/**
 * A stored methodology 1.x version has none of methodology 2's incident parameters; storedPolicy
 * gives it the values that keep its old behaviour, so root causes, entry paths and campaign links,
 * whatever the records say, change nothing of its scores (the golden test proves the numbers).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policy as policySchema, storedPolicy } from '../../../server/domain/methodology.ts';
import { withV1Defaults } from '../../../server/domain/methodology-v1.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import type { ScoringFacts } from '../../../server/scoring/types.ts';
import { V1_PARAMETERS, V1_POLICY } from '../../helpers/policies.ts';
import { day, vendorFacts } from '../../helpers/scoring-arbitraries.ts';

const plain = (f: ScoringFacts): ScoringFacts => {
  const strip = <T extends object>(i: T) => ({ ...i, rootCause: null, entryPath: null, continuationOf: null });
  return { ...f, incidents: f.incidents.map(strip), subprocessors: f.subprocessors.map((s) => ({ ...s, ownIncidents: s.ownIncidents.map(strip) })) };
};

describe('a stored 1.x methodology', () => {
  it('is read with the 1.x values of the parameters it lacks', () => {
    expect(V1_POLICY.recurrence).toMatchObject({ matchOn: 'classes', requireSameEntryPath: false, pairWith: 'closest' });
    expect(V1_POLICY.campaigns).toEqual({ countAsOne: false });
    expect(V1_POLICY.incidentCap).toEqual({ likelihoodPoints: null });
    // What it has is its own; the unused root-cause weights are methodology 2's defaults.
    expect(V1_POLICY.recurrence.classWeights).toEqual((V1_PARAMETERS.recurrence as { classWeights: unknown }).classWeights);
    expect(V1_POLICY.recurrence.rootCauseWeights).toEqual(DEFAULT_POLICY.recurrence.rootCauseWeights);
  });

  it('keeps what a version stored since says, and refuses a version that lacks them when it is stored anew', () => {
    const { version: _v, ...parameters } = DEFAULT_POLICY;
    expect(storedPolicy(withV1Defaults(parameters), 'x')).toEqual({ ...DEFAULT_POLICY, version: 'x' });
    expect(policySchema.safeParse({ ...V1_PARAMETERS, version: '1.1.0' }).success).toBe(false);
  });

  it('scores alike whatever root causes, entry paths and campaign links the records carry', () => {
    fc.assert(
      fc.property(vendorFacts, day, (f, asOf) => {
        expect(scoreVendor(f, V1_POLICY, asOf)).toEqual(scoreVendor(plain(f), V1_POLICY, asOf));
      }),
      { numRuns: 300 },
    );
  });

  it('but methodology 2 reads them', () => {
    const changed = fc
      .sample(fc.tuple(vendorFacts, day), { numRuns: 300, seed: 13 })
      .filter(
        ([f, asOf]) => JSON.stringify(scoreVendor(f, DEFAULT_POLICY, asOf).factors) !== JSON.stringify(scoreVendor(plain(f), DEFAULT_POLICY, asOf).factors),
      );
    expect(changed.length).toBeGreaterThan(10);
  });
});
