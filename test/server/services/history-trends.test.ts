/**
 * Trends of closed quarters read the frozen snapshots (issue 15 §1): once a quarter is frozen its
 * column is the snapshots' own risk and band, whatever the facts say later, and reading it loads
 * no fact at all; only vendors without a snapshot yet have their facts read (and are frozen).
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../server/db/store.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody } from '../../helpers/fixtures.ts';

/** Counts every read of the facts a score rests on, through the real repositories. */
function countFactReads(store: Store) {
  const counts = { all: 0, perVendor: 0 };
  const wrap = <T extends object>(repo: T, bulk: ReadonlyArray<keyof T>, one: ReadonlyArray<keyof T>) => {
    for (const [names, key] of [
      [bulk, 'all'],
      [one, 'perVendor'],
    ] as const) {
      for (const name of names) {
        const real = repo[name] as unknown as (...a: unknown[]) => unknown;
        (repo as Record<keyof T, unknown>)[name] = (...a: unknown[]) => {
          counts[key]++;
          return real(...a);
        };
      }
    }
  };
  wrap(store.incidents, ['all'], ['listByVendor']);
  wrap(store.subprocessors, ['all'], ['listByVendor']);
  wrap(store.mfa, ['allByVendor'], ['listByVendor']);
  return counts;
}

const RANGE = 'from=2023-Q1&to=2024-Q4';

describe('trends of closed quarters', () => {
  it('read the frozen values after the facts changed; only the current quarter moves', async () => {
    const { http, idOf } = demoApp();
    const before = (await http.get(`/api/v1/portfolio/trends?from=2025-Q1&to=2026-Q4`)).body;
    const row = (body: typeof before, name: string) => body.rows.find((r: { name: string }) => r.name === name);
    // A critical breach recorded now, dated years back: it would raise every quarter's score.
    const okta = idOf('Okta');
    const res = await http.post(`/api/v1/vendors/${okta}/incidents`).send(
      incidentBody({
        ref: 'late',
        severity: 'critical',
        intrusionStartDate: '2024-06-01',
        detectedByVendorDate: '2024-06-02',
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2024-07-01',
      }),
    );
    expect(res.status).toBe(201);
    const after = (await http.get(`/api/v1/portfolio/trends?from=2025-Q1&to=2026-Q4`)).body;
    expect(row(after, 'Okta').risks.slice(0, -1)).toEqual(row(before, 'Okta').risks.slice(0, -1));
    expect(row(after, 'Okta').bands.slice(0, -1)).toEqual(row(before, 'Okta').bands.slice(0, -1));
    expect(row(after, 'Okta').risks.at(-1)).toBeGreaterThan(row(before, 'Okta').risks.at(-1));
  });

  it('of fully frozen quarters load no fact and equal the stored snapshots', async () => {
    const { http, deps } = demoApp();
    const first = (await http.get(`/api/v1/portfolio/trends?${RANGE}`)).body;
    const counts = countFactReads(deps.store);
    const again = (await http.get(`/api/v1/portfolio/trends?${RANGE}`)).body;
    expect(counts).toEqual({ all: 0, perVendor: 0 });
    expect(again).toEqual(first);
    first.quarters.forEach((q: string, i: number) => {
      const stored = new Map(deps.store.snapshots.forQuarter(q).map((s) => [s.vendorId, s.score]));
      for (const r of first.rows) {
        expect(r.risks[i], `${r.name} ${q}`).toBe(stored.get(r.vendorId)!.risk);
        expect(r.bands[i], `${r.name} ${q}`).toBe(stored.get(r.vendorId)!.band);
      }
    });
  });

  it('load the facts of just the vendors still to freeze, and freeze them', async () => {
    const { http, deps, db, idOf } = demoApp();
    const first = (await http.get(`/api/v1/portfolio/trends?${RANGE}`)).body;
    const okta = idOf('Okta');
    db.prepare("DELETE FROM score_snapshots WHERE vendor_id = ? AND quarter = '2023-Q4'").run(okta);
    const counts = countFactReads(deps.store);
    const again = (await http.get(`/api/v1/portfolio/trends?${RANGE}`)).body;
    expect(counts.all).toBe(0);
    expect(counts.perVendor).toBeGreaterThan(0);
    expect(again).toEqual(first);
    expect(deps.store.snapshots.forVendor(okta, '2023-Q4', '2023-Q4')).toHaveLength(1);
  });

  it('take the current quarter from currentScores(), the one live call', async () => {
    const { http, deps } = demoApp();
    const body = (await http.get('/api/v1/portfolio/trends')).body;
    const live = deps.history.currentScores(deps.store.vendors.all().filter((v) => v.status !== 'not-engaged'));
    for (const r of body.rows) expect([r.risks.at(-1), r.bands.at(-1)]).toEqual([live.get(r.vendorId)!.risk, live.get(r.vendorId)!.band]);
  });
});
