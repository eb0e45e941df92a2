/**
 * Self-attested evidence (issue 16): a fact accepted from the vendor's own answer scores as the same
 * fact recorded would, counts as evidence, weighs `confidence.selfAttestedWeight` in confidence and
 * is named in the gaps. Stored versions from before the parameter read it as shipped.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { confidenceOf } from '../../../server/scoring/confidence.ts';
import { storedPolicy, DEFAULT_SELF_ATTESTED_WEIGHT } from '../../../server/domain/methodology.ts';
import { POLICY_1_0_0 } from '../../../server/scoring/policy-1.0.0.ts';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { facts, mfaRecord, subprocessorFacts } from '../../helpers/fixtures.ts';

const AS_OF = '2026-12-31';
const source = { kind: 'questionnaire' as const, requestId: 12, questionId: 'mfa-support-method' };
const supportFido2 = (o = {}) => mfaRecord({ population: 'support', method: 'fido2', enforced: true, assessedOn: '2026-12-01', knownFrom: '2026-12-01', ...o });

describe('self-attested evidence', () => {
  it('scores as the same fact recorded would, but lowers confidence and adds a gap naming the request', () => {
    const verified = scoreVendor(facts({ mfa: [supportFido2({ evidence: 'audit-report' })] }), P, AS_OF);
    const attested = scoreVendor(facts({ mfa: [supportFido2({ evidence: 'attestation', confidence: 'self-attested', source })] }), P, AS_OF);
    expect(attested.likelihood).toBe(verified.likelihood);
    expect(attested.evidenceCoverage).toBe(verified.evidenceCoverage);
    expect(attested.confidence).toBeLessThan(verified.confidence);
    // MFA's 0.5 of confidence × support's 30 of 100 population weight, counted 0.5 instead of 1: 0.075 less (each side rounded to 2 places).
    expect(Math.abs(verified.confidence - attested.confidence - 0.5 * 0.3 * (1 - P.confidence.selfAttestedWeight))).toBeLessThanOrEqual(0.0051);
    expect(attested.gaps).toContainEqual({
      factor: 'mfa',
      ref: 'mfa:support',
      text: "Support staff MFA rests on the vendor's own word (questionnaire, request 12)",
    });
    expect(verified.gaps.map((g) => g.text).join('\n')).not.toContain("vendor's own word");
  });

  it('an accepted answer changes the score: unknown support staff MFA → self-attested FIDO2 lowers likelihood and raises coverage', () => {
    const before = scoreVendor(facts(), P, AS_OF);
    const after = scoreVendor(facts({ mfa: [supportFido2({ evidence: 'attestation', confidence: 'self-attested', source })] }), P, AS_OF);
    expect(after.likelihood).toBeLessThan(before.likelihood);
    expect(after.evidenceCoverage).toBeGreaterThan(before.evidenceCoverage);
    expect(after.confidence).toBeGreaterThan(before.confidence);
  });

  it('a support chain resting only on self-attested arrangements counts half in confidence, and each is a gap', () => {
    const sub = (o = {}) =>
      subprocessorFacts({ id: 7, name: 'Helpdesk Co', accessLevel: 'customer-data', staffMfa: 'fido2', artifactsSanitized: true, retentionDays: 7, ...o });
    const recorded = facts({ subprocessors: [sub()] });
    const attested = facts({
      subprocessors: [sub({ confidence: 'self-attested', source: { kind: 'questionnaire', requestId: 3, questionId: 'support-provider' } })],
    });
    const day = dayNumber(AS_OF);
    expect(confidenceOf(recorded, P, day) - confidenceOf(attested, P, day)).toBeCloseTo(
      P.confidence.weights.support * (1 - P.confidence.selfAttestedWeight),
      5,
    );
    expect(scoreVendor(attested, P, AS_OF).gaps).toContainEqual({
      factor: 'support',
      ref: 'subprocessor:7',
      text: "Helpdesk Co rests on the vendor's own word (questionnaire, request 3)",
    });
    // A recorded arrangement beside it makes the chain as sure as the surest one.
    const both = facts({ subprocessors: [sub(), sub({ id: 8, name: 'Other', confidence: 'self-attested' })] });
    expect(confidenceOf(both, P, day)).toBe(confidenceOf(recorded, P, day));
  });

  it('with a weight of 1 self-attested counts as recorded in confidence', () => {
    const p = { ...P, confidence: { ...P.confidence, selfAttestedWeight: 1 } };
    const f = (o = {}) => facts({ mfa: [supportFido2(o)] });
    expect(scoreVendor(f({ confidence: 'self-attested' }), p, AS_OF).confidence).toBe(scoreVendor(f(), p, AS_OF).confidence);
  });

  it('a version stored before the parameter is read with the shipped value (confidence only; no stored fact was self-attested)', () => {
    expect(storedPolicy(POLICY_1_0_0.parameters, POLICY_1_0_0.version).confidence.selfAttestedWeight).toBe(DEFAULT_SELF_ATTESTED_WEIGHT);
    const { rationale: _r, version: _v, ...shipped } = P;
    const { selfAttestedWeight: _w, ...olderConfidence } = shipped.confidence;
    expect(storedPolicy({ ...shipped, confidence: olderConfidence }, '2.0.0')).toEqual(P);
    expect(P.rationale['confidence.selfAttestedWeight']!.why).toMatch(/half in confidence/);
  });
});
