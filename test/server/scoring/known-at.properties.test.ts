/** What was known on asOf (DESIGN §4): a fact known only later leaves no trace in the score, checked over generated histories. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from '../../../server/domain/partial-date.ts';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import type { IncidentFacts, ScoringFacts } from '../../../server/scoring/types.ts';
import { day, vendorFacts } from '../../helpers/scoring-arbitraries.ts';

const ASOF = '2025-06-30';
const score = (f: ScoringFacts, asOf = ASOF) => scoreVendor(f, P, asOf);

/** Ids unique within the history, so that a ref names one fact. */
const distinctIds = (f: ScoringFacts): ScoringFacts => {
  let next = 1;
  // New ids for a list of incidents, its campaign links following them.
  const list = (xs: readonly IncidentFacts[]) => {
    const ids = new Map(xs.map((i) => [i.id, next++]));
    return xs.map((i) => ({ ...i, id: ids.get(i.id)!, continuationOf: i.continuationOf == null ? null : (ids.get(i.continuationOf) ?? null) }));
  };
  return { ...f, incidents: list(f.incidents), subprocessors: f.subprocessors.map((s) => ({ ...s, id: next++, ownIncidents: list(s.ownIncidents) })) };
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
    ...f.incidents.map((i, k): FactPick => ({
      ref: `incident:${i.id}`,
      later: (d) => ({ ...f, incidents: swap(f.incidents, k, incidentLater(i, d)) }),
      without: { ...f, incidents: drop(f.incidents, k) },
    })),
    ...f.subprocessors.map((s, k): FactPick => ({
      ref: `subprocessor:${s.id}`,
      later: (d) => ({ ...f, subprocessors: swap(f.subprocessors, k, { ...s, knownFrom: d }) }),
      without: { ...f, subprocessors: drop(f.subprocessors, k) },
    })),
    ...f.subprocessors.flatMap((s, k) =>
      s.ownIncidents.map((i, n): FactPick => ({
        ref: `incident:${i.id}`,
        later: (d) => ({ ...f, subprocessors: swap(f.subprocessors, k, { ...s, ownIncidents: swap(s.ownIncidents, n, incidentLater(i, d)) }) }),
        without: { ...f, subprocessors: swap(f.subprocessors, k, { ...s, ownIncidents: drop(s.ownIncidents, n) }) },
      })),
    ),
    // A population always has its row (unknown without a record): an MFA record's trace is the difference it makes.
    ...f.mfa.map((r, k): FactPick => ({
      ref: null,
      later: (d) => ({ ...f, mfa: swap(f.mfa, k, { ...r, knownFrom: d }) }),
      without: { ...f, mfa: drop(f.mfa, k) },
    })),
  ];
}

const refsOf = (s: ReturnType<typeof score>): string[] =>
  [...s.factors.flatMap((x) => x.contributions.map((c) => c.ref)), ...s.findings.flatMap((x) => x.refs), ...s.gaps.map((g) => g.ref)].filter(
    (r): r is string => r !== null,
  );

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
        const early = {
          ...f,
          subprocessors: f.subprocessors.map((s) => ({ ...s, knownFrom: '2017-01-01' })),
          mfa: f.mfa.map((r) => ({ ...r, knownFrom: '2017-01-01' })),
        };
        // Alike in all but the words that name the day it became known.
        const gist = (x: ReturnType<typeof score>) => ({
          ...x,
          factors: x.factors.map((c) => ({ ...c, contributions: c.contributions.map(({ detail: _d, ...rest }) => rest) })),
        });
        expect(gist(score(known, asOf))).toEqual(gist(score(early, asOf)));
      }),
    );
  });
});
