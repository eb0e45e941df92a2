/**
 * Accounts in a real browser: signing in and out through the pages, an admin adding an analyst
 * who then sees no admin links and is refused the admin pages, API tokens shown once and usable
 * as Bearer tokens, the audit log, and a vendor's change history. Its own server (a fresh
 * database with the demo portfolio and a first admin), opened at http://localhost:PORT.
 *
 * Each test stands alone (issue 18): the admin's page is the test's own (signed in), and a test
 * that needs another person creates that user over the API, with an address of its own, and signs
 * them in on a stranger's browser; no test ends a session another test uses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import { ADMIN, apiSession, chromiumForTests, signInThroughPage, signOutThroughMenu } from './harness.ts';
import { expectNoAxeViolationsOn, shootPage, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const ANALYST = { email: 'analyst@e2e.example', password: 'violet harbour compass 82' } as const;

describe.skipIf(!chromiumPath)('accounts in Chromium', () => {
  const s = useSession(chromiumPath!, { quietConsole: true });

  const strangers: Page[] = [];
  afterEach(async () => {
    for (const page of strangers.splice(0)) await page.context().close();
  });
  /** A fresh browser profile (no session), as another person's browser would be; closed after the test. */
  const stranger = async (): Promise<Page> => {
    const page = await (await s.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    strangers.push(page);
    return page;
  };
  const status = (page: Page, path: string, headers: Record<string, string> = {}) =>
    page.evaluate(async ([p, h]) => (await fetch(p, { headers: h })).status, [path, headers] as const);

  let users = 0;
  /** A user of `role` added over the API by the admin, with an address no other test uses. */
  const newUser = async (role: 'admin' | 'analyst' | 'viewer', name: string = role) => {
    const user = { email: `${name}-${++users}-${Date.now()}@e2e.example`, password: 'violet harbour compass 82' };
    const res = await s.call('/users', { method: 'POST', body: { ...user, role } });
    if (res.status !== 201) throw new Error(`adding ${user.email} failed: ${res.status} ${await res.text()}`);
    return user;
  };
  /** A stranger's browser signed in as `user` on the home page. */
  const signedInAs = async (user: { email: string; password: string }, path = '/'): Promise<Page> => {
    const page = await stranger();
    await page.goto(s.url(path));
    await signInThroughPage(page, user.email, user.password);
    return page;
  };
  /** The admin's page (the test's own), at `path`, the app shown. */
  const adminAt = async (path: string): Promise<Page> => {
    await s.go(path);
    await s.page.locator('vr-user-menu button.toggle').waitFor();
    return s.page;
  };

  describe('signing in and out', () => {
    it('shows an anonymous visitor the sign-in page, remembering the page wanted', async () => {
      const page = await stranger();
      await page.goto(s.url('/admin/users'));
      await page.waitForURL(s.url('/sign-in?next=%2Fadmin%2Fusers'));
      expect(await page.locator('vr-sign-in-page h1').textContent()).toBe('Sign in');
      const form = page.locator('vr-sign-in-page form');
      expect(await form.getByLabel('E-mail address').getAttribute('autocomplete')).toBe('username');
      expect(await form.getByLabel('Password').getAttribute('autocomplete')).toBe('current-password');
      expect(await page.getByRole('button', { name: 'Sign in with a passkey' }).isVisible()).toBe(true);
      // Nobody signed in: no header menu, no page content behind the form.
      expect(await page.locator('vr-user-menu').count()).toBe(0);
      await expectNoAxeViolationsOn(page);
      await shootPage(page, 'sign-in.png');
    });

    it('says so when the password is wrong, and keeps credentials out of the URL and storage', async () => {
      const page = await stranger();
      await page.goto(s.url('/sign-in'));
      const form = page.locator('vr-sign-in-page form');
      await form.getByLabel('E-mail address').fill(ADMIN.email);
      await form.getByLabel('Password').fill('not the password at all');
      await form.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('vr-sign-in-page [role="alert"]', { hasText: 'The e-mail address or the password is wrong.' }).waitFor();
      expect(page.url()).toBe(s.url('/sign-in'));
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      await expectNoAxeViolationsOn(page);
    });

    it('says how long to wait once sign-ins for an account are throttled', async () => {
      const page = await stranger();
      await page.goto(s.url('/sign-in'));
      const form = page.locator('vr-sign-in-page form');
      await form.getByLabel('E-mail address').fill('nobody@e2e.example');
      await form.getByLabel('Password').fill('guess guess guess');
      const alert = page.locator('vr-sign-in-page #failure');
      for (let n = 0; n < 6; n++) {
        await form.getByRole('button', { name: 'Sign in' }).click();
        await expect.poll(() => alert.textContent()).not.toBe('');
      }
      await expect.poll(() => alert.textContent()).toMatch(/^Too many failed sign-ins\. Try again in 15 minutes\.$/);
    });

    it('signs in, goes on to the page wanted, and signs out', async () => {
      const page = await stranger();
      await page.goto(s.url('/account'));
      await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
      await signInThroughPage(page, ADMIN.email, ADMIN.password);
      await page.waitForURL(s.url('/account'));
      await page.locator('vr-account-page h1', { hasText: 'Your account' }).waitFor();
      expect(await page.locator('vr-user-menu button.toggle').textContent()).toMatch(/admin@e2e\.example\s*Admin/);
      expect(await status(page, '/api/v1/me')).toBe(200);

      await signOutThroughMenu(page);
      await page.locator('vr-sign-in-page [role="status"]', { hasText: 'You are signed out.' }).waitFor();
      expect(await status(page, '/api/v1/me')).toBe(401);
      await page.goto(s.url('/'));
      await page.waitForURL(s.url('/sign-in'));
    });

    it('opens the user menu by keyboard, with Escape closing it', async () => {
      const admin = await adminAt('/');
      const toggle = admin.locator('vr-user-menu button.toggle');
      await toggle.focus();
      await admin.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const links = admin.locator('vr-user-menu nav a');
      expect(await links.allTextContents()).toEqual(['Account', 'Users', 'Audit log', 'Webhooks']);
      await admin.keyboard.press('Tab');
      expect(await links.first().evaluate((a) => (a.getRootNode() as ShadowRoot).activeElement === a)).toBe(true);
      await admin.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    });
  });

  describe('users and roles', () => {
    it('lets an admin add an analyst on the Users page, with the server’s password rule beside the field', async () => {
      const admin = await adminAt('/');
      await admin.locator('vr-user-menu button.toggle').click();
      await admin.locator('vr-user-menu nav a', { hasText: 'Users' }).click();
      await admin.waitForURL(s.url('/admin/users'));
      const form = admin.locator('vr-user-form form');
      await form.getByLabel('E-mail address').fill(ANALYST.email);
      await form.getByLabel('First password').fill('password');
      await form.getByLabel('Role').selectOption('analyst');
      await form.getByRole('button', { name: 'Add user' }).click();
      const fieldError = admin.locator('vr-user-form #user-password-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toContain('at least 12 characters');
      expect(await form.getByLabel('First password').getAttribute('aria-invalid')).toBe('true');
      // Chromium logs the refused POST /users (400) the test provoked.
      expect(s.problems).toEqual([expect.stringMatching(/^console\.error: Failed to load resource: .*400.*\/api\/v1\/users\)$/)]);
      s.problems.length = 0;

      await form.getByLabel('First password').fill(ANALYST.password);
      await form.getByRole('button', { name: 'Add user' }).click();
      await admin.locator('vr-user-form [role="status"]', { hasText: `${ANALYST.email} added as Analyst` }).waitFor();
      const row = admin.locator('vr-user-table tr', { hasText: ANALYST.email });
      await row.waitFor();
      expect(await row.locator('select').inputValue()).toBe('analyst');
      expect(await form.getByLabel('E-mail address').inputValue()).toBe('');
      await expectNoAxeViolationsOn(admin);
    });

    it('shows the analyst no admin links, and refuses them the admin pages by URL', async () => {
      const page = await signedInAs(await newUser('analyst'));
      await page.locator('vr-user-menu button.toggle').click();
      expect(await page.locator('vr-user-menu nav a').allTextContents()).toEqual(['Account']);
      expect(await page.locator('vr-user-menu .who').textContent()).toContain('Analyst: can edit');

      await page.goto(s.url('/admin/audit'));
      const refusal = page.locator('vr-audit-page vr-error');
      await refusal.locator('h2', { hasText: 'Admins only' }).waitFor();
      expect(await refusal.locator('[role="alert"]').textContent()).toContain('forbidden');
      await page.goto(s.url('/admin/users'));
      await page.locator('vr-users-page vr-error h2', { hasText: 'Admins only' }).waitFor();
      await expectNoAxeViolationsOn(page);
    });

    it('changes a role: the analyst becomes a viewer, and their session ends', async () => {
      const analyst = await newUser('analyst');
      const page = await signedInAs(analyst);

      const admin = await adminAt('/admin/users');
      const row = admin.locator('vr-user-table tr', { hasText: analyst.email });
      await row.locator('select').selectOption('viewer');
      await row.getByRole('button', { name: /^Save role/ }).click();
      await admin.locator('vr-users-page [role="status"]', { hasText: `${analyst.email} is now Viewer` }).waitFor();

      // The analyst's next call finds the session ended: the app asks them to sign in again.
      await page.locator('vr-user-menu button.toggle').click();
      await page.locator('vr-user-menu nav a', { hasText: 'Account' }).click();
      await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
      await page.locator('vr-sign-in-page [role="status"]', { hasText: 'Your session has ended' }).waitFor();
    });
  });

  describe('API tokens', () => {
    it('shows a new token once, copyable, and it works as a Bearer token until revoked', async () => {
      const admin = await adminAt('/account');
      const form = admin.locator('vr-token-form form');
      await form.getByLabel('Name', { exact: true }).fill('e2e export');
      await form.getByLabel('Role').selectOption('viewer');
      await form.getByLabel('Expires after (days)').fill('30');
      await form.getByRole('button', { name: 'Create token' }).click();

      const secret = admin.locator('vr-token-secret code.secret');
      await secret.waitFor();
      const token = (await secret.textContent())!.trim();
      expect(token).toMatch(/^vst_\S{20,}$/);
      expect(await admin.locator('vr-token-secret .box').textContent()).toContain('it will not be shown again');

      await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.server.appUrl });
      await admin.locator('vr-token-secret').getByRole('button', { name: 'Copy token' }).click();
      await admin.locator('vr-token-secret [role="status"]', { hasText: 'Copied' }).waitFor();
      expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(token);

      // From node, and from a page with no session at all: the token alone is enough.
      const me = await fetch(`${s.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ user: { email: ADMIN.email }, role: 'viewer', via: 'token' });
      const other = await stranger();
      await other.goto(s.url('/sign-in'));
      expect(await status(other, '/api/v1/portfolio/heatmap', { authorization: `Bearer ${token}` })).toBe(200);

      const row = admin.locator('vr-token-list tr', { hasText: 'e2e export' });
      await row.waitFor();
      expect(await row.textContent()).toContain('Viewer');
      await expectNoAxeViolationsOn(admin);
      await shootPage(admin, 'account.png');

      // Once stored, the secret is gone from the page, and a reload never brings it back.
      await admin.locator('vr-token-secret').getByRole('button', { name: /^Done/ }).click();
      expect(await admin.locator('vr-token-secret code').count()).toBe(0);
      await admin.reload();
      await row.waitFor();
      expect(await admin.locator('vr-account-page').evaluate((el) => el.shadowRoot!.innerHTML)).not.toContain(token);

      await row.getByRole('button', { name: /^Revoke/ }).click();
      await admin.locator('vr-account-page [role="status"]', { hasText: 'Token "e2e export" revoked.' }).waitFor();
      await expect.poll(() => row.textContent()).toContain('Revoked');
      expect((await fetch(`${s.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    });

    it('lists sessions with this browser marked, and ends another one', async () => {
      // A user of its own, so that ending a session ends none the other tests use: this browser and two node sessions.
      const user = await newUser('analyst', 'sessions');
      const page = await signedInAs(user, '/account');
      const one = await apiSession(s.server.url, user.email, user.password);
      const two = await apiSession(s.server.url, user.email, user.password);
      await page.reload();
      const rows = page.locator('vr-session-list tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(3);
      expect(await page.locator('vr-session-list tr[data-current]').count()).toBe(1);
      expect(await page.locator('vr-session-list tr[data-current]').textContent()).toMatch(/Chrome \d+ \(headless\) on Linux\s*This browser/);
      const nodeRow = page.locator('vr-session-list tbody tr', { hasText: 'node' }).last();
      await nodeRow.getByRole('button', { name: /^End/ }).click();
      await page.locator('vr-account-page [role="status"]', { hasText: /^Session of .* ended\.$/ }).waitFor();
      await expect.poll(() => rows.count()).toBe(2);
      // One of the two node sessions is ended, the other still works, and so does this browser.
      const answers = [(await one('/me')).status, (await two('/me')).status].sort();
      expect(answers).toEqual([200, 401]);
      expect(await status(page, '/api/v1/me')).toBe(200);
    });
  });

  describe('audit trail', () => {
    it('lists the sign-ins and the user creation, newest first, with before and after', async () => {
      // A sign-in of the admin's and a user created by the admin, the newest such creation.
      await apiSession(s.server.url, ADMIN.email, ADMIN.password);
      const analyst = await newUser('analyst');
      const admin = await adminAt('/');
      await admin.locator('vr-user-menu button.toggle').click();
      await admin.locator('vr-user-menu nav a', { hasText: 'Audit log' }).click();
      await admin.waitForURL(s.url('/admin/audit'));
      const rows = admin.locator('vr-audit-table tbody tr[data-audit-id]');
      await rows.first().waitFor();
      const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-audit-id'))));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const signIn = admin.locator('vr-audit-table tr[data-action="sign-in"]', { hasText: ADMIN.email }).first();
      expect(await signIn.textContent()).toContain('via session');
      const created = admin.locator('vr-audit-table tr[data-action="create"][data-entity="user"]', { hasText: ADMIN.email }).first();

      await created.getByRole('button', { name: /^Show/ }).click();
      const diff = admin.locator('vr-audit-table tr.diff vr-audit-diff');
      await diff.waitFor();
      expect(await diff.locator('tr[data-field="email"] td.after').textContent()).toBe(analyst.email);
      expect(await diff.locator('tr[data-field="role"] td.after').textContent()).toBe('analyst');
      expect(await created.getByRole('button', { name: /^Hide/ }).getAttribute('aria-expanded')).toBe('true');
      await expectNoAxeViolationsOn(admin);
      await shootPage(admin, 'audit.png');
    });

    it('filters by record type and actor, with the filters in the URL', async () => {
      // An analyst who has done something: signed in.
      const analyst = await newUser('analyst');
      await apiSession(s.server.url, analyst.email, analyst.password);
      const admin = await adminAt('/admin/audit');
      const filters = admin.locator('vr-audit-filters form');
      await filters.getByLabel('Record type').selectOption('user');
      await filters.getByRole('button', { name: 'Apply' }).click();
      await admin.waitForURL(/\/admin\/audit\?entity=user$/);
      const rows = admin.locator('vr-audit-table tbody tr[data-audit-id]');
      await expect.poll(async () => [...new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entity'))))]).toEqual(['user']);
      await filters.getByLabel(/^Who/).fill(analyst.email);
      await filters.getByLabel('Record type').selectOption('');
      await filters.getByRole('button', { name: 'Apply' }).click();
      await admin.waitForURL((url) => url.search === `?actor=${encodeURIComponent(analyst.email)}`);
      await expect
        .poll(async () => [...new Set(await rows.locator('td:nth-child(2)').allTextContents())].map((t) => t.split('via')[0]!.trim()))
        .toEqual([analyst.email]);
      await filters.getByRole('button', { name: 'Clear' }).click();
      await admin.waitForURL(s.url('/admin/audit'));
    });

    it("shows a vendor's change history: who, when, and the fields changed", async () => {
      const heatmap = await s.api<Heatmap>('/portfolio/heatmap');
      const vendor = heatmap.rows[0]!;
      const before = await s.api<{ tier: number }>(`/vendors/${vendor.vendorId}`);
      const tier = before.tier === 4 ? 3 : before.tier + 1;
      expect((await s.call(`/vendors/${vendor.vendorId}`, { method: 'PATCH', body: { tier } })).status).toBe(200);

      const admin = await adminAt(`/vendors/${vendor.vendorId}`);
      const history = admin.locator('vr-change-history');
      const update = history.locator('ol > li', { hasText: `Updated vendor #${vendor.vendorId}` }).first();
      await update.waitFor();
      expect(await update.textContent()).toContain(ADMIN.email);
      expect(await update.locator('ul.fields li').allTextContents()).toContain(`tier: ${before.tier} → ${tier}`);
      expect(await history.locator('h2').textContent()).toMatch(/^Change history \(\d+\)$/);
      await expectNoAxeViolationsOn(admin);
    });
  });

  describe('changing a password', () => {
    it('offers to revoke the API tokens too, by keyboard, and says how many sessions and tokens went', async () => {
      const pat = await newUser('analyst', 'pat');
      const next = 'quiet orchard ferry lamp 5';
      const elsewhere = await apiSession(s.server.url, pat.email, pat.password);
      const token = (
        (await (await elsewhere('/tokens', { method: 'POST', body: { name: 'nightly', role: 'viewer', expiresInDays: 30 } })).json()) as { token: string }
      ).token;
      const bearer = () => fetch(`${s.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
      expect(await bearer()).toBe(200);

      const page = await signedInAs(pat, '/account');
      await page.waitForURL(s.url('/account'));
      const form = page.locator('vr-password-form form');
      await form.getByLabel('Current password').fill(pat.password);
      await form.getByLabel('New password', { exact: true }).fill(next);
      await form.getByLabel('Confirm the new password').fill(next);
      const box = form.getByLabel('Also revoke all my API tokens');
      expect(await box.isChecked()).toBe(false);
      expect(await box.getAttribute('aria-describedby')).toBe('revoke-tokens-hint');
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
      await expectNoAxeViolationsOn(page);
      await form.getByRole('button', { name: 'Change password' }).click();

      await page
        .locator('vr-password-form [role="status"]', { hasText: 'Password changed. 1 other session was signed out. 1 API token was revoked.' })
        .waitFor();
      expect(await bearer()).toBe(401);
      expect((await elsewhere('/me')).status).toBe(401);
      await expect.poll(() => page.locator('vr-token-list tr', { hasText: 'nightly' }).textContent()).toContain('Revoked');
      // The form is emptied, the box unticked, and this browser stays signed in.
      expect(await box.isChecked()).toBe(false);
      expect(await status(page, '/api/v1/me')).toBe(200);
    });

    it("lets an admin reset another user's password, ending their sessions and revoking their tokens", async () => {
      const pat = await newUser('analyst', 'pat');
      const reset = 'silver tundra basket 28';
      // Two sessions of theirs: a browser and a node client with a token.
      await signedInAs(pat);
      const elsewhere = await apiSession(s.server.url, pat.email, pat.password);
      const token = (
        (await (await elsewhere('/tokens', { method: 'POST', body: { name: 'laptop', role: 'viewer', expiresInDays: 30 } })).json()) as { token: string }
      ).token;

      const admin = await adminAt('/admin/users');
      const form = admin.locator('vr-password-reset-form form');
      await form.getByLabel('User').selectOption({ label: pat.email });
      expect(await form.getByLabel('User').locator('option').allTextContents()).not.toContain(ADMIN.email);
      await form.getByLabel('New password for them').fill(reset);
      await form.getByRole('button', { name: 'Reset password' }).click();
      // Their browser's session and their node client's.
      await admin
        .locator('vr-password-reset-form [role="status"]', { hasText: `Password of ${pat.email} reset: 2 sessions ended, 1 API token revoked.` })
        .waitFor();
      expect(await form.getByLabel('New password for them').inputValue()).toBe('');
      await expectNoAxeViolationsOn(admin);

      expect((await fetch(`${s.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      expect((await elsewhere('/me')).status).toBe(401);
      expect((await (await apiSession(s.server.url, pat.email, reset))('/me')).status).toBe(200);
    });
  });
});
