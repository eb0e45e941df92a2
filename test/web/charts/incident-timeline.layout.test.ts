import { describe, expect, it } from 'vitest';
import { layoutIncidentTimeline } from '../../../web/charts/incident-timeline.layout.ts';

const OKTA_2023 = {
  intrusionStartDate: '2023-09-28',
  firstReportedByThirdPartyDate: '2023-09-29',
  detectedByVendorDate: '2023-10-19',
  publicDisclosureDate: '2023-10-20',
};

describe('layoutIncidentTimeline', () => {
  it('places the dates in time order across the width', () => {
    const g = layoutIncidentTimeline(OKTA_2023, 612)!;
    expect(g.marks.map((m) => m.key)).toEqual(['intrusion', 'reported', 'detected', 'disclosed']);
    expect(g.marks[0]!.x).toBe(12);
    expect(g.marks.at(-1)!.x).toBe(600);
    expect(g.marks[1]!.x).toBeCloseTo(12 + 588 / 22); // one day of twenty-two
  });

  it('alternates labels above and below, anchoring the ends inside', () => {
    const g = layoutIncidentTimeline(OKTA_2023, 612)!;
    expect(g.marks.map((m) => m.above)).toEqual([true, false, true, false]);
    expect(g.marks[0]!.anchor).toBe('start');
    expect(g.marks.at(-1)!.anchor).toBe('end');
  });

  it('bands the lag from whoever knew first to the disclosure', () => {
    const g = layoutIncidentTimeline(OKTA_2023, 612)!;
    expect(g.lag).toMatchObject({ days: 21, x1: 600 });
    expect(g.lag!.x0).toBeCloseTo(g.marks[1]!.x);
  });

  it('flags partial dates as approximate', () => {
    const g = layoutIncidentTimeline({ ...OKTA_2023, publicDisclosureDate: '2023-11' }, 600)!;
    expect(g.marks.find((m) => m.key === 'disclosed')!.approximate).toBe(true);
  });

  it('has nothing to draw with fewer than two dates, or no room', () => {
    expect(layoutIncidentTimeline({ intrusionStartDate: null, firstReportedByThirdPartyDate: null, detectedByVendorDate: null, publicDisclosureDate: '2023-01-01' }, 600)).toBeNull();
    expect(layoutIncidentTimeline(OKTA_2023, 0)).toBeNull();
  });

  it('has no lag band without a disclosure', () => {
    expect(layoutIncidentTimeline({ ...OKTA_2023, publicDisclosureDate: null }, 600)!.lag).toBeNull();
  });
});
