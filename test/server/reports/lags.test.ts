/**
 * The report's disclosure lags (issue 12, section 2): the scoring's own lag for each new incident,
 * marked approximate when a date is only a month or a year, and a true median.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { disclosureLag } from '../../../server/scoring/disclosure-factor.ts';
import { median } from '../../../server/services/reports/report-lags.ts';
import fc from 'fast-check';
import { testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

/** A vendor engaged since 2026-01-01 with incidents disclosed in 2026-Q2 (closed: the clock says 2026-11-29). */
async function withIncidents(incidents: ReadonlyArray<Parameters<typeof incidentBody>[0]>) {
  const t = testApp();
  const v = (await t.http.post('/api/v1/vendors').send(vendorBody({ engagedSince: '2026-01-01' }))).body;
  for (const i of incidents) expect((await t.http.post(`/api/v1/vendors/${v.id}/incidents`).send(incidentBody(i))).status).toBe(201);
  return { ...t, vendorId: v.id as number };
}

const dated = (ref: string, detected: string, disclosed: string) => ({
  ref,
  intrusionStartDate: '2026-04-01',
  detectedByVendorDate: detected,
  firstReportedByThirdPartyDate: null,
  publicDisclosureDate: disclosed,
});

describe('disclosure lags in the quarterly report', () => {
  it('gives the median of an even count as the mean of the two middle lags (3 and 21 days: 12, not 3)', async () => {
    const { http } = await withIncidents([dated('a', '2026-05-01', '2026-05-04'), dated('b', '2026-05-01', '2026-05-22')]);
    const r = (await http.get('/api/v1/reports/quarterly/2026-Q2')).body;
    expect(r.newIncidents.map((n: { lagDays: number }) => n.lagDays).sort((a: number, b: number) => a - b)).toEqual([3, 21]);
    expect(r.disclosureLags).toMatchObject({ incidents: 2, known: 2, medianDays: 12, maxDays: 21, overFourteenDays: 1 });
  });

  it('gives the middle lag of an odd count', async () => {
    const { http } = await withIncidents([
      dated('a', '2026-05-01', '2026-05-04'),
      dated('b', '2026-05-01', '2026-05-22'),
      dated('c', '2026-05-01', '2026-05-11'),
    ]);
    expect((await http.get('/api/v1/reports/quarterly/2026-Q2')).body.disclosureLags.medianDays).toBe(10);
  });

  it('uses the scoring’s own lag, marked approximate when a date is only a month (shown "≈ n" in the downloads)', async () => {
    const { http, deps } = await withIncidents([dated('month', '2026-04-20', '2026-05'), dated('day', '2026-05-01', '2026-05-04')]);
    const r = (await http.get('/api/v1/reports/quarterly/2026-Q2')).body;
    const byRef = (title: string) => r.newIncidents.find((n: { incidentId: number }) => deps.store.incidents.find(n.incidentId)!.ref === title);
    const month = deps.store.incidents.all().find((i) => i.ref === 'month')!;
    expect(byRef('month')).toMatchObject({ lagDays: disclosureLag(month, dayNumber('2026-06-30')).days, lagApproximate: true });
    expect(byRef('day')).toMatchObject({ lagDays: 3, lagApproximate: false });
    expect(r.disclosureLags).toMatchObject({ known: 2, approximate: 1 });
    const md = (await http.get('/api/v1/reports/quarterly/2026-Q2?format=md')).text;
    expect(md).toContain(`| 2026-05 | ≈ ${byRef('month').lagDays} |`);
    expect(md).toContain('| 2026-05-04 | 3 |');
  });

  it('leaves an incident without a date of knowledge out of the median', async () => {
    const { http } = await withIncidents([dated('a', '2026-05-01', '2026-05-04'), { ...dated('b', '2026-05-01', '2026-05-22'), detectedByVendorDate: null }]);
    expect((await http.get('/api/v1/reports/quarterly/2026-Q2')).body.disclosureLags).toMatchObject({ incidents: 2, known: 1, medianDays: 3, approximate: 0 });
  });
});

describe('median', () => {
  it('is null for nothing, the middle value of an odd count, the mean of the two middle ones of an even count', () => {
    expect(median([])).toBeNull();
    expect(median([21, 3])).toBe(12);
    expect(median([5, 1, 9])).toBe(5);
    expect(median([1, 2, 3, 100])).toBe(2.5);
  });

  it('splits the values: at most half lie below it and at most half above, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const m = median(xs)!;
        expect(xs.filter((x) => x < m).length).toBeLessThanOrEqual(xs.length / 2);
        expect(xs.filter((x) => x > m).length).toBeLessThanOrEqual(xs.length / 2);
        expect(median([...xs].reverse())).toBe(m);
      }),
    );
  });
});
