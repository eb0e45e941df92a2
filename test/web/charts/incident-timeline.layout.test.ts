import { describe, expect, it } from 'vitest';
import { dayRange, layoutIncidentTimeline, MARK_PATH, MIN_TIMELINE_WIDTH, type TimelineIncident } from '../../../web/charts/incident-timeline.layout.ts';

const OKTA_2022: TimelineIncident = {
  id: 1,
  title: 'Lapsus$ reaches Okta support tooling through a Sitel/Sykes contractor workstation',
  intrusionStartDate: '2022-01-16',
  detectedByVendorDate: '2022-01-20',
  firstReportedByThirdPartyDate: null,
  publicDisclosureDate: '2022-03-22',
};
const OKTA_2023: TimelineIncident = {
  id: 2,
  title: "Stolen service-account credentials expose customer HAR files in Okta's support case system",
  intrusionStartDate: '2023-09-28',
  firstReportedByThirdPartyDate: '2023-09-29',
  detectedByVendorDate: '2023-10-19',
  publicDisclosureDate: '2023-10-20',
};

describe('dayRange', () => {
  it('reads a day, a month and a year as the days they can mean', () => {
    expect(dayRange('2023-10-20')).toEqual({ first: new Date('2023-10-20T00:00:00Z'), last: new Date('2023-10-20T00:00:00Z'), partial: false });
    expect(dayRange('2024-02')).toEqual({ first: new Date('2024-02-01T00:00:00Z'), last: new Date('2024-02-29T00:00:00Z'), partial: true });
    expect(dayRange('2021')).toMatchObject({ first: new Date('2021-01-01T00:00:00Z'), last: new Date('2021-12-31T00:00:00Z'), partial: true });
    expect(dayRange(null)).toBeUndefined();
    expect(dayRange('soon')).toBeUndefined();
  });
});

describe('layoutIncidentTimeline', () => {
  const g = layoutIncidentTimeline([OKTA_2023, OKTA_2022], 1000);

  it('puts every incident on one time axis, a row each, oldest first', () => {
    expect(g.rows.map((r) => r.id)).toEqual([1, 2]);
    expect(g.rows[1]!.lineY).toBeGreaterThan(g.rows[0]!.lineY);
    // One scale for both: 2023's intrusion is far to the right of 2022's disclosure.
    const x = (row: number, kind: string) => g.rows[row]!.marks.find((m) => m.kind === kind)!.x;
    expect(x(1, 'intrusion')).toBeGreaterThan(x(0, 'disclosed'));
    expect(x(0, 'intrusion')).toBeGreaterThanOrEqual(g.left);
    expect(x(1, 'disclosed')).toBeLessThanOrEqual(g.right);
    // Time is linear: 620 days between the two intrusions, 4 between intrusion and detection in 2022.
    const perDay = (x(1, 'intrusion') - x(0, 'intrusion')) / 620;
    expect(x(0, 'detected') - x(0, 'intrusion')).toBeCloseTo(4 * perDay, 5);
  });

  it('keeps each row to the dates it has, intrusion and disclosure above the line, report and detection below', () => {
    expect(g.rows[0]!.marks.map((m) => m.kind)).toEqual(['intrusion', 'detected', 'disclosed']);
    expect(g.rows[1]!.marks.map((m) => m.kind)).toEqual(['intrusion', 'reported', 'detected', 'disclosed']);
    for (const m of g.rows[1]!.marks) expect(Math.sign(m.y - g.rows[1]!.lineY)).toBe(m.kind === 'intrusion' || m.kind === 'disclosed' ? -1 : 1);
  });

  it('draws the lag from whoever knew first to the disclosure, with its length in days', () => {
    const [a, b] = g.rows;
    expect(a!.lag).toMatchObject({ days: 61, text: '61 days', approximate: false });
    expect(a!.lag!.x0).toBeCloseTo(a!.marks.find((m) => m.kind === 'detected')!.x);
    expect(b!.lag).toMatchObject({ days: 21, text: '21 days' });
    expect(b!.lag!.x0).toBeCloseTo(b!.marks.find((m) => m.kind === 'reported')!.x);
    expect(b!.lag!.x1).toBeCloseTo(b!.marks.find((m) => m.kind === 'disclosed')!.x);
  });

  it('draws a date known only to the month or year as a range, its marker in the middle', () => {
    const partial = layoutIncidentTimeline([{ ...OKTA_2022, intrusionStartDate: '2021-12', publicDisclosureDate: '2022' }], 800);
    const [intrusion, detected, disclosed] = partial.rows[0]!.marks;
    expect(intrusion).toMatchObject({ kind: 'intrusion', partial: true, text: 'Dec 2021' });
    expect(intrusion!.x1 - intrusion!.x0).toBeGreaterThan(0);
    expect(intrusion!.x).toBeCloseTo((intrusion!.x0 + intrusion!.x1) / 2);
    expect(detected).toMatchObject({ partial: false });
    expect(detected!.x0).toBe(detected!.x1);
    // A year is twelve times a month, give or take a day.
    expect((disclosed!.x1 - disclosed!.x0) / (intrusion!.x1 - intrusion!.x0)).toBeCloseTo(365 / 31, 0);
    // The lag runs from the detection (20 Jan 2022) to the middle of the days of 2022 a disclosure after
    // it leaves (20 Jan to 31 Dec: 11 July), and says it is approximate.
    expect(partial.rows[0]!.lag).toMatchObject({ days: 173, approximate: true, text: '≈ 173 days' });
    // Its bar ends inside the year, past the year's own marker (2 July) by the nine days the detection rules out.
    const perDay = (disclosed!.x1 - disclosed!.x0) / 365;
    expect(partial.rows[0]!.lag!.x1 - disclosed!.x).toBeCloseTo(9.5 * perDay, 0);
    expect(partial.rows[0]!.lag!.x1 - partial.rows[0]!.lag!.x0).toBeCloseTo(173 * perDay, -1);
  });

  it('labels the axis with ticks inside the plot, and cuts long titles to the width', () => {
    expect(g.ticks.length).toBeGreaterThan(2);
    for (const t of g.ticks) expect(t.x).toBeGreaterThanOrEqual(g.left - 1);
    expect(g.ticks.map((t) => t.text)).toContain('2023');
    const narrow = layoutIncidentTimeline([OKTA_2023], 300);
    expect(narrow.width).toBe(MIN_TIMELINE_WIDTH);
    expect(narrow.rows[0]!.shortTitle.endsWith('…')).toBe(true);
    expect(narrow.rows[0]!.shortTitle.length).toBeLessThan(OKTA_2023.title.length);
  });

  it('leaves out incidents without a single date, and puts the lag label before the bar when it would not fit after it', () => {
    const none = { ...OKTA_2022, id: 3, intrusionStartDate: null, detectedByVendorDate: null, publicDisclosureDate: null };
    expect(layoutIncidentTimeline([none], 800).rows).toEqual([]);
    const last = layoutIncidentTimeline([OKTA_2023], 600).rows[0]!.lag!;
    expect(last.anchor === 'start' ? last.textX > last.x1 : last.textX < last.x0).toBe(true);
  });

  it('has a distinct marker shape for each date', () => {
    expect(new Set(Object.values(MARK_PATH)).size).toBe(4);
  });
});
