/**
 * repeatsAt finds each incident's pairing among the incidents known within the window before it
 * (under root-cause matching, only those of its root cause and entry path) and keeps the best in one
 * pass; these properties pin it to the straightforward search it replaced: every pair compared,
 * candidates sorted, the first taken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignIndex, campaignOf, campaignsOf } from '../../../server/scoring/campaigns.ts';
import { matchOf } from '../../../server/scoring/incident-classes.ts';
import { incidentKnownAt, incidentKnownFrom } from '../../../server/scoring/known-at.ts';
import { DEFAULT_POLICY, type Policy } from '../../../server/scoring/policy.ts';
import { repeatsAt, type Repeat } from '../../../server/scoring/recurrence-factor.ts';
import { SEVERITIES } from '../../../server/domain/vocabulary.ts';
import type { IncidentFacts } from '../../../server/scoring/types.ts';
import { D2018, incidentList } from '../../helpers/scoring-arbitraries.ts';
import { incidentFacts } from '../../helpers/fixtures.ts';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { V1_POLICY } from '../../helpers/policies.ts';

const rank = (i: IncidentFacts) => SEVERITIES.indexOf(i.severity);

/** The search repeatsAt made before: quadratic, with a sort per incident. */
function straightforwardRepeats(incidents: readonly IncidentFacts[], policy: Policy, asOf: number): Repeat[] {
  const known = incidents.filter((i) => incidentKnownAt(i, asOf));
  const campaigns = campaignsOf(known, policy);
  const out: Repeat[] = [];
  for (const i of known) {
    const campaign = campaignOf(campaigns, i)!;
    const candidates = known
      .filter((j) => j !== i && !campaign.members.includes(j) && incidentKnownFrom(j) < incidentKnownFrom(i))
      .map((j) => ({ j, daysApart: incidentKnownFrom(i) - incidentKnownFrom(j), match: matchOf(i, j, policy) }))
      .filter((c): c is typeof c & { match: NonNullable<typeof c.match> } => c.match !== null && c.daysApart <= policy.recurrence.windowDays);
    if (candidates.length === 0) continue;
    if (policy.recurrence.pairWith === 'closest') {
      const best = [...candidates].sort((a, b) => a.daysApart - b.daysApart)[0]!;
      out.push({
        incident: i,
        earlier: best.j,
        shared: best.match.shared,
        daysApart: best.daysApart,
        weight: best.match.weight,
        critical: best.match.critical,
        campaign,
      });
      continue;
    }
    const best = [...candidates].sort(
      (a, b) => b.match.weight - a.match.weight || Number(b.match.critical) - Number(a.match.critical) || rank(b.j) - rank(a.j) || a.daysApart - b.daysApart,
    )[0]!;
    out.push({
      incident: i,
      earlier: best.j,
      shared: best.match.shared,
      daysApart: best.daysApart,
      weight: Math.max(...candidates.map((c) => c.match.weight)),
      critical: candidates.some((c) => c.match.critical),
      campaign,
    });
  }
  return out;
}

/** Methodologies that exercise every branch: root cause with and without the entry path, 1.x classes, closest pairing, campaigns on and off. */
const policies: fc.Arbitrary<Policy> = fc
  .record({
    base: fc.constantFrom(DEFAULT_POLICY, V1_POLICY),
    requireSameEntryPath: fc.boolean(),
    pairWith: fc.constantFrom('strongest' as const, 'closest' as const),
    countAsOne: fc.boolean(),
    windowDays: fc.constantFrom(30, 365, 1095, 3000),
  })
  .map(({ base, requireSameEntryPath, pairWith, countAsOne, windowDays }) => ({
    ...base,
    recurrence: { ...base.recurrence, requireSameEntryPath, pairWith, windowDays },
    campaigns: { ...base.campaigns, countAsOne },
  }));

/** Incident lists with some undated incidents, some sharing a day, and one object listed twice. */
const incidents = fc.tuple(incidentList(14), fc.array(fc.nat(), { minLength: 14, maxLength: 14 }), fc.boolean()).map(([list, quirks, twice]) => {
  const out = list.map((i, k) => {
    const q = quirks[k]! % 7;
    if (q === 0) return { ...i, intrusionStartDate: null, detectedByVendorDate: null, firstReportedByThirdPartyDate: null, publicDisclosureDate: null };
    if (q === 1 && k > 0) return { ...i, publicDisclosureDate: list[k - 1]!.publicDisclosureDate };
    return i;
  });
  return twice && out.length > 0 ? [...out, out[0]!] : out;
});
const asOf = fc.integer({ min: D2018, max: D2018 + 3000 });

describe('repeatsAt, linear-ish', () => {
  it('gives exactly the pairings of the straightforward search', () => {
    fc.assert(
      fc.property(incidents, policies, asOf, (list, policy, day) => {
        expect(repeatsAt(list, policy, day)).toEqual(straightforwardRepeats(list, policy, day));
      }),
      { numRuns: 600 },
    );
  });

  it('pairs with the very same campaign objects it is given', () => {
    fc.assert(
      fc.property(incidents, policies, asOf, (list, policy, day) => {
        const campaigns = campaignsOf(
          list.filter((i) => incidentKnownAt(i, day)),
          policy,
        );
        const repeats = repeatsAt(list, policy, day, campaigns);
        expect(repeats).toEqual(straightforwardRepeats(list, policy, day));
        for (const r of repeats) expect(campaigns).toContain(r.campaign);
      }),
      { numRuns: 200 },
    );
  });
});

describe('repeatsAt at the edge of the window', () => {
  const at = (day: string, id: number) =>
    incidentFacts({
      id,
      title: `incident ${id}`,
      severity: 'high',
      publicDisclosureDate: day,
      initialAccessVectors: ['subprocessor-compromise'],
      supportInvolved: true,
      supportInvolvementType: 'outsourced-support-provider',
    });
  const policy: Policy = { ...DEFAULT_POLICY, recurrence: { ...DEFAULT_POLICY.recurrence, windowDays: 365 } };
  const asOfDay = dayNumber('2026-01-01');

  it('pairs an incident known exactly windowDays after an earlier one, not one day later, like the straightforward search', () => {
    const inside = [at('2023-03-01', 1), at('2024-02-29', 2)]; // 365 days apart
    const outside = [at('2023-03-01', 1), at('2024-03-01', 2)]; // 366 days apart
    expect(repeatsAt(inside, policy, asOfDay).map((r) => r.daysApart)).toEqual([365]);
    expect(repeatsAt(inside, policy, asOfDay)).toEqual(straightforwardRepeats(inside, policy, asOfDay));
    expect(repeatsAt(outside, policy, asOfDay)).toEqual([]);
    expect(straightforwardRepeats(outside, policy, asOfDay)).toEqual([]);
  });

  it('never pairs incidents known on the same day', () => {
    const sameDay = [at('2024-02-29', 1), at('2024-02-29', 2)];
    expect(repeatsAt(sameDay, policy, asOfDay)).toEqual([]);
  });
});

describe('campaignIndex', () => {
  it('finds the campaign campaignOf finds, for every incident', () => {
    fc.assert(
      fc.property(incidents, policies, (list, policy) => {
        const campaigns = campaignsOf(list, policy);
        const index = campaignIndex(campaigns);
        for (const i of list) expect(index.get(i)).toBe(campaignOf(campaigns, i));
      }),
    );
  });
});
