/**
 * The dispatcher delivering to real local receivers: a signed JSON post checked by an HTTP server,
 * a Slack-format post, mail read by an SMTP server; retries with backoff; targets refused at send time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ORIGIN, testApp } from '../../../helpers/app.ts';
import { testClock, MINUTE } from '../../../helpers/clock.ts';
import { vendorBody } from '../../../helpers/fixtures.ts';
import { conditionOverdue, incidentAdded } from '../../../helpers/changes.ts';
import { smtpReceiver, unQuotedPrintable, webhookReceiver } from '../../../helpers/receivers.ts';
import { DEFAULT_ALERTS } from '../../../../server/deps.ts';
import { webhookEvent } from '../../../../server/domain/webhook.ts';
import { SYSTEM } from '../../../../server/domain/account.ts';
import type { AlertSettings } from '../../../../server/config.ts';
import { backoffMs } from '../../../../server/services/alerts/dispatcher.ts';

const SECRET = 'the receiver and we share this';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function setUp(alerts: Partial<AlertSettings> = {}) {
  const clock = testClock('2026-11-29T12:00:00.000Z');
  const t = testApp({
    clock,
    publicUrl: ORIGIN,
    alerts: { ...DEFAULT_ALERTS, webhookAllow: '127.0.0.1', deliveryRetrySeconds: 60, deliveryMaxAttempts: 3, webhookTimeoutSeconds: 2, ...alerts },
  });
  const vendor = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Identity', tier: 1, businessOwner: 'jane.doe@example.com' }))).body;
  const hook = (url: string, o: Record<string, unknown> = {}) =>
    t.deps.webhooks.create(SYSTEM, { name: 'receiver', url, secret: SECRET, format: 'json', kinds: null, tiers: null, minSeverity: null, enabled: true, ...o });
  const log = () => t.deps.store.deliveries.log({ limit: 50 });
  return { ...t, clock, vendor, hook, log };
}

async function receiver(o: Partial<Parameters<typeof webhookReceiver>[0]> = {}) {
  const r = await webhookReceiver({ secret: SECRET, ...o });
  closers.push(r.close);
  return r;
}

describe('webhook deliveries', () => {
  it('posts the WebhookEvent body, signed, with the idempotency key; the receiver verifies it; sent once', async () => {
    const { deps, vendor, hook, log, clock } = await setUp();
    const r = await receiver({ now: () => Date.parse(clock.now()) });
    const w = hook(r.url);
    const [c] = deps.changes.record([incidentAdded(vendor, 'critical')]);
    expect(await deps.dispatcher.tick()).toBe(1);
    expect(r.badSignatures).toBe(0);
    expect([...r.unique.keys()]).toEqual([`webhook-${w.id}-change-${c!.id}`]);
    const body = r.hits[0]!.json;
    expect(webhookEvent.parse(body)).toMatchObject({
      schema: 'vendorscope.change/1',
      deliveryId: `webhook-${w.id}-change-${c!.id}`,
      change: { id: c!.id, kind: 'incident-added', detail: { severity: 'critical' } },
      vendor: { id: vendor.id, name: 'Acme Identity', tier: 1 },
      link: `${ORIGIN}/vendors/${vendor.id}#incident-1`,
    });
    expect(log()).toMatchObject([{ status: 'sent', attempts: 1, lastError: null }]);
    expect(await deps.dispatcher.tick()).toBe(0);
    expect(r.hits).toHaveLength(1);
  });

  it('a receiver with another secret refuses the signature', async () => {
    const { deps, vendor, hook, log, clock } = await setUp();
    const r = await receiver({ now: () => Date.parse(clock.now()), secret: 'not the secret we were given' });
    hook(r.url);
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    await deps.dispatcher.tick();
    expect(r.badSignatures).toBe(1);
    expect(log()[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'answered 401' });
  });

  it('posts { text, blocks } in the slack format', async () => {
    const { deps, vendor, hook, clock } = await setUp();
    const r = await receiver({ now: () => Date.parse(clock.now()) });
    hook(r.url, { format: 'slack' });
    deps.changes.record([incidentAdded(vendor, 'high')]);
    await deps.dispatcher.tick();
    const body = r.hits[0]!.json as { text: string; blocks: Array<{ type: string; text?: { type: string; text: string } }> };
    expect(body.text).toBe('Vendorscope: Acme Identity: Incident added: support system breach (high) (2026-11-29)');
    expect(body.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: `<${ORIGIN}/vendors/${vendor.id}#incident-1|Acme Identity>: Incident added: support system breach (high)` },
    });
    expect(Object.keys(body).sort()).toEqual(['blocks', 'text']);
  });

  it('retries with exponential backoff after failures, with the same key, until it is accepted', async () => {
    const { deps, vendor, hook, log, clock } = await setUp();
    const r = await receiver({ now: () => Date.parse(clock.now()), failFirst: 2 });
    hook(r.url);
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    await deps.dispatcher.tick();
    expect(log()[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'answered 503', nextAt: '2026-11-29T12:01:00.000Z' });
    clock.advance(30_000);
    expect(await deps.dispatcher.tick()).toBe(0); // not due yet
    clock.advance(30_000);
    await deps.dispatcher.tick();
    expect(log()[0]).toMatchObject({ status: 'pending', attempts: 2, nextAt: '2026-11-29T12:03:00.000Z' }); // 2 minutes later: doubled
    clock.advance(2 * MINUTE);
    await deps.dispatcher.tick();
    expect(log()[0]).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(r.requests).toBe(3);
    expect(new Set(r.hits.map((h) => h.key)).size).toBe(1);
  });

  it('gives up after the last attempt and keeps the last error', async () => {
    const { deps, vendor, hook, log, clock } = await setUp();
    const r = await receiver({ now: () => Date.parse(clock.now()), failFirst: 99 });
    hook(r.url);
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    for (let i = 0; i < 5; i++) {
      await deps.dispatcher.tick();
      clock.advance(60 * MINUTE);
    }
    expect(r.requests).toBe(3);
    expect(log()[0]).toMatchObject({ status: 'failed', attempts: 3, lastError: 'answered 503' });
  });

  it('reads and writes nothing while a restore holds the connection, and records the send once it is over', async () => {
    const { deps, vendor, hook, log, clock } = await setUp();
    const r = await receiver({ now: () => Date.parse(clock.now()) });
    hook(r.url);
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    let restoring = true;
    const { dispatcher } = await import('../../../../server/services/alerts/dispatcher.ts');
    const { parseAllowlist } = await import('../../../../server/services/alerts/target-check.ts');
    const d = dispatcher(deps.store, clock, deps.log, {
      allow: parseAllowlist('127.0.0.1'),
      mail: null,
      timeoutMs: 2000,
      backoffMs: 1000,
      maxAttempts: 3,
      pollMs: 1000,
      publicUrl: null,
      paused: () => restoring,
    });
    expect(await d.tick()).toBe(0);
    expect(r.requests).toBe(0);
    restoring = false;
    expect(await d.tick()).toBe(1);
    expect(log()[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('caps the backoff at an hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(30_000, n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30_000, 20)).toBe(3_600_000);
  });

  it('does not follow a redirect', async () => {
    const { deps, vendor, hook, log, clock } = await setUp();
    const r = await receiver({ now: () => Date.parse(clock.now()), status: 302 });
    hook(r.url);
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    await deps.dispatcher.tick();
    expect(r.requests).toBe(1);
    expect(log()[0]).toMatchObject({ status: 'pending', lastError: 'answered 302 (a redirect, not followed)' });
  });

  it('times out a receiver that does not answer', async () => {
    const { deps, vendor, hook, log, clock } = await setUp({ webhookTimeoutSeconds: 0.3 });
    const r = await receiver({ now: () => Date.parse(clock.now()), hold: () => new Promise((resolve) => setTimeout(resolve, 3_000)) });
    hook(r.url);
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    await deps.dispatcher.tick();
    expect(log()[0]).toMatchObject({ status: 'pending', lastError: 'no answer within 300 ms' });
  });

  it('refuses at send time a name that resolves to a loopback address not allow-listed (DNS rebinding), for good', async () => {
    const { deps, vendor, hook, log, clock } = await setUp({ webhookAllow: '' });
    const r = await receiver({ now: () => Date.parse(clock.now()) });
    // Saved while it named no address; at send time "localhost" resolves to loopback.
    hook(`http://localhost:${r.port}/hook`);
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    await deps.dispatcher.tick();
    expect(r.requests).toBe(0);
    expect(log()[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(log()[0]!.lastError).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback or private address/);
  });

  it('refuses at send time a target saved before the allowlist changed', async () => {
    const r = await receiver();
    const allowed = await setUp();
    const w = allowed.hook(r.url);
    // The same database read by a process whose WEBHOOK_ALLOW no longer lists 127.0.0.1.
    const { dispatcher } = await import('../../../../server/services/alerts/dispatcher.ts');
    const { parseAllowlist } = await import('../../../../server/services/alerts/target-check.ts');
    const strict = dispatcher(allowed.deps.store, allowed.clock, allowed.deps.log, {
      allow: parseAllowlist(''),
      mail: null,
      timeoutMs: 1000,
      backoffMs: 1000,
      maxAttempts: 3,
      pollMs: 1000,
      publicUrl: null,
    });
    allowed.deps.changes.record([incidentAdded(allowed.vendor, 'critical')]);
    await strict.tick();
    expect(r.requests).toBe(0);
    expect(allowed.log()[0]).toMatchObject({
      key: expect.stringContaining(`webhook-${w.id}-`),
      status: 'failed',
      lastError: expect.stringContaining('127.0.0.1, a loopback or private address'),
    });
  });
});

describe('e-mail deliveries', () => {
  const smtpAuth = { user: 'alerts', pass: 'smtp-password-not-to-leak' };

  async function mailSetUp() {
    const smtp = await smtpReceiver(smtpAuth);
    closers.push(smtp.close);
    const t = await setUp({ smtpUrl: smtp.url(), mailFrom: 'Vendorscope <alerts@example.com>' });
    const jane = t.deps.store.users.create('jane.doe@example.com', null, 'viewer', '2026-11-01T00:00:00.000Z');
    // Only Jane's mail in these tests: the admin testApp signs in gets in-app alerts only.
    for (const r of t.deps.watch.rules(1)) t.deps.watch.updateRule(1, r.id, { ...r, email: 'off' });
    return { ...t, smtp, jane };
  }

  it('sends an immediate mail through SMTP with AUTH: plain text and HTML, linking to the app', async () => {
    const { deps, vendor, smtp, log } = await mailSetUp();
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    await deps.dispatcher.tick();
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m).toMatchObject({ from: 'alerts@example.com', to: ['jane.doe@example.com'], user: 'alerts' });
    const raw = unQuotedPrintable(m.raw).replace(/\r?\n /g, ' ');
    expect(raw).toContain('Subject: Vendorscope: Acme Identity: Incident added: support system breach (critical) (2026-11-29)');
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    expect(raw).toContain(`${ORIGIN}/vendors/${vendor.id}#incident-1`);
    expect(raw).toContain(`${ORIGIN}/account`);
    expect(log().filter((d) => d.channel === 'email')).toMatchObject([{ status: 'sent', attempts: 1 }]);
  });

  it('sends one digest per user when the day is over, listing the day’s changes', async () => {
    const { deps, vendor, smtp, clock } = await mailSetUp();
    deps.changes.record([conditionOverdue(vendor)]);
    clock.advance(60_000);
    deps.changes.record([{ ...conditionOverdue(vendor), title: 'Condition overdue: penetration test', ref: 'condition:4' }]);
    await deps.dispatcher.tick();
    expect(smtp.messages).toHaveLength(0); // the day is not over
    clock.advance(12 * 60 * MINUTE);
    await deps.dispatcher.tick();
    expect(smtp.messages).toHaveLength(1);
    const raw = unQuotedPrintable(smtp.messages[0]!.raw).replace(/\r?\n /g, ' ');
    expect(raw).toContain('Subject: Vendorscope: 2 changes on 2026-11-29');
    expect(raw).toContain('Condition overdue: SOC 2 report');
    expect(raw).toContain('Condition overdue: penetration test');
  });

  it('keeps the SMTP error but never the credentials', async () => {
    const smtp = await smtpReceiver(smtpAuth);
    closers.push(smtp.close);
    const wrong = { user: 'alerts', pass: 'a-wrong-password-42' };
    const { deps, vendor, log } = await setUp({ smtpUrl: smtp.url(wrong), mailFrom: 'alerts@example.com' });
    deps.changes.record([incidentAdded(vendor, 'critical')]);
    await deps.dispatcher.tick();
    const d = log().find((x) => x.channel === 'email')!;
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d.lastError).toMatch(/Invalid username or password|auth/i);
    expect(JSON.stringify(log())).not.toContain(wrong.pass);
  });
});
