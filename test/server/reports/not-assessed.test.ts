/**
 * The quarterly report and vendors not assessed: counted in `byBand`, listed apart from the top
 * risks by inherent risk with what would assess them, in the JSON, the CSV and the Markdown; a
 * report frozen before a vendor could be not assessed reads as it was, with none not assessed.
 */
import { describe, expect, it } from 'vitest';
import { quarterlyReport } from '../../../server/http/schemas/report.ts';
import { demoApp } from '../../helpers/demo.ts';
import { SYSTEM } from '../../../server/domain/account.ts';
import { reportService } from '../../../server/services/reports/report-service.ts';

describe('a quarterly report with vendors not assessed', () => {
  it('counts them, lists them apart from the top risks by inherent risk, and says what would assess each', async () => {
    const { http } = demoApp();
    const r = (await http.get('/api/v1/reports/quarterly/2023-Q4')).body;
    expect(quarterlyReport.safeParse(r).error).toBeUndefined();
    const notAssessed = r.vendors.filter((v: { band: string }) => v.band === 'not-assessed');
    expect(notAssessed.length).toBeGreaterThan(0);
    expect(r.summary.byBand['not-assessed']).toBe(notAssessed.length);
    expect(Object.values(r.summary.byBand as Record<string, number>).reduce((a, n) => a + n, 0)).toBe(r.summary.vendors);
    // Top risks are ratings: assessed vendors only, riskiest first.
    expect(r.topRisks.every((t: { band: string }) => t.band !== 'not-assessed')).toBe(true);
    expect(r.topRisks.map((t: { risk: number }) => t.risk)).toEqual([...r.topRisks.map((t: { risk: number }) => t.risk)].sort((a, b) => b - a));
    expect(r.notAssessed.map((n: { vendorId: number }) => n.vendorId).sort()).toEqual(notAssessed.map((v: { vendorId: number }) => v.vendorId).sort());
    expect(r.notAssessed.map((n: { inherentRisk: number }) => n.inherentRisk)).toEqual(
      [...r.notAssessed.map((n: { inherentRisk: number }) => n.inherentRisk)].sort((a, b) => b - a),
    );
    expect(r.notAssessed.every((n: { toAssess: string[] }) => n.toAssess.length > 0)).toBe(true);
    // The vendor list: every assessed vendor before any not-assessed one.
    const firstApart = r.vendors.findIndex((v: { assessed: boolean }) => !v.assessed);
    expect(r.vendors.slice(firstApart).every((v: { assessed: boolean }) => !v.assessed)).toBe(true);
    expect(r.method.assessed).toMatch(/^Not assessed:/);
  });

  it('carries them into the CSV and the Markdown', async () => {
    const { http } = demoApp();
    const csv = (await http.get('/api/v1/reports/quarterly/2023-Q4?format=csv')).text;
    const [head, ...lines] = csv.trim().split(/\r?\n/);
    const cols = head!.split(',');
    expect(cols.slice(cols.indexOf('band'), cols.indexOf('band') + 4)).toEqual(['band', 'assessed', 'inherentRisk', 'evidenceCoverage']);
    const circle = lines.find((l) => l.includes(',CircleCI,'))!.split(',');
    expect([circle[cols.indexOf('band')], circle[cols.indexOf('assessed')], circle[cols.indexOf('inherentRisk')]]).toEqual(['not-assessed', 'no', '37']);
    const md = (await http.get('/api/v1/reports/quarterly/2023-Q4?format=md')).text;
    expect(md).toContain('| vendors | critical | high | moderate | low | not assessed | average risk |');
    expect(md).toContain('## Top risks (assessed vendors)');
    expect(md).toContain('## Not assessed');
    expect(md).toMatch(/\| CircleCI \| 1 \| 37 \(high\) \| [\d.]+ \| 55% \| [\d.]+ of [\d.]+ \| The support chain: who can reach customer tenants, and how \|/);
  });

  it('reads a report frozen before a vendor could be not assessed as it was: none not assessed, every vendor assessed', async () => {
    const { http, deps, db } = demoApp();
    // Frozen by an earlier run of the server: this one keeps what it reads of a snapshot (a stored
    // body never changes while it runs), so the rewrite below must come before its first read.
    const frozen = reportService(deps.store, deps.clock, deps.history, deps.methodology, deps.keptScores).quarterly(SYSTEM, '2023-Q4');
    const record = deps.store.reports.inForce('2023-Q4')!;
    // The body as methodology 1.x froze it: no not-assessed count, list or vendor fields.
    const body = JSON.parse(record.body);
    const { 'not-assessed': _n, ...byBand } = body.summary.byBand;
    const old = {
      ...body,
      summary: { ...body.summary, byBand: { ...byBand, low: byBand.low + _n } },
      notAssessed: undefined,
      method: { ...body.method, assessed: undefined },
      vendors: body.vendors.map(({ assessed: _a, inherentRisk: _i, evidenceCoverage: _e, ...v }: Record<string, unknown>) => ({
        ...v,
        band: v['band'] === 'not-assessed' ? 'low' : v['band'],
      })),
    };
    db.prepare('UPDATE frozen_reports SET body = ? WHERE id = ?').run(JSON.stringify(old), record.id);
    const r = (await http.get('/api/v1/reports/quarterly/2023-Q4')).body;
    expect(quarterlyReport.safeParse(r).error).toBeUndefined();
    expect(r.snapshotId).toBe(frozen.snapshotId);
    expect(r.summary.byBand['not-assessed']).toBe(0);
    expect(r.notAssessed).toEqual([]);
    expect(r.vendors.every((v: { assessed: boolean; inherentRisk: null }) => v.assessed && v.inherentRisk === null)).toBe(true);
    const history = (await http.get('/api/v1/reports/quarterly/2023-Q4/snapshots')).body;
    expect(history.items[0].headline.byBand['not-assessed']).toBe(0);
  });
});
