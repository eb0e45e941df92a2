/**
 * Alerts in a real browser: the bell's count after an event (recorded in the server's own SQLite
 * file, as the recorders of issue 15 §2 do), the list it opens linking to the vendor, and a user's
 * watch rules edited on the account page, with an error from the API shown beside its field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { WatchRule } from '../../server/domain/watch-rule.ts';
import { makeDeps } from '../../server/deps.ts';
import { openDb } from '../../server/db/open.ts';
import { systemClock } from '../../server/services/clock.ts';
import { testOptions } from '../helpers/app.ts';
import { incidentAdded } from '../helpers/changes.ts';
import { chromiumForTests } from './harness.ts';
import { useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const dir = mkdtempSync(join(tmpdir(), 'vendorscope-alerts-e2e-'));
const dbPath = join(dir, 'alerts.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records events in the running server's database, in the transaction that runs the alert sink. */
function record(vendor: Vendor, severity: 'high' | 'critical') {
  const db = openDb(dbPath);
  try {
    makeDeps(db, testOptions({ clock: systemClock })).changes.record([incidentAdded(vendor, severity)]);
  } finally {
    db.close();
  }
}

describe.skipIf(!chromiumPath)('alerts in Chromium', () => {
  let vendor: Vendor;
  const s = useSession(chromiumPath!, {
    server: { env: { DB_PATH: dbPath, VENDORSCOPE_DEMO: 'off' } },
    start: async () => {
      const res = await s.call('/vendors', {
        method: 'POST',
        body: { name: 'Acme Identity', category: 'identity provider', tier: 1, dataAccess: 'confidential', environmentAccess: 'identity-provider' },
      });
      vendor = (await res.json()) as Vendor;
    },
    openAt: '/account',
    quietConsole: true,
  });

  it('shows the unread count on the bell after an event, lists it, and clears it when followed', async () => {
    const bell = s.page.locator('vr-bell button.toggle');
    await expect.poll(() => bell.getAttribute('aria-expanded')).toBe('false');
    expect(await s.page.locator('vr-bell .count').count()).toBe(0);
    expect(await s.page.getByRole('button', { name: 'Notifications', exact: true }).count()).toBe(1);
    record(vendor, 'critical');
    record(vendor, 'high');
    await s.page.reload();
    await expect.poll(() => s.page.locator('vr-bell .count').textContent(), { timeout: 10_000 }).toBe('2');
    expect(await s.page.getByRole('button', { name: 'Notifications, 2 unread' }).count()).toBe(1);
    await bell.click();
    const items = s.page.locator('vr-bell #notifications li');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.first().innerText()).toContain('Acme Identity: Incident added: support system breach (high)');
    await s.expectNoAxeViolations();
    await s.shoot('alerts-bell.png', false);
    await items.first().locator('a').click();
    await s.page.waitForURL(s.url(`/vendors/${vendor.id}#incident-1`));
    await expect.poll(() => s.page.locator('vr-bell .count').textContent()).toBe('1');
    // Keyboard: open, then Escape closes and returns focus to the bell.
    await bell.focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => bell.getAttribute('aria-expanded')).toBe('true');
    await s.page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => s.page.locator('vr-bell .count').count()).toBe(0);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => bell.getAttribute('aria-expanded')).toBe('false');
  });

  it('edits the watch rules on the account page: saves a change, shows an error beside its field, adds and resets', async () => {
    await s.go('/account');
    const rules = s.page.locator('vr-watch-rules');
    const incident = rules.locator('form.rule', { hasText: 'Incident added · high or worse' });
    await incident.getByLabel('Severity at least').selectOption('critical');
    await incident.getByLabel('Tier 1', { exact: true }).check();
    await incident.getByLabel('E-mail').selectOption('digest');
    await incident.getByRole('button', { name: /^Save/ }).click();
    await expect.poll(() => rules.locator('[role=status]').textContent()).toBe('Rule saved.');
    const saved = (await (await s.call('/me/watch-rules')).json()) as { items: WatchRule[] };
    expect(saved.items.find((r) => r.kind === 'incident-added')).toMatchObject({ minSeverity: 'critical', tiers: [1], email: 'digest', inApp: true });
    await expect.poll(() => rules.locator('form.rule h3', { hasText: 'Incident added · critical · tier 1' }).count()).toBe(1);

    // A number the server refuses: its message beside the field, nothing saved.
    const expiring = rules.locator('form.rule', { hasText: 'Evidence expiring' });
    await expiring.getByLabel('Expiring within (days)').fill('400');
    await expiring.getByRole('button', { name: /^Save/ }).click();
    const days = expiring.getByLabel('Expiring within (days)');
    await expect.poll(() => days.getAttribute('aria-invalid')).toBe('true');
    expect(await expiring.locator('.field-error').innerText()).toMatch(/365/);
    s.problems.length = 0; // the 400 the browser logged was the point
    await s.expectNoAxeViolations();
    await s.shoot('alerts-watch-rules.png');

    await rules.getByLabel('Watch for').selectOption('finding-resolved');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => rules.locator('form.rule h3', { hasText: 'Finding resolved · any tier' }).count()).toBe(1);
    await rules.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect.poll(() => rules.locator('form.rule').count()).toBe(5);
    await expect.poll(() => rules.locator('form.rule h3', { hasText: 'Incident added · high or worse · any tier' }).count()).toBe(1);
  });

  it('lets an admin add a webhook (refused address beside its field; the secret shown once) and read the delivery log', async () => {
    await s.go('/admin/webhooks');
    const form = s.page.locator('vr-webhook-form');
    await form.getByLabel('Name').fill('SIEM');
    await form.getByLabel('URL').fill('http://169.254.169.254/latest/meta-data/');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => form.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').innerText()).toMatch(/link-local, metadata/);
    s.problems.length = 0; // the refused request was the point
    await form.getByLabel('URL').fill('https://siem.example.com/vendorscope');
    await form.getByLabel('Incident added').check();
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secret = s.page.locator('vr-webhooks-page .secret code').first();
    await expect.poll(() => secret.textContent()).toMatch(/^whsec_/);
    await expect.poll(() => s.page.locator('vr-webhook-list tbody tr').count()).toBe(1);
    record(vendor, 'critical');
    await s.page.reload();
    // The reload forgets the secret: it was shown once.
    await expect.poll(() => s.page.locator('vr-delivery-log tbody tr').count()).toBe(1);
    expect(await s.page.locator('vr-webhooks-page .secret').count()).toBe(0);
    expect(await s.page.locator('vr-delivery-log tbody tr').innerText()).toMatch(/webhook-1-change-\d+\s+SIEM/);
    await s.expectNoAxeViolations();
    await s.shoot('alerts-webhooks.png');
  });
});
