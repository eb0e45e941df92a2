/**
 * Nothing lost when the process dies: the real server (server/main.ts, a child process) is killed
 * with SIGKILL while it sends pending webhook deliveries (the receiver has taken the first one and
 * not yet answered); restarted on the same SQLite file, it sends them again, and a receiver that
 * deduplicates by the X-Vendorscope-Delivery key processes each exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDeps } from '../../../../server/deps.ts';
import { openDb } from '../../../../server/db/open.ts';
import { migrate } from '../../../../server/db/migrate.ts';
import { SYSTEM } from '../../../../server/domain/account.ts';
import { vendorInput } from '../../../../server/domain/vendor.ts';
import { systemClock } from '../../../../server/services/clock.ts';
import { DEFAULT_ALERTS } from '../../../../server/deps.ts';
import { testOptions } from '../../../helpers/app.ts';
import { MIGRATIONS } from '../../../helpers/db.ts';
import { conditionOverdue, incidentAdded, scoreChanged } from '../../../helpers/changes.ts';
import { startServer, stopServer } from '../../../helpers/process.ts';
import { webhookReceiver } from '../../../helpers/receivers.ts';

const SECRET = 'crash-test secret, long enough';
const dirs: string[] = [];
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const until = async (what: string, ok: () => boolean, context: () => string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${context()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/**
 * Records three events with a webhook target for their kinds, in the database file, as a running
 * server would. (The server's own start records a review-needed for the new vendor: not for this target.)
 */
function recordPending(dbPath: string, url: string): string[] {
  const db = openDb(dbPath);
  migrate(db, MIGRATIONS);
  const deps = makeDeps(db, testOptions({ clock: systemClock, alerts: { ...DEFAULT_ALERTS, webhookAllow: '127.0.0.1' } }));
  const id = Number(
    deps.store.vendors.create(
      vendorInput.parse({ name: 'Acme Identity', category: 'Identity', tier: 1, dataAccess: 'confidential', environmentAccess: 'admin' }),
      systemClock.now(),
    ),
  );
  const vendor = { id, name: 'Acme Identity' };
  const w = deps.webhooks.create(SYSTEM, {
    name: 'receiver',
    url,
    secret: SECRET,
    format: 'json',
    kinds: ['incident-added', 'score-changed', 'condition-overdue'],
    tiers: null,
    minSeverity: null,
    enabled: true,
  });
  const saved = deps.changes.record([incidentAdded(vendor, 'critical'), scoreChanged(vendor, 'moderate', 'high'), conditionOverdue(vendor)]);
  db.close();
  return saved.map((c) => `webhook-${w.id}-change-${c.id}`);
}

/** stopServer, for a child that may have been killed already (a killed child has a signalCode, no exitCode). */
const stop = (child: ChildProcess) => (child.exitCode === null && child.signalCode === null ? stopServer(child) : Promise.resolve());

const statuses = (dbPath: string) => {
  const db = openDb(dbPath);
  try {
    return db.prepare('SELECT key, status, attempts FROM deliveries ORDER BY id').all() as Array<{ key: string; status: string; attempts: number }>;
  } finally {
    db.close();
  }
};

describe('the delivery outbox across a crash', () => {
  it('delivers each pending webhook exactly once to a deduplicating receiver after SIGKILL and restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorscope-outbox-'));
    dirs.push(dir);
    const dbPath = join(dir, 'vendorscope.sqlite');
    let holding = true;
    let release = () => {};
    const receiver = await webhookReceiver({
      secret: SECRET,
      // While `holding`, the receiver takes the post (processing it) and never answers: the sender is killed meanwhile.
      hold: () => (holding ? new Promise<void>((r) => (release = r)) : Promise.resolve()),
    });
    cleanup.push(async () => {
      release();
      await receiver.close();
    });
    const keys = recordPending(dbPath, receiver.url);
    expect(statuses(dbPath).map((d) => d.status)).toEqual(['pending', 'pending', 'pending']);

    const env = { DB_PATH: dbPath, VENDORSCOPE_DEMO: 'off', WEBHOOK_ALLOW: '127.0.0.1', DELIVERY_POLL_SECONDS: '0.1', DELIVERY_RETRY_SECONDS: '0.1' };
    const first = await startServer(env);
    cleanup.push(() => stop(first.child));
    await until('the first post', () => receiver.hits.length === 1, first.output);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    // Killed mid-send: the receiver has the first one, the database still has all three to send.
    expect(statuses(dbPath)).toEqual(keys.map((key) => ({ key, status: 'pending', attempts: 0 })));

    holding = false;
    release();
    const second = await startServer({ ...env, SMTP_URL: 'smtp://alerts:smtp-secret-pw@127.0.0.1:1', MAIL_FROM: 'alerts@example.com' });
    cleanup.push(() => stop(second.child));
    await until('every delivery sent', () => statuses(dbPath).every((d) => d.status === 'sent'), second.output);
    expect([...receiver.unique.keys()]).toEqual(keys);
    // At least once: the first was posted twice (its answer was lost with the process), processed once.
    expect(receiver.hits.map((h) => h.key)).toEqual([keys[0], ...keys]);
    expect(receiver.badSignatures).toBe(0);
    // Start-up says whether e-mail is on, never with the credentials.
    expect(second.output()).toContain('e-mail alerts on, through smtp://127.0.0.1:1');
    expect(second.output()).not.toContain('smtp-secret-pw');
    expect(first.output()).toContain('e-mail alerts off');
  }, 60_000);
});
