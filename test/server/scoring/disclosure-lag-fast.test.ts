/**
 * The disclosure factor finds each member's awareness once and compares two dates without building
 * arrays; these properties pin it to the straightforward versions it replaced, on incidents whose
 * detection, outside report and disclosure are days, months or years (ties of midpoint included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDay, midpoint, parsePartialDate, spanBetween, type DayRange, type Span } from '../../../server/domain/partial-date.ts';
import { campaignsOf, type Campaign } from '../../../server/scoring/campaigns.ts';
import { campaignLag, disclosureLag, earliestAwareness, type CampaignLag } from '../../../server/scoring/disclosure-factor.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import type { IncidentFacts } from '../../../server/scoring/types.ts';
import { D2018, incidentList, partialDay } from '../../helpers/scoring-arbitraries.ts';

const range = (d: string | null): DayRange | undefined => (d ? parsePartialDate(d) : undefined);

function straightforwardAwareness(i: Pick<IncidentFacts, 'detectedByVendorDate' | 'firstReportedByThirdPartyDate'>): DayRange | undefined {
  const aware = [range(i.detectedByVendorDate), range(i.firstReportedByThirdPartyDate)].filter((r): r is DayRange => r !== undefined);
  const width = (r: DayRange) => r.last - r.first;
  return aware.reduce<DayRange | undefined>(
    (best, r) => (!best || midpoint(r) < midpoint(best) || (midpoint(r) === midpoint(best) && width(r) < width(best)) ? r : best),
    undefined,
  );
}

function straightforwardCampaignLag(c: Campaign, asOf: number): CampaignLag {
  const someUnknown = c.members.some((m) => !straightforwardAwareness(m));
  if (c.members.length === 1) return { ...disclosureLag(c.root, asOf), someUnknown };
  let longest: Span | undefined;
  for (const a of c.members) {
    const aware = straightforwardAwareness(a);
    if (!aware) continue;
    for (const d of c.members) {
      const span = spanBetween(aware, range(d.publicDisclosureDate) ?? exactDay(asOf));
      if (!longest || span.days > longest.days) longest = span;
    }
  }
  return longest
    ? { days: longest.days, known: true, approximate: longest.approximate, someUnknown }
    : { days: 0, known: false, approximate: false, someUnknown };
}

/** Incidents whose dates are partial, missing, or the same month given two ways. */
const dated = fc
  .tuple(incidentList(6), fc.array(fc.tuple(fc.option(partialDay), fc.option(partialDay), fc.option(partialDay)), { minLength: 6, maxLength: 6 }))
  .map(([list, dates]) =>
    list.map((i, k) => {
      const [detected, reported, disclosed] = dates[k]!;
      return {
        ...i,
        detectedByVendorDate: detected,
        firstReportedByThirdPartyDate: k % 3 === 0 ? (detected?.slice(0, 7) ?? reported) : reported,
        publicDisclosureDate: disclosed,
      };
    }),
  );

describe('disclosure lags, found once per member', () => {
  it('earliestAwareness is the straightforward one', () => {
    fc.assert(
      fc.property(dated, (list) => {
        for (const i of list) expect(earliestAwareness(i)).toEqual(straightforwardAwareness(i));
      }),
      { numRuns: 300 },
    );
  });

  it('campaignLag is the straightforward one, for campaigns and single incidents', () => {
    fc.assert(
      fc.property(dated, fc.integer({ min: D2018, max: D2018 + 3000 }), fc.boolean(), (list, asOf, countAsOne) => {
        const policy = { ...DEFAULT_POLICY, campaigns: { countAsOne } };
        for (const c of campaignsOf(list, policy)) expect(campaignLag(c, asOf)).toEqual(straightforwardCampaignLag(c, asOf));
      }),
      { numRuns: 300 },
    );
  });
});
