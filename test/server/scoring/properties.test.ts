/** The properties DESIGN §4 asks the engine to prove, checked over generated inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../server/domain/partial-date.ts';
import { KNOWN_ROOT_CAUSES, MFA_METHODS, MFA_POPULATIONS } from '../../../server/domain/vocabulary.ts';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { bandOf, scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { incidentPoints } from '../../../server/scoring/incidents-factor.ts';
import { entryPathOf, rootCauseOf } from '../../../server/domain/root-cause.ts';
import { FINDING_SEVERITIES, type IncidentFacts, type ScoringFacts, type VendorScore } from '../../../server/scoring/types.ts';
import type { Policy } from '../../../server/scoring/policy.ts';
import { day, incident, subprocessor, vendorFacts } from '../../helpers/scoring-arbitraries.ts';

const ASOF = '2025-06-30';
const score = (f: ScoringFacts, asOf = ASOF) => scoreVendor(f, P, asOf);
const EPS = 0.1 + 1e-9; // one rounding step

describe('scoring properties', () => {
  it('contributions add up to each factor score, and factors to likelihood', () => {
    fc.assert(
      fc.property(vendorFacts, day, (f, asOf) => {
        const s = score(f, asOf);
        for (const x of s.factors) expect(x.contributions.reduce((a, c) => a + c.points, 0)).toBeCloseTo(x.score, 9);
        expect(Math.abs(s.factors.reduce((a, x) => a + x.weight * x.score, 0) - s.likelihood)).toBeLessThanOrEqual(0.05 + 1e-9);
        for (const v of [s.likelihood, s.impact, s.risk]) expect(v >= 0 && v <= 100).toBe(true);
        expect(s.confidence >= 0 && s.confidence <= 1).toBe(true);
      }),
    );
  });

  it('adding an incident never lowers likelihood', () => {
    fc.assert(
      fc.property(vendorFacts, incident, (f, extra) => {
        expect(score({ ...f, incidents: [...f.incidents, extra] }).likelihood).toBeGreaterThanOrEqual(score(f).likelihood - EPS);
      }),
    );
  });

  it('the same input gives the same output', () => {
    fc.assert(
      fc.property(vendorFacts, day, (f, asOf) => {
        expect(scoreVendor(structuredClone(f), P, asOf)).toEqual(scoreVendor(f, P, asOf));
      }),
    );
  });

  it('a repeat weighs more than a first occurrence', () => {
    // Two earlier incidents alike in all but their root cause: one has the new incident's, one another.
    const classed = incident.filter((i) => rootCauseOf(i) !== 'unknown' && entryPathOf(i) !== 'unknown');
    fc.assert(
      fc.property(vendorFacts, classed, fc.integer({ min: 30, max: 900 }), (f, later, gap) => {
        const laterDay = dayFromIso(later.publicDisclosureDate!);
        const cause = rootCauseOf(later);
        const same = {
          ...later,
          id: later.id + 1,
          title: 'same way',
          intrusionStartDate: null,
          detectedByVendorDate: null,
          firstReportedByThirdPartyDate: null,
          publicDisclosureDate: isoDay(laterDay - gap),
          rootCause: cause,
          entryPath: entryPathOf(later),
        };
        const other = { ...same, title: 'another way', rootCause: KNOWN_ROOT_CAUSES.find((c) => c !== cause)! };
        const base = { ...f, incidents: [] };
        const rise = (earlier: IncidentFacts) =>
          score({ ...base, incidents: [earlier, later] }, ASOF).likelihood - score({ ...base, incidents: [earlier] }, ASOF).likelihood;
        expect(rise(same)).toBeGreaterThan(rise(other));
      }),
    );
  });

  it('a second incident like the first raises the factor: one incident does not saturate it', () => {
    fc.assert(
      fc.property(incident, (i) => {
        const f = (xs: IncidentFacts[]) =>
          score({ vendor: { id: 1, name: 'V', tier: 1, dataAccess: 'none', environmentAccess: 'none' }, incidents: xs, subprocessors: [], mfa: [] });
        expect(f([i, { ...i, id: i.id + 1 }]).factors[0]!.score).toBeGreaterThan(f([i]).factors[0]!.score);
      }),
    );
  });

  it('a more recent identical incident weighs more', () => {
    fc.assert(
      fc.property(incident, fc.integer({ min: 1, max: 1500 }), (i, shift) => {
        const older = { ...i, intrusionStartDate: null, detectedByVendorDate: null, firstReportedByThirdPartyDate: null, publicDisclosureDate: '2020-01-01' };
        const newer = { ...older, publicDisclosureDate: isoDay(18262 + shift) };
        const asOf = dayFromIso(ASOF);
        // Strictly more before rounding; never less once rounded to a tenth.
        expect(incidentPoints(newer, P, asOf).points).toBeGreaterThan(incidentPoints(older, P, asOf).points);
        const f = (x: IncidentFacts) =>
          score({ vendor: { id: 1, name: 'V', tier: 1, dataAccess: 'none', environmentAccess: 'none' }, incidents: [x], subprocessors: [], mfa: [] });
        expect(f(newer).factors[0]!.score).toBeGreaterThanOrEqual(f(older).factors[0]!.score);
      }),
    );
  });

  it('a longer disclosure lag never lowers risk', () => {
    fc.assert(
      fc.property(vendorFacts, incident, fc.nat({ max: 300 }), (f, i, more) => {
        const later = { ...i, publicDisclosureDate: isoDay(Math.min(dayFromIso(i.publicDisclosureDate!) + more, dayFromIso('2025-01-01'))) };
        if (later.publicDisclosureDate < i.publicDisclosureDate!) return;
        // Compare once both are known, so only the lag differs.
        const a = score({ ...f, incidents: [...f.incidents, i] }, '2025-06-30');
        const b = score({ ...f, incidents: [...f.incidents, later] }, '2025-06-30');
        expect(b.factors[3]!.score).toBeGreaterThanOrEqual(a.factors[3]!.score - EPS);
      }),
    );
  });

  it('stronger MFA for a population never raises risk; unknown is never better than SMS', () => {
    fc.assert(
      fc.property(vendorFacts, fc.constantFrom(...MFA_POPULATIONS), fc.boolean(), (f, population, enforced) => {
        const others = f.mfa.filter((r) => r.population !== population);
        const withMethod = (method: (typeof MFA_METHODS)[number]) =>
          score({
            ...f,
            mfa: [
              ...others,
              { population, method, enforced, evidence: 'observed', source: null, assessedOn: '2018-01-01', knownFrom: '2018-01-01', notes: null },
            ],
          }).risk;
        const risks = MFA_METHODS.map(withMethod);
        for (let k = 1; k < risks.length; k++) expect(risks[k]!).toBeLessThanOrEqual(risks[k - 1]! + EPS);
        const unknown = score({ ...f, mfa: others }).risk;
        expect(unknown).toBeGreaterThanOrEqual(withMethod('sms') - EPS);
      }),
    );
  });

  it('the band is not-assessed exactly when the evidence covers too little; unknown points are part of likelihood', () => {
    fc.assert(
      fc.property(vendorFacts, day, (f, asOf) => {
        const s = score(f, asOf);
        expect(s.band === 'not-assessed').toBe(!s.assessed);
        expect(s.assessed).toBe(s.evidenceCoverage >= P.assessment.minEvidenceShare - 0.005);
        expect(s.evidenceCoverage >= 0.55 - 1e-9 && s.evidenceCoverage <= 1).toBe(true);
        expect(s.unknownPoints).toBeGreaterThanOrEqual(0);
        expect(s.unknownPoints).toBeLessThanOrEqual(s.likelihood + EPS);
        expect(s.toAssess.length === 0).toBe(s.assessed);
        expect(s.evidenceCoverage + s.toAssess.reduce((a, m) => a + m.weight, 0)).toBeGreaterThanOrEqual(P.assessment.minEvidenceShare - 0.01);
      }),
    );
  });

  it('recording evidence about an unknown lowers a not-assessed vendor’s risk by no more than the priors it replaced; evidence no better than its prior never lowers its risk or band', () => {
    const rank = (b: string) => ['low', 'moderate', 'high', 'critical'].indexOf(b);
    const evidence = fc.oneof(
      fc.record({
        kind: fc.constant('mfa' as const),
        population: fc.constantFrom(...MFA_POPULATIONS),
        method: fc.constantFrom(...MFA_METHODS),
        enforced: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('subprocessor' as const), s: subprocessor }),
    );
    fc.assert(
      fc.property(vendorFacts, evidence, (f, e) => {
        const before = score(f);
        if (before.assessed) return;
        let after: ReturnType<typeof score>;
        let noBetterThanPrior: boolean;
        if (e.kind === 'mfa') {
          // A population nothing was known about.
          if (f.mfa.some((r) => r.population === e.population)) return;
          after = score({
            ...f,
            mfa: [
              ...f.mfa,
              {
                population: e.population,
                method: e.method,
                enforced: e.enforced,
                evidence: 'observed',
                source: null,
                assessedOn: '2018-01-01',
                knownFrom: '2018-01-01',
                notes: null,
              },
            ],
          });
          const risk = e.enforced ? P.mfa.methodRisk[e.method] : 1 - (1 - P.mfa.methodRisk[e.method]) * P.mfa.unenforcedBenefit;
          noBetterThanPrior = risk >= P.mfa.unknownPrior;
        } else {
          // The first arrangement on record.
          if (before.factors[2]!.known) return;
          after = score({ ...f, subprocessors: [...f.subprocessors, { ...e.s, since: null, until: null, knownFrom: '2018-01-01' }] });
          noBetterThanPrior = ['customer-data', 'session-artifacts', 'admin'].includes(e.s.accessLevel);
        }
        expect(after.evidenceCoverage).toBeGreaterThan(before.evidenceCoverage);
        const replaced = before.unknownPoints - after.unknownPoints;
        expect(replaced).toBeGreaterThan(0);
        // Rounding: likelihood, unknown points and risk are each shown to a tenth.
        expect(after.risk).toBeGreaterThanOrEqual(before.risk - (replaced * after.impact) / 100 - 0.3);
        if (noBetterThanPrior) {
          expect(after.risk).toBeGreaterThanOrEqual(before.risk - EPS);
          if (after.assessed) expect(rank(after.band)).toBeGreaterThanOrEqual(rank(bandOf(before.risk - EPS, P)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding a subprocessor with tenant access never lowers risk', () => {
    const tenantAccess = subprocessor.filter((s) => ['customer-data', 'session-artifacts', 'admin'].includes(s.accessLevel));
    fc.assert(
      fc.property(vendorFacts, tenantAccess, (f, s) => {
        expect(score({ ...f, subprocessors: [...f.subprocessors, s] }).risk).toBeGreaterThanOrEqual(score(f).risk - EPS);
      }),
    );
  });
});

/** Methodology 2 with its switches in every position: monotonicity must not hang on one setting. */
const policyVariant: fc.Arbitrary<Policy> = fc
  .record({
    matchOn: fc.constantFrom('root-cause' as const, 'classes' as const),
    requireSameEntryPath: fc.boolean(),
    countAsOne: fc.boolean(),
    cap: fc.option(fc.integer({ min: 5, max: 60 })),
  })
  .map((v) => ({
    ...P,
    recurrence: { ...P.recurrence, matchOn: v.matchOn, requireSameEntryPath: v.requireSameEntryPath },
    campaigns: { countAsOne: v.countAsOne },
    incidentCap: { likelihoodPoints: v.cap },
  }));

/**
 * Incidents drawn from a narrow vocabulary (three vectors, three support paths, no set root
 * cause), so that they often share a class or a root cause: where pairing and campaigns bite.
 */
const NARROW_VECTORS = ['stolen-credentials', 'token-theft', 'phishing-social-engineering'] as const;
const NARROW_SUPPORT = ['none', 'in-house-support-system', 'outsourced-support-provider'] as const;
const narrow = (i: IncidentFacts): IncidentFacts => {
  const initialAccessVectors = [...new Set(i.initialAccessVectors.map((v) => NARROW_VECTORS[v.length % 3]!))];
  const supportInvolvementType = NARROW_SUPPORT[i.supportInvolvementType.length % 3]!;
  return { ...i, initialAccessVectors, supportInvolvementType, supportInvolved: supportInvolvementType !== 'none', rootCause: null, entryPath: null };
};
const history = fc.oneof(
  vendorFacts,
  vendorFacts.map((f) => ({
    ...f,
    incidents: f.incidents.map(narrow),
    subprocessors: f.subprocessors.map((x) => ({ ...x, ownIncidents: x.ownIncidents.map(narrow) })),
  })),
);
const newIncident = fc.oneof(incident, incident.map(narrow));

/** A finding severity's rank, to compare two scores' findings. */
const severities = (s: VendorScore) => new Map(s.findings.map((f) => [f.id, FINDING_SEVERITIES.indexOf(f.severity)]));

/** `after` lowers nothing of `before` (factors, likelihood, risk) and keeps every finding at its severity or worse. */
function expectNoLower(before: VendorScore, after: VendorScore): void {
  for (const f of before.factors) expect(after.factors.find((x) => x.id === f.id)!.score, f.id).toBeGreaterThanOrEqual(f.score - 1e-9);
  expect(after.likelihood).toBeGreaterThanOrEqual(before.likelihood - 1e-9);
  expect(after.risk).toBeGreaterThanOrEqual(before.risk - 1e-9);
  const now = severities(after);
  for (const [id, rank] of severities(before)) expect(now.get(id) ?? -1, id).toBeGreaterThanOrEqual(rank);
}

/** The same in the other direction: `after` raises nothing and adds no finding. */
function expectNoHigher(before: VendorScore, after: VendorScore): void {
  expectNoLower(after, before);
  const then = severities(before);
  for (const id of severities(after).keys()) expect(then.has(id), id).toBe(true);
}

describe('adding facts (methodology 2)', () => {
  /** A new incident (an id no other has), perhaps continuing one of those already there. */
  const added = (list: readonly IncidentFacts[], extra: IncidentFacts, pick: number | null, id: number): IncidentFacts => ({
    ...extra,
    id,
    title: `added ${id}`,
    continuationOf: pick === null || list.length === 0 ? null : list[pick % list.length]!.id,
  });

  it('adding an incident to the vendor never lowers a factor, likelihood or risk, nor removes or softens a finding', () => {
    fc.assert(
      fc.property(history, newIncident, fc.option(fc.nat()), policyVariant, day, (f, extra, pick, policy, asOf) => {
        const more = { ...f, incidents: [...f.incidents, added(f.incidents, extra, pick, 500)] };
        expectNoLower(scoreVendor(f, policy, asOf), scoreVendor(more, policy, asOf));
      }),
      { numRuns: 500 },
    );
  });

  it("adding an incident to a subprocessor's own vendor record never lowers its parent's", () => {
    fc.assert(
      fc.property(
        history.filter((f) => f.subprocessors.length > 0),
        newIncident,
        fc.nat(),
        fc.option(fc.nat()),
        policyVariant,
        day,
        (f, extra, which, pick, policy, asOf) => {
          const k = which % f.subprocessors.length;
          const s = f.subprocessors[k]!;
          const more = {
            ...f,
            subprocessors: f.subprocessors.map((x, j) => (j === k ? { ...x, ownIncidents: [...s.ownIncidents, added(s.ownIncidents, extra, pick, 5000)] } : x)),
          };
          expectNoLower(scoreVendor(f, policy, asOf), scoreVendor(more, policy, asOf));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding enforced phishing-resistant MFA (for a population, or a subprocessor’s staff) never raises a factor, likelihood or risk, nor adds or worsens a finding', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...MFA_POPULATIONS), fc.option(fc.nat()), policyVariant, day, (f, population, sub, policy, asOf) => {
        const before = scoreVendor(f, policy, asOf);
        if (!f.mfa.some((r) => r.population === population)) {
          const fido2 = {
            population,
            method: 'fido2' as const,
            enforced: true,
            evidence: 'observed' as const,
            source: null,
            assessedOn: '2018-01-01',
            knownFrom: '2018-01-01',
            notes: null,
          };
          expectNoHigher(before, scoreVendor({ ...f, mfa: [...f.mfa, fido2] }, policy, asOf));
        }
        const k = sub === null || f.subprocessors.length === 0 ? -1 : sub % f.subprocessors.length;
        if (k >= 0 && f.subprocessors[k]!.staffMfa === null) {
          const keys = { ...f, subprocessors: f.subprocessors.map((x, j) => (j === k ? { ...x, staffMfa: 'fido2' as const } : x)) };
          expectNoHigher(before, scoreVendor(keys, policy, asOf));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('contributions add up to their factor under every variant, and one incident adds at most the cap', () => {
    fc.assert(
      fc.property(history, policyVariant, day, (f, policy, asOf) => {
        const s = scoreVendor(f, policy, asOf);
        for (const x of s.factors) expect(x.contributions.reduce((a, c) => a + c.points, 0)).toBeCloseTo(x.score, 9);
        const cap = policy.incidentCap.likelihoodPoints;
        if (cap === null) return;
        const total = new Map<string, number>();
        for (const x of s.factors.filter((x) => ['incidents', 'recurrence', 'disclosure'].includes(x.id))) {
          for (const c of x.contributions) total.set(c.ref!, (total.get(c.ref!) ?? 0) + x.weight * c.points);
        }
        // Each part is rounded to a tenth before it is weighed: at most three half-tenths over.
        for (const [ref, points] of total) expect(points, ref).toBeLessThanOrEqual(cap + 0.15 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});

function dayFromIso(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
}
