import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { facts, incidentFacts, mfaRecord, subprocessorFacts } from '../../helpers/fixtures.ts';

const rules = (f: ReturnType<typeof facts>, asOf = '2024-01-31') => scoreVendor(f, P, asOf).findings.map((x) => x.rule);

describe('gaps', () => {
  it('name every unknown the score counted', () => {
    const s = scoreVendor(
      facts({
        subprocessors: [subprocessorFacts({ name: 'Helpdesk', accessLevel: 'session-artifacts' })],
        incidents: [incidentFacts({ detectedByVendorDate: null })],
      }),
      P,
      '2024-01-31',
    );
    expect(s.gaps.map((g) => g.text)).toEqual([
      'No evidence about admins MFA',
      'No evidence about support staff MFA',
      'No evidence about workforce MFA',
      'No evidence about contractors and subprocessor staff MFA',
      'No evidence about customer-facing login MFA',
      'Helpdesk: staff MFA unknown',
      'Helpdesk: whether artefacts are sanitized on upload is unknown',
      'Helpdesk: how long artefacts are kept is unknown',
      'An incident: no date tells when the vendor learned of it',
    ]);
  });

  it('flag stale posture evidence and a missing support chain', () => {
    const s = scoreVendor(facts({ mfa: [mfaRecord({ population: 'admins', assessedOn: '2019-01-01' })] }), P, '2024-01-31');
    expect(s.gaps.map((g) => g.text)).toContain('Evidence about admins MFA is stale (assessed 2019-01-01)');
    expect(s.gaps.map((g) => g.text)).toContain('No support arrangement on record: who can reach customer tenants is unknown');
  });
});

describe('findings', () => {
  const fido2Everywhere = [mfaRecord({ population: 'admins' }), mfaRecord({ population: 'support' })];

  it('ask tier-1 and tier-2 vendors for phishing-resistant MFA for admins and support, not tier 3', () => {
    expect(rules(facts())).toEqual(expect.arrayContaining(['support-mfa-not-phishing-resistant', 'admins-mfa-not-phishing-resistant']));
    expect(rules(facts({ mfa: fido2Everywhere }))).toEqual([]);
    expect(rules(facts({ mfa: [mfaRecord({ population: 'support', enforced: false }), fido2Everywhere[0]!] }))).toEqual(['support-mfa-not-phishing-resistant']);
    expect(rules(facts({ vendor: { id: 1, name: 'x', tier: 3, dataAccess: 'none', environmentAccess: 'none' } }))).toEqual([]);
    const tier2 = scoreVendor(facts({ vendor: { id: 1, name: 'x', tier: 2, dataAccess: 'none', environmentAccess: 'none' } }), P, '2024-01-31');
    expect(tier2.findings[0]!.severity).toBe('medium');
  });

  it('flag late disclosure beyond 14 days and incidents found by others first', () => {
    const late = incidentFacts({ detectedByVendorDate: '2023-06-01', firstReportedByThirdPartyDate: '2023-05-20', publicDisclosureDate: '2023-07-15' });
    const s = scoreVendor(facts({ mfa: fido2Everywhere, incidents: [late] }), P, '2024-01-31');
    expect(s.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
      ['late-disclosure', 'medium', 'Disclosed 56 days after the vendor knew'],
      ['found-by-others-first', 'medium', 'Customers found the incident before the vendor did'],
    ]);
    const prompt = incidentFacts({ detectedByVendorDate: '2023-06-01', publicDisclosureDate: '2023-06-10' });
    expect(rules(facts({ mfa: fido2Everywhere, incidents: [prompt] }))).toEqual([]);
  });

  it('flag unsanitized artefacts and outsourced tenant access, with a contract condition', () => {
    const sub = subprocessorFacts({ accessLevel: 'session-artifacts', outsourced: true, artifactsSanitized: null });
    const s = scoreVendor(facts({ mfa: fido2Everywhere, subprocessors: [sub] }), P, '2024-01-31');
    expect(s.findings.map((f) => f.rule)).toEqual(['unsanitized-support-artifacts', 'outsourced-tenant-access']);
    expect(s.findings[0]!.suggestedCondition).toMatch(/HAR files/);
    expect(s.findings[0]!.refs).toEqual([`subprocessor:${sub.id}`]);
    expect(rules(facts({ mfa: fido2Everywhere, subprocessors: [{ ...sub, artifactsSanitized: true, outsourced: false }] }))).toEqual([]);
  });

  it('flag a repeated root cause as critical when it runs through support, and a recent critical incident', () => {
    // A support agent's stolen credentials both times (an unknown root cause would repeat nothing).
    const a = incidentFacts({
      publicDisclosureDate: '2022-03-22',
      supportInvolved: true,
      supportInvolvementType: 'outsourced-support-provider',
      initialAccessVectors: ['stolen-credentials'],
    });
    const b = incidentFacts({
      severity: 'critical',
      detectedByVendorDate: '2023-10-19',
      publicDisclosureDate: '2023-10-20',
      intrusionStartDate: '2023-09-28',
      supportInvolved: true,
      supportInvolvementType: 'in-house-support-system',
      initialAccessVectors: ['stolen-credentials'],
    });
    const s = scoreVendor(facts({ mfa: fido2Everywhere, incidents: [a, b] }), P, '2023-10-31');
    expect(s.findings[0]).toMatchObject({ rule: 'repeat-root-cause', severity: 'critical', refs: [`incident:${b.id}`, `incident:${a.id}`] });
    expect(s.findings.map((f) => f.rule)).toContain('recent-critical-incident');
    // Findings look back three years: by 2027 the repeat no longer raises one.
    expect(rules(facts({ mfa: fido2Everywhere, incidents: [a, b] }), '2027-01-01')).toEqual([]);
  });

  it('are ordered most severe first and have unique ids', () => {
    const s = scoreVendor(
      facts({
        subprocessors: [subprocessorFacts({ accessLevel: 'admin' })],
        incidents: [incidentFacts({ severity: 'critical', publicDisclosureDate: '2023-12-01', detectedByVendorDate: '2023-06-01' })],
      }),
      P,
      '2024-01-31',
    );
    const order = ['critical', 'high', 'medium', 'low'];
    const ranks = s.findings.map((f) => order.indexOf(f.severity));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(s.findings.map((f) => f.id)).size).toBe(s.findings.length);
  });
});
