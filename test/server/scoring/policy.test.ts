import { describe, expect, it } from 'vitest';
import { policy as policySchema } from '../../../server/domain/methodology.ts';
import { DECAY_POLICIES, remainingWeight } from '../../../server/scoring/decay.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { subprocessorPoints } from '../../../server/scoring/support-factor.ts';
import { inheritedPoints } from '../../../server/scoring/support-factor.ts';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { incidentFacts, subprocessorFacts } from '../../helpers/fixtures.ts';

describe('the default policy', () => {
  it('passes its own schema', () => {
    expect(policySchema.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
  });

  it.each([
    ['weights that do not add up to 1', { weights: { ...DEFAULT_POLICY.weights, mfa: 0.5 } }, 'weights'],
    [
      'MFA risk that rises with a stronger method',
      { mfa: { ...DEFAULT_POLICY.mfa, methodRisk: { ...DEFAULT_POLICY.mfa.methodRisk, fido2: 0.9 } } },
      'mfa.methodRisk',
    ],
    ['bands out of order', { bands: [...DEFAULT_POLICY.bands].reverse() }, 'bands'],
    ['an unknown decay kind', { decay: { name: 'x', kind: 'cliff', days: 3 } }, 'decay.kind'],
    ['an unknown parameter', { mood: 'calm' }, ''],
    ['an MFA prior better than SMS not enforced', { mfa: { ...DEFAULT_POLICY.mfa, unknownPrior: 0.7 } }, 'mfa.unknownPrior'],
    ['a support prior above the least arrangement with tenant access', { support: { ...DEFAULT_POLICY.support, unknownPrior: 18.4 } }, 'support.unknownPrior'],
    ['a minimum evidence share above 1', { assessment: { minEvidenceShare: 1.5 } }, 'assessment.minEvidenceShare'],
    [
      'a category named twice',
      { inherent: { ...DEFAULT_POLICY.inherent, categoryPriors: [DEFAULT_POLICY.inherent.categoryPriors[0], DEFAULT_POLICY.inherent.categoryPriors[0]] } },
      'inherent.categoryPriors',
    ],
    [
      'a category row without words to match',
      { inherent: { ...DEFAULT_POLICY.inherent, categoryPriors: [{ ...DEFAULT_POLICY.inherent.categoryPriors[0], matches: [] }] } },
      'inherent.categoryPriors.0.matches',
    ],
  ])('rejects %s', (_what, change, path) => {
    const r = policySchema.safeParse({ ...DEFAULT_POLICY, ...change });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('decay policies', () => {
  it('long-memory keeps Okta 2022 at 69% when Okta 2023 happens; the peer-style ones forget it', () => {
    expect(remainingWeight(DECAY_POLICIES['long-memory'], 577)).toBeCloseTo(0.694, 3);
    expect(remainingWeight(DECAY_POLICIES['peer-half-life'], 577)).toBeCloseTo(0.036, 3);
    expect(remainingWeight(DECAY_POLICIES['short-penalty'], 577)).toBe(0);
  });

  it('short-penalty fades linearly over 30 days; peer-half-life stops at two years', () => {
    expect(remainingWeight(DECAY_POLICIES['short-penalty'], 15)).toBe(0.5);
    expect(remainingWeight(DECAY_POLICIES['peer-half-life'], 120)).toBeCloseTo(0.5);
    expect(remainingWeight(DECAY_POLICIES['peer-half-life'], 729)).toBeGreaterThan(0);
    expect(remainingWeight(DECAY_POLICIES['peer-half-life'], 730)).toBe(0);
  });
});

describe('inherited support risk', () => {
  it('passes on part of a subprocessor’s own incident score, scaled by its reach and capped', () => {
    const breach = incidentFacts({ severity: 'critical', publicDisclosureDate: '2023-10-20', customersAffected: 1000 });
    const asOf = dayNumber('2023-10-31');
    const artefacts = inheritedPoints(subprocessorFacts({ accessLevel: 'session-artifacts', ownIncidents: [breach] }), DEFAULT_POLICY, asOf)!;
    const metadata = inheritedPoints(subprocessorFacts({ accessLevel: 'metadata', ownIncidents: [breach] }), DEFAULT_POLICY, asOf)!;
    expect(artefacts.share).toBeLessThanOrEqual(DEFAULT_POLICY.support.inheritedCap);
    expect(artefacts.share).toBeGreaterThan(metadata.share);
    expect(inheritedPoints(subprocessorFacts({ accessLevel: 'none', ownIncidents: [breach] }), DEFAULT_POLICY, asOf)).toBeNull();
    expect(inheritedPoints(subprocessorFacts({ ownIncidents: [] }), DEFAULT_POLICY, asOf)).toBeNull();
    // Before the subprocessor's incident is known there is nothing to inherit.
    expect(inheritedPoints(subprocessorFacts({ ownIncidents: [breach] }), DEFAULT_POLICY, dayNumber('2023-10-19'))).toBeNull();
    expect(subprocessorPoints(subprocessorFacts(), DEFAULT_POLICY).points).toBeGreaterThan(0);
  });
});
