/** The alerts sink: who is notified of what, by the day-one rules, and what goes to the outbox. */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../helpers/app.ts';
import { vendorBody } from '../../../helpers/fixtures.ts';
import { conditionOverdue, evidenceExpiring, incidentAdded, reviewNeeded, scoreChanged } from '../../../helpers/changes.ts';
import { DEFAULT_ALERTS } from '../../../../server/deps.ts';
import fc from 'fast-check';
import { CHANGE_KINDS, type NewChange } from '../../../../server/domain/change.ts';
import { BANDS } from '../../../../server/domain/methodology.ts';
import { SEVERITIES } from '../../../../server/domain/vocabulary.ts';
import { ruleMatches } from '../../../../server/services/alerts/match.ts';
import type { WatchRuleInput } from '../../../../server/domain/watch-rule.ts';

async function setUp(smtp = false) {
  const t = testApp(smtp ? { alerts: { ...DEFAULT_ALERTS, smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'alerts@example.com' } } : {});
  const tier1 = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Identity', tier: 1, businessOwner: 'Jane Doe' }))).body;
  const tier3 = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Coffee Beans Ltd', tier: 3, businessOwner: 'bob@example.com' }))).body;
  const jane = t.deps.store.users.create('jane.doe@example.com', null, 'viewer', '2026-11-01T00:00:00.000Z');
  const bob = t.deps.store.users.create('bob@example.com', null, 'analyst', '2026-11-01T00:00:00.000Z');
  const unread = (userId: number) => t.deps.store.notifications.unread(userId);
  return { ...t, tier1, tier3, jane, bob, unread };
}

describe('alerts sink with the day-one rules', () => {
  it('gives every new user the five default rules', async () => {
    const { deps, jane } = await setUp();
    expect(deps.watch.rules(jane).map((r) => [r.kind, r.tiers, r.minSeverity, r.mineOnly, r.bandRoseOnly, r.withinDays])).toEqual([
      ['score-changed', [1, 2], null, false, true, null],
      ['incident-added', null, 'high', false, false, null],
      ['review-needed', null, null, true, false, null],
      ['condition-overdue', null, null, false, false, null],
      ['evidence-expiring', null, null, false, false, 30],
    ]);
  });

  it('notifies a band rise at a tier-1 vendor, not at a tier-3 one, not a fall, and not a move to or from not-assessed', async () => {
    const { deps, tier1, tier3, jane, unread } = await setUp();
    deps.changes.record([scoreChanged(tier3, 'moderate', 'high')]);
    deps.changes.record([scoreChanged(tier1, 'high', 'moderate')]);
    deps.changes.record([scoreChanged(tier1, 'not-assessed', 'critical'), scoreChanged(tier1, 'low', 'not-assessed')]);
    expect(unread(jane)).toBe(0);
    const [rose] = deps.changes.record([scoreChanged(tier1, 'moderate', 'high')]);
    expect(unread(jane)).toBe(1);
    expect(deps.watch.notifications(jane, { unreadOnly: false, limit: 10 }).items).toMatchObject([
      { change: { id: rose!.id }, link: `/vendors/${tier1.id}#incident-1`, readAt: null },
    ]);
  });

  it('notifies high and critical incidents only', async () => {
    const { deps, tier3, bob, unread } = await setUp();
    deps.changes.record([incidentAdded(tier3, 'low'), incidentAdded(tier3, 'medium')]);
    expect(unread(bob)).toBe(0);
    deps.changes.record([incidentAdded(tier3, 'high'), incidentAdded(tier3, 'critical')]);
    expect(unread(bob)).toBe(2);
  });

  it('notifies a review needed only its business owner (by e-mail, or by the name in the e-mail)', async () => {
    const { deps, tier1, tier3, jane, bob, unread } = await setUp();
    deps.changes.record([reviewNeeded(tier1)]);
    expect([unread(jane), unread(bob)]).toEqual([1, 0]);
    deps.changes.record([reviewNeeded(tier3)]);
    expect([unread(jane), unread(bob)]).toEqual([1, 1]);
  });

  it('notifies conditions overdue, and evidence expiring within 30 days of the change only', async () => {
    const { deps, tier3, bob, unread } = await setUp();
    deps.changes.record([conditionOverdue(tier3)]);
    expect(unread(bob)).toBe(1);
    deps.changes.record([evidenceExpiring(tier3, '2027-01-15')]); // 47 days after 2026-11-29
    expect(unread(bob)).toBe(1);
    deps.changes.record([evidenceExpiring(tier3, '2026-12-29')]); // 30 days
    expect(unread(bob)).toBe(2);
  });

  it('notifies a disabled user of nothing, and one change once however many rules match', async () => {
    const { deps, tier1, jane, bob, unread } = await setUp();
    deps.store.users.update(bob, 'analyst', '2026-11-02T00:00:00.000Z', '2026-11-02T00:00:00.000Z');
    deps.watch.createRule(jane, {
      kind: 'incident-added',
      tiers: [1],
      minSeverity: null,
      mineOnly: false,
      bandRoseOnly: false,
      withinDays: null,
      inApp: true,
      email: 'off',
    });
    deps.changes.record([incidentAdded(tier1, 'critical')]);
    expect([unread(jane), unread(bob)]).toEqual([1, 0]);
  });

  it('queues no e-mail while SMTP is off, however the rules ask for it', async () => {
    const { deps, tier1 } = await setUp(false);
    deps.changes.record([incidentAdded(tier1, 'critical'), conditionOverdue(tier1)]);
    expect(deps.store.deliveries.log({ limit: 10 })).toEqual([]);
  });

  it('queues immediate mails due now, and one digest per user and day due when the day is over', async () => {
    const { deps, tier1, tier3, jane, bob } = await setUp(true);
    const [incident] = deps.changes.record([incidentAdded(tier1, 'critical')]);
    const [c1, c2] = deps.changes.record([conditionOverdue(tier1), conditionOverdue(tier3)]);
    const [c3] = deps.changes.record([evidenceExpiring(tier3, '2026-12-01')]);
    const log = deps.store.deliveries.log({ channel: 'email', limit: 20 });
    const of = (userId: number) =>
      log.filter((d) => d.userId === userId).map((d) => ({ key: d.key, digestDay: d.digestDay, changeIds: d.changeIds, nextAt: d.nextAt, status: d.status }));
    for (const [user, name] of [
      [jane, 'jane'],
      [bob, 'bob'],
    ] as const) {
      expect(of(user), name).toEqual([
        {
          key: `digest-${user}-2026-11-29`,
          digestDay: '2026-11-29',
          changeIds: [c1!.id, c2!.id, c3!.id],
          nextAt: '2026-11-30T00:00:00.000Z',
          status: 'pending',
        },
        { key: `email-${user}-change-${incident!.id}`, digestDay: null, changeIds: [incident!.id], nextAt: incident!.at, status: 'pending' },
      ]);
    }
  });

  it('queues a webhook delivery per matching enabled target, and none for a disabled one', async () => {
    const { deps, tier1, tier3 } = await setUp();
    const admin = { userId: null, label: 'system', via: null };
    const all = deps.webhooks.create(admin, {
      name: 'SIEM',
      url: 'https://siem.example.com/hook',
      format: 'json',
      kinds: null,
      tiers: null,
      minSeverity: 'high',
      enabled: true,
    });
    const tier1Only = deps.webhooks.create(admin, {
      name: 'Slack',
      url: 'https://hooks.slack.com/services/x',
      format: 'slack',
      kinds: ['incident-added'],
      tiers: [1],
      minSeverity: null,
      enabled: true,
    });
    deps.webhooks.create(admin, { name: 'Off', url: 'https://off.example.com/', format: 'json', kinds: null, tiers: null, minSeverity: null, enabled: false });
    const [low, high, overdue] = deps.changes.record([incidentAdded(tier1, 'low'), incidentAdded(tier3, 'high'), conditionOverdue(tier1)]);
    const keys = deps.store.deliveries
      .log({ channel: 'webhook', limit: 20 })
      .map((d) => d.key)
      .sort();
    expect(keys).toEqual(
      [`webhook-${tier1Only.id}-change-${low!.id}`, `webhook-${all.id}-change-${high!.id}`, `webhook-${all.id}-change-${overdue!.id}`].sort(),
    );
  });

  it('writes nothing, event or alert, when the recording transaction fails', async () => {
    const { deps, db, tier1, jane } = await setUp(true);
    expect(() =>
      deps.store.transaction(() => {
        deps.changes.record([incidentAdded(tier1, 'critical')]);
        throw new Error('the write that recorded it failed');
      }),
    ).toThrow();
    expect(deps.store.notifications.unread(jane)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM deliveries').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM changes').get()).toEqual({ n: 0 });
  });

  it('notifies each user of a batch exactly the changes one of their rules matches, once each, and mails them when asked (property)', async () => {
    const { deps, db, tier1, tier3, jane, bob } = await setUp(true);
    const rule = fc
      .record<WatchRuleInput>({
        kind: fc.constantFrom(...CHANGE_KINDS),
        tiers: fc.option(fc.subarray([1, 2, 3, 4], { minLength: 1 }), { nil: null }),
        minSeverity: fc.constant(null),
        mineOnly: fc.boolean(),
        bandRoseOnly: fc.constant(false),
        withinDays: fc.constant(null),
        inApp: fc.boolean(),
        email: fc.constantFrom('off', 'immediate', 'digest'),
      })
      .map((r): WatchRuleInput => ({
        ...r,
        minSeverity: r.kind === 'incident-added' ? 'high' : null,
        bandRoseOnly: r.kind === 'score-changed',
        withinDays: r.kind === 'evidence-expiring' ? 30 : null,
      }));
    const change = fc
      .record({
        vendor: fc.constantFrom(tier1, tier3),
        kind: fc.constantFrom(...CHANGE_KINDS),
        oldBand: fc.constantFrom(...BANDS),
        newBand: fc.constantFrom(...BANDS),
        severity: fc.constantFrom(...SEVERITIES),
        expiresIn: fc.integer({ min: 0, max: 60 }),
      })
      .map(({ vendor, kind, oldBand, newBand, severity, expiresIn }): NewChange => ({
        vendorId: vendor.id,
        vendorName: vendor.name,
        day: '2026-11-29',
        kind,
        title: kind,
        oldBand,
        newBand,
        detail: { severity, expiresOn: new Date(Date.parse('2026-11-29') + expiresIn * 86_400_000).toISOString().slice(0, 10) },
      }));
    const users = [jane, bob];
    await fc.assert(
      fc.asyncProperty(
        fc.array(rule, { maxLength: 4 }),
        fc.array(rule, { maxLength: 4 }),
        fc.array(change, { minLength: 1, maxLength: 6 }),
        async (janeRules, bobRules, events) => {
          db.exec('DELETE FROM notifications; DELETE FROM delivery_changes; DELETE FROM deliveries; DELETE FROM watch_rules');
          janeRules.forEach((r) => deps.watch.createRule(jane, r));
          bobRules.forEach((r) => deps.watch.createRule(bob, r));
          const saved = deps.changes.record(events);
          for (const user of users) {
            const email = deps.store.users.find(user)!.email;
            const rules = deps.watch.rules(user);
            const vendorOf = (id: number | null) => {
              const v = deps.store.vendors.find(id!)!;
              return { tier: v.tier, businessOwner: v.businessOwner };
            };
            const matching = (c: (typeof saved)[number]) => rules.filter((r) => ruleMatches(r, c, vendorOf(c.vendorId), email));
            const expectedInApp = saved
              .filter((c) => matching(c).some((r) => r.inApp))
              .map((c) => c.id)
              .sort((a, b) => a - b);
            const got = deps.watch
              .notifications(user, { unreadOnly: false, limit: 100 })
              .items.map((n) => n.change.id)
              .sort((a, b) => a - b);
            expect(got).toEqual(expectedInApp);
            const mailed = new Set(
              deps.store.deliveries
                .log({ channel: 'email', limit: 500 })
                .filter((d) => d.userId === user)
                .flatMap((d) => d.changeIds),
            );
            expect([...mailed].sort((a, b) => a - b)).toEqual(
              saved
                .filter((c) => matching(c).some((r) => r.email !== 'off'))
                .map((c) => c.id)
                .sort((a, b) => a - b),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
