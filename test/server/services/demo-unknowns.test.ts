/**
 * Measured on the demo portfolio (issue 13 §1): with unknowns "not assessed" instead of a constant,
 * no likelihood row of the matrix holds more than half of the assessed vendors, and no not-assessed
 * vendor outranks an assessed one with a real critical incident in the heatmap's default sort.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storedPolicy } from '../../../server/domain/methodology.ts';
import { incidentKnownAt } from '../../../server/scoring/known-at.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { loadAllFacts } from '../../../server/services/facts-loader.ts';
import type { HeatmapRow } from '../../../server/services/scoring-service.ts';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { DEFAULT_SORT, sortRows } from '../../../web/charts/heatmap.sort.ts';
import { demoApp } from '../../helpers/demo.ts';
import { NOW } from '../../helpers/app.ts';

const TODAY = NOW.slice(0, 10);
const rowCounts = (cells: readonly number[]) => [1, 2, 3, 4, 5].map((level) => cells.filter((c) => c === level).length);

describe('the demo portfolio, not assessed where the evidence is thin', () => {
  it('no likelihood row holds more than half of the assessed vendors (1.0.0 put 30 of 34 vendors in one)', async () => {
    const { http, deps } = demoApp();
    const rows: HeatmapRow[] = (await http.get(`/api/v1/portfolio/heatmap?asOf=${TODAY}`)).body.rows;
    const assessed = rows.filter((r) => r.assessed);
    const after = rowCounts(assessed.map((r) => r.cell.likelihood));
    expect(assessed.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...after), `assessed vendors per likelihood row: ${after.join(' / ')}`).toBeLessThanOrEqual(assessed.length / 2);
    // Not assessed: listed apart, none in a row.
    expect(rows.filter((r) => !r.assessed).length).toBeGreaterThan(0);

    // Before: methodology 1.0.0 rated every vendor, and one row held most of them.
    const golden = JSON.parse(readFileSync(new URL('../../fixtures/golden/golden-1.0.0.json', import.meta.url), 'utf8')) as { policy: { version: string } };
    const { version, ...parameters } = golden.policy;
    const v1 = storedPolicy(parameters, version);
    const engaged = loadAllFacts(deps.store).filter((f) => f.vendor.status !== 'not-engaged');
    const before = rowCounts(engaged.map((f) => scoreVendor(f, v1, TODAY).cell.likelihood));
    expect(before).toEqual([0, 30, 3, 1, 0]);
    expect(Math.max(...before)).toBeGreaterThan(engaged.length / 2);
  });

  it('in the heatmap’s default sort no not-assessed vendor outranks an assessed one with a real critical incident', async () => {
    const { http, deps } = demoApp();
    const day = dayNumber(TODAY);
    const criticalAt = (vendorId: number) => deps.store.incidents.listByVendor(vendorId).some((i) => i.severity === 'critical' && incidentKnownAt(i, day));
    const heatmap = (await http.get(`/api/v1/portfolio/heatmap?asOf=${TODAY}`)).body as { rows: HeatmapRow[] };
    // The server's order and the page's default sort agree.
    const sorted = sortRows(heatmap.rows, DEFAULT_SORT);
    expect(sorted.map((r) => r.name)).toEqual(heatmap.rows.map((r) => r.name));
    const breached = sorted.filter((r) => r.assessed && criticalAt(r.vendorId)).map((r) => r.name);
    expect(breached).toEqual(['Microsoft', 'Okta']);
    const lastBreached = Math.max(...breached.map((n) => sorted.findIndex((r) => r.name === n)));
    const firstNotAssessed = sorted.findIndex((r) => !r.assessed);
    expect(firstNotAssessed).toBeGreaterThan(lastBreached);
    // Not assessed, but not hidden: the vendors with the highest inherent risk come first among them.
    const notAssessed = sorted.filter((r) => !r.assessed);
    expect(notAssessed.map((r) => r.inherentRisk)).toEqual([...notAssessed.map((r) => r.inherentRisk)].sort((a, b) => b - a));
    expect(notAssessed.every((r) => r.band === 'not-assessed' && r.toAssess.length > 0)).toBe(true);
  });
});
