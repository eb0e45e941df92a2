import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/open.ts';
import { ADMIN, ADMIN_ENV, runMain, signIn, startServer, stopServer } from '../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server/main.ts', () => {
  it('refuses to start on a database newer than the code, with a clear message', () => {
    const path = join(dir, 'future.sqlite');
    const db = openDb(path);
    db.pragma('user_version = 999');
    db.close();
    const r = runMain(['serve'], { DB_PATH: path, PORT: '0' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/schema version 999.*newer release/s);
  });

  it('seeds with `seed`, idempotently, and rebuilds with `seed --reset`', () => {
    const path = join(dir, 'seed.sqlite');
    const first = runMain(['seed'], { DB_PATH: path });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/34 vendors, 35 incidents created/);
    expect(runMain(['seed'], { DB_PATH: path }).stdout).toMatch(/0 vendors, 0 incidents created, 35 updated/);
    expect(runMain(['seed', '--reset'], { DB_PATH: path }).stdout).toMatch(/\(reset\): 34 vendors/);
  });

  it('rejects an unknown command and bad configuration', () => {
    expect(runMain(['frobnicate'], { DB_PATH: join(dir, 'x.sqlite') }).stderr).toMatch(/unknown command/);
    expect(runMain(['serve'], { PORT: 'eighty' }).stderr).toMatch(/PORT must be an integer/);
  });

  it('serves the demo portfolio on 127.0.0.1 from an empty database, naming one address to open and the demo counts', async () => {
    const { url, child, output } = await startServer({ DB_PATH: join(dir, 'demo.sqlite'), ...ADMIN_ENV });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The README quotes these lines: one address to open (localhost, for passkeys) and the counts seeded.
      const port = new URL(url).port;
      expect(output()).toContain(`open http://localhost:${port} (database`);
      expect(output()).toContain(
        'demo portfolio: 34 vendors, 35 incidents created, 0 updated, 11 subprocessors, 9 MFA records, 28 posture facts, 1 example review decision(s)',
      );
      const cookie = await signIn(url, ADMIN.email, ADMIN.password);
      const vendors = (await (await fetch(`${url}/api/v1/vendors`, { headers: { cookie } })).json()) as { total: number };
      expect(vendors.total).toBe(34);
    } finally {
      await stopServer(child);
    }
  });

  it('sweeps What changed at start, and a restart on the same day records nothing twice', async () => {
    const path = join(dir, 'sweep.sqlite');
    const reviewEvents = async () => {
      const { url, child, output } = await startServer({ DB_PATH: path, ...ADMIN_ENV });
      try {
        const cookie = await signIn(url, ADMIN.email, ADMIN.password);
        const page = (await (await fetch(`${url}/api/v1/changes?kind=review-needed&limit=200`, { headers: { cookie } })).json()) as {
          items: Array<{ kind: string }>;
        };
        return { count: page.items.length, output: output() };
      } finally {
        await stopServer(child);
      }
    };
    const first = await reviewEvents();
    // The demo's engaged vendors, never decided on, fall due at once.
    expect(first.count).toBeGreaterThan(10);
    expect(first.output).toMatch(/what changed: the sweep of \d{4}-\d{2}-\d{2} recorded \d+ event\(s\)/);
    expect((await reviewEvents()).count).toBe(first.count);
  }, 120_000);

  it('prints a one-time setup link on a first start without admin variables, and it works once', async () => {
    const { url, child, output } = await startServer({ DB_PATH: join(dir, 'setup.sqlite'), VENDORSCOPE_ADMIN_EMAIL: '', VENDORSCOPE_ADMIN_PASSWORD: '' });
    try {
      const pattern = /Create the first admin within an hour at (http:\/\/localhost:\d+)\/setup#token=([\w-]+)/;
      for (let i = 0; i < 50 && !pattern.test(output()); i++) await new Promise((r) => setTimeout(r, 100));
      const link = pattern.exec(output());
      expect(link, output()).not.toBeNull();
      const setup = (token: string) =>
        fetch(`${url}/api/v1/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: url },
          body: JSON.stringify({ token, email: 'first@example.com', password: 'the very first admin' }),
        });
      expect((await setup(link![2]!)).status).toBe(201);
      expect((await setup(link![2]!)).status).toBe(409);
      expect(await signIn(url, 'first@example.com', 'the very first admin')).toMatch(/^vs_session=/);
    } finally {
      await stopServer(child);
    }
  });

  it('refuses to start with a weak VENDORSCOPE_ADMIN_PASSWORD', () => {
    const r = runMain(['serve'], {
      DB_PATH: join(dir, 'weak.sqlite'),
      PORT: '0',
      VENDORSCOPE_ADMIN_EMAIL: 'a@example.com',
      VENDORSCOPE_ADMIN_PASSWORD: 'password1234',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/commonly used password/);
  });

  it('leaves a new database empty with VENDORSCOPE_DEMO=off', async () => {
    const { url, child } = await startServer({ DB_PATH: join(dir, 'empty.sqlite'), VENDORSCOPE_DEMO: 'off', ...ADMIN_ENV });
    try {
      const cookie = await signIn(url, ADMIN.email, ADMIN.password);
      const vendors = (await (await fetch(`${url}/api/v1/vendors`, { headers: { cookie } })).json()) as { total: number };
      expect(vendors.total).toBe(0);
    } finally {
      await stopServer(child);
    }
  });
});
