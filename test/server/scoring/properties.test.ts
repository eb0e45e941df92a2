/** The properties DESIGN §4 asks the engine to prove, checked over generated inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from '../../../server/domain/partial-date.ts';
import { ACCESS_VECTORS, MFA_METHODS, MFA_POPULATIONS } from '../../../server/domain/vocabulary.ts';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { bandOf, scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { incidentPoints } from '../../../server/scoring/incidents-factor.ts';
import { incidentClasses } from '../../../server/scoring/incident-classes.ts';
import type { IncidentFacts, ScoringFacts } from '../../../server/scoring/types.ts';
import { day, incident, mfa, subprocessor, vendorFacts } from '../../helpers/scoring-arbitraries.ts';

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
    // Two earlier incidents alike in all but their class: one shares the new incident's class, one does not.
    const classed = incident.filter((i) => incidentClasses(i).size > 0 && incidentClasses(i).size < 8);
    fc.assert(
      fc.property(vendorFacts, classed, fc.integer({ min: 30, max: 900 }), (f, later, gap) => {
        const laterDay = dayFromIso(later.publicDisclosureDate!);
        const classes = incidentClasses(later);
        const same = { ...later, id: later.id + 1, title: 'same way', intrusionStartDate: null, detectedByVendorDate: null, firstReportedByThirdPartyDate: null, publicDisclosureDate: isoDay(laterDay - gap) };
        const other = { ...same, title: 'another way', supportInvolved: false, supportInvolvementType: 'none' as const, initialAccessVectors: ACCESS_VECTORS.filter((v) => ![...incidentClasses({ initialAccessVectors: [v], supportInvolved: false, supportInvolvementType: 'none' })].some((c) => classes.has(c))).slice(0, 1) };
        const base = { ...f, incidents: [] };
        const rise = (earlier: IncidentFacts) => score({ ...base, incidents: [earlier, later] }, ASOF).likelihood - score({ ...base, incidents: [earlier] }, ASOF).likelihood;
        expect(rise(same)).toBeGreaterThan(rise(other));
      }),
    );
  });

  it('a second incident like the first raises the factor: one incident does not saturate it', () => {
    fc.assert(
      fc.property(incident, (i) => {
        const f = (xs: IncidentFacts[]) => score({ vendor: { id: 1, name: 'V', tier: 1, dataAccess: 'none', environmentAccess: 'none' }, incidents: xs, subprocessors: [], mfa: [] });
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
        const f = (x: IncidentFacts) => score({ vendor: { id: 1, name: 'V', tier: 1, dataAccess: 'none', environmentAccess: 'none' }, incidents: [x], subprocessors: [], mfa: [] });
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
          score({ ...f, mfa: [...others, { population, method, enforced, evidence: 'observed', source: null, assessedOn: '2018-01-01', knownFrom: '2018-01-01', notes: null }] }).risk;
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
      fc.record({ kind: fc.constant('mfa' as const), population: fc.constantFrom(...MFA_POPULATIONS), method: fc.constantFrom(...MFA_METHODS), enforced: fc.boolean() }),
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
          after = score({ ...f, mfa: [...f.mfa, { population: e.population, method: e.method, enforced: e.enforced, evidence: 'observed', source: null, assessedOn: '2018-01-01', knownFrom: '2018-01-01', notes: null }] });
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

/** Ids unique within the history, so that a ref names one fact. */
const distinctIds = (f: ScoringFacts): ScoringFacts => {
  let next = 1;
  const inc = (i: IncidentFacts) => ({ ...i, id: next++ });
  return { ...f, incidents: f.incidents.map(inc), subprocessors: f.subprocessors.map((s) => ({ ...s, id: next++, ownIncidents: s.ownIncidents.map(inc) })) };
};

/** One fact of a history: how to make it known only after a day, and the history without it. */
interface FactPick {
  readonly ref: string | null;
  readonly later: (day: string) => ScoringFacts;
  readonly without: ScoringFacts;
}

function picks(f: ScoringFacts): FactPick[] {
  const incidentLater = (i: IncidentFacts, day: string): IncidentFacts => ({ ...i, publicDisclosureDate: day });
  const drop = <T>(xs: readonly T[], k: number) => xs.filter((_, j) => j !== k);
  const swap = <T>(xs: readonly T[], k: number, x: T) => xs.map((y, j) => (j === k ? x : y));
  return [
    ...f.incidents.map((i, k): FactPick => ({ ref: `incident:${i.id}`, later: (d) => ({ ...f, incidents: swap(f.incidents, k, incidentLater(i, d)) }), without: { ...f, incidents: drop(f.incidents, k) } })),
    ...f.subprocessors.map((s, k): FactPick => ({ ref: `subprocessor:${s.id}`, later: (d) => ({ ...f, subprocessors: swap(f.subprocessors, k, { ...s, knownFrom: d }) }), without: { ...f, subprocessors: drop(f.subprocessors, k) } })),
    ...f.subprocessors.flatMap((s, k) =>
      s.ownIncidents.map((i, n): FactPick => ({
        ref: `incident:${i.id}`,
        later: (d) => ({ ...f, subprocessors: swap(f.subprocessors, k, { ...s, ownIncidents: swap(s.ownIncidents, n, incidentLater(i, d)) }) }),
        without: { ...f, subprocessors: swap(f.subprocessors, k, { ...s, ownIncidents: drop(s.ownIncidents, n) }) },
      })),
    ),
    // A population always has its row (unknown without a record): an MFA record's trace is the difference it makes.
    ...f.mfa.map((r, k): FactPick => ({ ref: null, later: (d) => ({ ...f, mfa: swap(f.mfa, k, { ...r, knownFrom: d }) }), without: { ...f, mfa: drop(f.mfa, k) } })),
  ];
}

const refsOf = (s: ReturnType<typeof score>): string[] => [
  ...s.factors.flatMap((x) => x.contributions.map((c) => c.ref)),
  ...s.findings.flatMap((x) => x.refs),
  ...s.gaps.map((g) => g.ref),
].filter((r): r is string => r !== null);

describe('what was known on asOf', () => {
  it('a fact known only after asOf leaves no trace: the score, its findings and gaps are exactly those of the history without it', () => {
    const history = vendorFacts.map(distinctIds).filter((f) => picks(f).length > 0);
    fc.assert(
      fc.property(history, day, fc.nat(), fc.integer({ min: 1, max: 2000 }), fc.constantFrom(10, 7, 4), (f, asOf, n, after, length) => {
        const all = picks(f);
        const p = all[n % all.length]!;
        // Known from a day past asOf, at any precision: a month or a year past asOf counts from its last day.
        const later = isoDay(dayNumber(asOf) + after).slice(0, length);
        const moved = score(p.later(later), asOf);
        expect(moved).toEqual(score(p.without, asOf));
        if (p.ref) expect(refsOf(moved).filter((r) => r === p.ref || r.startsWith(`${p.ref}:`))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a fact known on asOf itself counts: moving it to asOf gives the score with it', () => {
    fc.assert(
      fc.property(vendorFacts.map(distinctIds), day, (f, asOf) => {
        const known = { ...f, subprocessors: f.subprocessors.map((s) => ({ ...s, knownFrom: asOf })), mfa: f.mfa.map((r) => ({ ...r, knownFrom: asOf })) };
        const early = { ...f, subprocessors: f.subprocessors.map((s) => ({ ...s, knownFrom: '2017-01-01' })), mfa: f.mfa.map((r) => ({ ...r, knownFrom: '2017-01-01' })) };
        // Alike in all but the words that name the day it became known.
        const gist = (x: ReturnType<typeof score>) => ({ ...x, factors: x.factors.map((c) => ({ ...c, contributions: c.contributions.map(({ detail: _d, ...rest }) => rest) })) });
        expect(gist(score(known, asOf))).toEqual(gist(score(early, asOf)));
      }),
    );
  });
});

function dayFromIso(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
}
