/** Unknown is "not assessed", not "moderate": evidence coverage, the priors shown apart, inherent risk. */
import { describe, expect, it } from 'vitest';
import { categoryRow, DEFAULT_CATEGORY_PRIORS } from '../../../server/domain/category-priors.ts';
import { storedPolicy } from '../../../server/domain/methodology.ts';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { bandOf, scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { subprocessorPoints } from '../../../server/scoring/support-factor.ts';
import type { Policy } from '../../../server/scoring/policy.ts';
import { facts, incidentFacts, mfaRecord, subprocessorFacts } from '../../helpers/fixtures.ts';

const ASOF = '2024-01-01';
const factor = (s: ReturnType<typeof scoreVendor>, id: string) => s.factors.find((f) => f.id === id)!;
const allMfa = (method: 'fido2' | 'sms' = 'fido2') =>
  (['admins', 'support', 'workforce', 'contractors', 'customers'] as const).map((population) => mfaRecord({ population, method, assessedOn: '2023-01-01' }));

describe('evidence coverage and the not-assessed band', () => {
  it('a vendor with no evidence at all is not assessed: its score rests on the priors, shown apart', () => {
    const s = scoreVendor(facts(), P, ASOF);
    expect(s.assessed).toBe(false);
    expect(s.band).toBe('not-assessed');
    // The incident record (incidents, recurrence, disclosure: 0.55 of the weight) is evidence; MFA and support are not.
    expect(s.evidenceCoverage).toBe(0.55);
    // support 0.25 × 18.4 + MFA 0.2 × 92.5: every likelihood point rests on an unknown.
    expect(s.unknownPoints).toBe(s.likelihood);
    expect(s.unknownPoints).toBeCloseTo(0.25 * 18.4 + 0.2 * 92.5, 1);
    const unknown = s.factors.flatMap((f) => f.contributions.filter((c) => c.unknownShare !== undefined).map((c) => [c.ref, c.unknownShare]));
    expect(unknown).toEqual([
      [null, 1],
      ['mfa:admins', 0.3],
      ['mfa:support', 0.3],
      ['mfa:workforce', 0.15],
      ['mfa:contractors', 0.15],
      ['mfa:customers', 0.1],
    ]);
    // Residual risk is still computed, and the cell with it: the band says it is no rating.
    expect(s.risk).toBeCloseTo(Math.round(s.likelihood * s.impact) / 100, 1);
  });

  it('says what would assess it: the least evidence, largest share first, that reaches the minimum', () => {
    const s = scoreVendor(facts(), P, ASOF);
    // 0.55 + 0.25 = 0.80 ≥ 0.75: the support chain alone would do.
    expect(s.toAssess).toEqual([{ factor: 'support', ref: null, text: expect.stringMatching(/^The support chain/), weight: 0.25 }]);
    const strict = { ...P, assessment: { minEvidenceShare: 0.9 } };
    // 0.55 + 0.25 + 0.06 + 0.06 = 0.92: the chain, then MFA for admins and support staff.
    expect(scoreVendor(facts(), strict, ASOF).toAssess.map((m) => [m.ref, m.text, m.weight])).toEqual([
      [null, expect.stringMatching(/^The support chain/), 0.25],
      ['mfa:admins', 'MFA for admins', 0.06],
      ['mfa:support', 'MFA for support staff', 0.06],
    ]);
  });

  it('a known support chain, or MFA for every population, assesses a vendor; part of the MFA does not', () => {
    const chain = scoreVendor(facts({ subprocessors: [subprocessorFacts()] }), P, ASOF);
    expect([chain.assessed, chain.evidenceCoverage, chain.toAssess]).toEqual([true, 0.8, []]);
    expect(chain.band).toBe(bandOf(chain.risk, P));
    const mfa = scoreVendor(facts({ mfa: allMfa() }), P, ASOF);
    expect([mfa.assessed, mfa.evidenceCoverage]).toEqual([true, 0.75]);
    const some = scoreVendor(facts({ mfa: allMfa().slice(0, 3) }), P, ASOF);
    expect([some.assessed, some.evidenceCoverage]).toEqual([false, 0.7]);
    expect(some.toAssess.map((m) => m.ref)).toEqual([null]);
    // Fully known: nothing rests on a prior.
    const all = scoreVendor(facts({ mfa: allMfa(), subprocessors: [subprocessorFacts()] }), P, ASOF);
    expect([all.evidenceCoverage, all.unknownPoints]).toEqual([1, 0]);
  });

  it('a vendor with a real critical incident and no posture evidence is not assessed, and its incident still counts', () => {
    const s = scoreVendor(facts({ incidents: [incidentFacts({ severity: 'critical', publicDisclosureDate: '2023-10-20' })] }), P, ASOF);
    expect(s.band).toBe('not-assessed');
    expect(factor(s, 'incidents').score).toBeGreaterThan(0);
    expect(s.findings.map((f) => f.rule)).toContain('recent-critical-incident');
    expect(s.unknownPoints).toBeLessThan(s.likelihood);
  });

  it('the minimum is a parameter: 0 assesses every vendor', () => {
    const s = scoreVendor(facts(), { ...P, assessment: { minEvidenceShare: 0 } }, ASOF);
    expect([s.assessed, s.band, s.toAssess]).toEqual([true, bandOf(s.risk, P), []]);
  });
});

describe('the priors of unknown factors', () => {
  it('take the methodology’s values, each marked as resting on no evidence', () => {
    const custom: Policy = { ...P, support: { ...P.support, unknownPrior: 10 }, mfa: { ...P.mfa, unknownPrior: 1 } };
    const s = scoreVendor(facts(), custom, ASOF);
    expect(factor(s, 'support')).toMatchObject({ known: false, score: 10 });
    expect(factor(s, 'support').contributions[0]).toMatchObject({ formula: 'unknown-chain prior 10 = 10', unknownShare: 1 });
    expect(factor(s, 'mfa').score).toBe(100);
    expect(factor(s, 'mfa').contributions[0]).toMatchObject({ label: 'Admins: unknown', formula: 'weight 30 × prior 1 = 30', unknownShare: 0.3 });
  });

  it('an unknown MFA population scores as the default prior, SMS not enforced, never better than known SMS', () => {
    expect(P.mfa.unknownPrior).toBeCloseTo(1 - (1 - P.mfa.methodRisk.sms) * P.mfa.unenforcedBenefit, 12);
    const unknown = factor(scoreVendor(facts(), P, ASOF), 'mfa').score;
    for (const enforced of [true, false]) {
      const sms = factor(scoreVendor(facts({ mfa: allMfa('sms').map((r) => ({ ...r, enforced })) }), P, ASOF), 'mfa').score;
      expect(unknown).toBeGreaterThanOrEqual(sms);
    }
  });

  it('the support prior is the least an arrangement with tenant access scores, so recording one never lowers the factor', () => {
    const least = subprocessorPoints(
      { accessLevel: 'customer-data', outsourced: false, staffMfa: 'fido2', artifactsSanitized: true, retentionDays: 0 },
      P,
    ).points;
    expect(P.support.unknownPrior).toBeCloseTo(least, 9);
    for (const accessLevel of ['customer-data', 'session-artifacts', 'admin'] as const) {
      const s = scoreVendor(
        facts({ subprocessors: [subprocessorFacts({ accessLevel, outsourced: false, staffMfa: 'fido2', artifactsSanitized: true, retentionDays: 0 })] }),
        P,
        ASOF,
      );
      expect(factor(s, 'support').score, accessLevel).toBeGreaterThanOrEqual(factor(scoreVendor(facts(), P, ASOF), 'support').score);
    }
  });

  it('a known arrangement scores by what it is: metadata-only support lowers the factor below "unknown", on purpose', () => {
    // Cisco Duo's telephony provider: outsourced, ticket metadata, staff MFA unknown.
    const metadata = subprocessorFacts({ accessLevel: 'metadata', outsourced: true, staffMfa: null });
    const s = scoreVendor(facts({ subprocessors: [metadata] }), P, ASOF);
    const unknown = factor(scoreVendor(facts(), P, ASOF), 'support');
    expect(factor(s, 'support')).toMatchObject({ known: true, score: 17.3 });
    expect(factor(s, 'support').score).toBeLessThan(unknown.score);
    expect(factor(s, 'support').contributions[0]!.formula).toBe(
      'access 15 × outsourced 1.2 × staff MFA (0.5 + 0.5 × (1 − (1 − method risk 0.7) × unenforced benefit 0.25)) = 17.325',
    );
    // It is evidence: the vendor is assessed, and the prior's points no longer count as unknown.
    expect(s.assessed).toBe(true);
    expect(factor(s, 'support').contributions.some((c) => c.unknownShare !== undefined)).toBe(false);
    // An arrangement with no tenant access at all scores 0.
    expect(factor(scoreVendor(facts({ subprocessors: [subprocessorFacts({ accessLevel: 'none' })] }), P, ASOF), 'support').score).toBe(0);
  });
});

describe('inherent risk', () => {
  it('is the category prior × impact / 100, from the relationship alone', () => {
    const vendor = { id: 1, name: 'Acme', tier: 1, dataAccess: 'confidential', environmentAccess: 'identity-provider', category: 'identity provider' } as const;
    const idp = scoreVendor(facts({ vendor }), P, ASOF);
    expect(idp.impact).toBe(91);
    expect(idp.inherentLikelihood).toBe(45);
    expect(idp.inherentRisk).toBe(41);
    expect(idp.inherentBand).toBe('high');
    expect(idp.inherentContributions).toEqual([
      expect.objectContaining({
        label: 'Category prior (identity and access) × impact',
        points: 41,
        ref: 'inherent:category',
        formula: 'category prior 45 × impact 91 / 100 = 40.95',
      }),
    ]);
    // Evidence moves the residual risk, never the inherent one.
    const evidenced = scoreVendor(facts({ vendor, incidents: [incidentFacts({ severity: 'critical' })], mfa: allMfa() }), P, ASOF);
    expect(evidenced.inherentRisk).toBe(idp.inherentRisk);
    expect(evidenced.risk).not.toBe(idp.risk);
  });

  it('a category no row matches, or none, takes the prior for other categories', () => {
    for (const category of ['social media platform', '', undefined]) {
      const s = scoreVendor(
        facts({ vendor: { id: 1, name: 'A', tier: 4, dataAccess: 'none', environmentAccess: 'none', ...(category === undefined ? {} : { category }) } }),
        P,
        ASOF,
      );
      expect(s.inherentLikelihood, String(category)).toBe(P.inherent.otherCategoriesPrior);
      expect(s.inherentContributions[0]!.label).toBe('Category prior (other categories) × impact');
    }
  });

  it('rows match whole words of the free-text category, case ignored, first row first', () => {
    const row = (c: string) => categoryRow(DEFAULT_CATEGORY_PRIORS, c)?.category ?? null;
    expect(row('identity provider')).toBe('identity and access');
    expect(row('MFA / access security')).toBe('identity and access');
    expect(row('PaaS / CI/CD')).toBe('software delivery');
    expect(row('source code hosting / CI')).toBe('software delivery');
    expect(row('managed file transfer')).toBe('remote management and file transfer');
    expect(row('team messaging / collaboration')).toBe('customer communications and support');
    // "CI" is a word of "CI/CD", not a part of "Cisco" or "specialist".
    expect(row('Cisco specialist tools')).toBeNull();
    expect(row('cloud productivity and identity')).toBe('identity and access');
  });
});

describe('a stored 1.x methodology', () => {
  const { version: _v, assessment: _a, inherent: _i, ...rest } = P;
  const v1 = { ...rest, support: { ...P.support, unknownPrior: undefined }, mfa: { ...P.mfa, unknownPrior: undefined } };
  const old = storedPolicy(JSON.parse(JSON.stringify(v1)), '1.0.0');

  it('is read with the new behaviour off: every vendor assessed, the priors those 1.x counted unknowns as', () => {
    expect(old.assessment.minEvidenceShare).toBe(0);
    expect(old.support.unknownPrior).toBe(35 * 1 * (0.5 + (1 - 0.5) * 0.05));
    expect(old.mfa.unknownPrior).toBe(1 - (1 - 0.7) * 0.25);
    const s = scoreVendor(facts(), old, ASOF);
    expect([s.assessed, s.band]).toEqual([true, bandOf(s.risk, old)]);
  });

  it('keeps the parameters a version has', () => {
    const stored = storedPolicy({ ...rest, assessment: { minEvidenceShare: 0.6 }, inherent: P.inherent }, '2.0.0-draft');
    expect(stored.assessment.minEvidenceShare).toBe(0.6);
    expect(stored.support.unknownPrior).toBe(P.support.unknownPrior);
  });
});
