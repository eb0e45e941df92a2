/**
 * A restore is all or nothing, yet the server answers while it writes: its one transaction lets the
 * event loop turn every few hundred records, and meanwhile every request but the health check is
 * told to come back (503), because it would read the restore unfinished or write into it.
 */
import { describe, expect, it } from 'vitest';
import { vendorInput } from '../../../server/domain/vendor.ts';
import { expectNoWrite, expectProblem, testApp } from '../../helpers/app.ts';

const N = 4000;

function exported() {
  const { deps, http } = testApp();
  for (let i = 0; i < N; i++) {
    deps.store.vendors.create(
      vendorInput.parse({ name: `Vendor ${i}`, category: 'saas', tier: (i % 4) + 1, dataAccess: 'internal', environmentAccess: 'none' }),
      deps.clock.now(),
    );
  }
  return http.get('/api/v1/export').then((r) => r.text);
}

describe('a restore in steps', () => {
  it('answers the health check and turns other requests away with 503 while it writes, then holds everything', async () => {
    const doc = await exported();
    const { http, deps } = testApp();
    const restoring = http.post('/api/v1/import/full').set('Content-Type', 'application/json').send(doc);
    let done = false;
    void restoring.then(() => (done = true));
    const seen: Array<{ health: number; vendors: number; count: number }> = [];
    while (!done) {
      const health = await http.get('/api/v1/health');
      const vendors = await http.get('/api/v1/vendors?limit=1');
      if (vendors.status === 503) {
        expectProblem(vendors, 503, 'restore-in-progress');
        expect(vendors.headers['retry-after']).toBe('5');
      }
      seen.push({ health: health.status, vendors: vendors.status, count: deps.store.vendors.list({ limit: 1, offset: 0 }).total });
    }
    expect((await restoring).status).toBe(200);
    expect(seen.every((s) => s.health === 200)).toBe(true);
    expect(seen.some((s) => s.vendors === 503)).toBe(true);
    // Part-way, the transaction was open: the restore's own connection saw records that no request was shown.
    expect(seen.some((s) => s.count > 0 && s.count < N)).toBe(true);
    expect((await http.get('/api/v1/vendors?limit=1')).body.total).toBe(N);
  });

  it('writes nothing when a record late in the document breaks it, after many steps', async () => {
    const doc = JSON.parse(await exported());
    // The last vendor repeats the first one's name: refused only when it is written, after thousands of steps.
    doc.vendors[N - 1] = { ...doc.vendors[N - 1], name: doc.vendors[0].name };
    const { http, db } = testApp();
    await expectNoWrite(db, async () => {
      const res = await http.post('/api/v1/import/full').set('Content-Type', 'application/json').send(JSON.stringify(doc));
      expectProblem(res, 409, 'restore-conflict');
      expect(res.body.errors[0].path).toBe(`body.vendors[${N - 1}]`);
    });
    expect((await http.get('/api/v1/vendors?limit=1')).status).toBe(200);
  });

  it('is refused while another import runs, and lets nothing else in until it ends', async () => {
    const { deps } = testApp();
    const release = deps.imports.admit(1);
    const doc = await exported();
    const restore = deps.imports.admit(2);
    await expect(
      deps.imports.restore(new Uint8Array(Buffer.from(doc)), { kind: 'user', id: 2, email: 'a@example.com', via: 'test' } as never, 'empty'),
    ).rejects.toMatchObject({
      code: 'too-many-imports',
    });
    release();
    restore();
    expect(deps.imports.restoring()).toBe(false);
  });
});
