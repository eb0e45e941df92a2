/**
 * The report's disclosure lags (issue 12, section 2): the scoring's own lag for each new incident,
 * marked approximate when a date is only a month or a year, and a true median.
 */
import { describe, expect, it } from 'vitest';
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
    const { http } = await withIncidents([dated('a', '2026-05-01', '2026-05-04'), dated('b', '2026-05-01', '2026-05-22'), dated('c', '2026-05-01', '2026-05-11')]);
    expect((await http.get('/api/v1/reports/quarterly/2026-Q2')).body.disclosureLags.medianDays).toBe(10);
  });
});
