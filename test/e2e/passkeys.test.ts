/**
 * Passkeys in a real browser, with Chromium's virtual authenticator (DevTools WebAuthn domain):
 * real WebAuthn ceremonies against the real server's verifier, nothing mocked. A second server
 * requires passkeys for admins (REQUIRE_PASSKEY_FOR_ADMINS=true) and starts without users, so its
 * first admin comes through the setup page, as on a fresh install.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ADMIN,
  axeViolations,
  chromiumForTests,
  describeViolations,
  launchBrowser,
  signInThroughPage,
  signOutThroughMenu,
  startServer,
  watchConsole,
  type RunningServer,
} from './harness.ts';

const chromiumPath = chromiumForTests();
const SETUP_ADMIN = { email: 'first@e2e.example', password: 'amber thistle pylon 29' } as const;

/** A page in a fresh context, with a virtual platform authenticator that holds passkeys and verifies the user. */
async function pageWithAuthenticator(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return page;
}

const me = (page: Page) =>
  page.evaluate(async () => (await fetch('/api/v1/me')).json() as Promise<{ passkeyVerified: boolean; passkeyRequired: boolean; role: string }>);
const statusOf = (page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

async function addPasskey(page: Page, appUrl: string, name: string): Promise<void> {
  await page.goto(`${appUrl}/account`);
  const form = page.locator('vr-passkey-list form');
  await form.getByLabel('Name of the new passkey').fill(name);
  await form.getByRole('button', { name: 'Add a passkey' }).click();
  await page.locator('vr-passkey-list [role="status"]', { hasText: `Passkey "${name}" added.` }).waitFor();
  await page.locator('vr-passkey-list tbody tr', { hasText: name }).waitFor();
}

async function signInWithPasskey(page: Page): Promise<void> {
  await page.locator('vr-sign-in-page').getByRole('button', { name: 'Sign in with a passkey' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.locator('vr-user-menu button.toggle').waitFor();
}

describe.skipIf(!chromiumPath)('passkeys in Chromium', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath!);
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  describe('registering one and signing in with it', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer();
    }, 120_000);
    afterAll(() => server?.stop());

    it('registers a passkey on the account page, and signs in with it after signing out', async () => {
      const page = await pageWithAuthenticator(browser, contexts);
      const problems = watchConsole(page);
      await page.goto(`${server.appUrl}/`);
      await signInThroughPage(page, ADMIN.email, ADMIN.password);
      expect(await me(page)).toMatchObject({ passkeyVerified: false });

      await addPasskey(page, server.appUrl, 'Virtual authenticator');
      const axe = await axeViolations(page);
      expect(
        axe.map((v) => v.id),
        describeViolations(axe),
      ).toEqual([]);

      await signOutThroughMenu(page);
      await signInWithPasskey(page);
      expect(page.url()).toBe(`${server.appUrl}/`);
      expect(await me(page)).toMatchObject({ passkeyVerified: true, role: 'admin' });

      await page.goto(`${server.appUrl}/account`);
      await page.locator('vr-session-list tr[data-current]', { hasText: 'Passkey' }).waitFor();
      expect(await page.locator('vr-passkey-list tbody tr').first().locator('td').nth(1).textContent()).not.toBe('Never');
      // Nothing logged but the first visit's GET /me, which is how the app learns nobody is signed in.
      expect(problems).toEqual([expect.stringMatching(/^console\.error: Failed to load resource: .*401.*\/api\/v1\/me\)$/)]);
    });

    it('says so when a browser holds no passkey for this site', async () => {
      const page = await pageWithAuthenticator(browser, contexts);
      await page.goto(`${server.appUrl}/sign-in`);
      await page.locator('vr-sign-in-page').getByRole('button', { name: 'Sign in with a passkey' }).click();
      const alert = page.locator('vr-sign-in-page [role="alert"]').last();
      await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/closed or timed out|not registered here/);
    });

    it('explains that passkeys need a host name when the app is opened at an IP address', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/sign-in`);
      const note = page.locator('vr-sign-in-page #host');
      await note.waitFor();
      expect(await note.textContent()).toContain(`${server.appUrl}/sign-in`);
      await page.close();
    });
  });

  describe('with REQUIRE_PASSKEY_FOR_ADMINS=true', () => {
    let server: RunningServer;
    let setupUrl: string;
    beforeAll(async () => {
      server = await startServer({ env: { REQUIRE_PASSKEY_FOR_ADMINS: 'true', VENDORSCOPE_ADMIN_EMAIL: '', VENDORSCOPE_ADMIN_PASSWORD: '' } });
      // The link is logged just after the "listening on" line the harness waits for.
      const link = () => /(http:\/\/localhost:\d+\/setup#token=\S+)/.exec(server.output())?.[1];
      for (let n = 0; n < 100 && !link(); n++) await new Promise((r) => setTimeout(r, 50));
      setupUrl = link()!;
      expect(setupUrl).toBeTruthy();
    }, 120_000);
    afterAll(() => server?.stop());

    it('creates the first admin through the setup link, refusing a wrong token and a weak password', async () => {
      const page = await pageWithAuthenticator(browser, contexts);
      await page.goto(`${server.appUrl}/setup#token=not-the-token`);
      const form = page.locator('vr-setup-page form');
      const fill = async (password: string, confirm = password) => {
        await form.getByLabel('Your e-mail address').fill(SETUP_ADMIN.email);
        await form.getByLabel('Password', { exact: true }).fill(password);
        await form.getByLabel('Confirm the password').fill(confirm);
        await form.getByRole('button', { name: 'Create admin and sign in' }).click();
      };
      await fill(SETUP_ADMIN.password);
      await page.locator('vr-setup-page [role="alert"]', { hasText: 'This setup link is not valid' }).waitFor();

      await page.goto('about:blank');
      await page.goto(setupUrl);
      await fill(SETUP_ADMIN.password, 'something else entirely');
      expect(await page.locator('vr-setup-page #confirm-error').textContent()).toBe('does not match the password');
      await fill('short one');
      await page.locator('vr-setup-page #password-error', { hasText: 'at least 12 characters' }).waitFor();
      await fill('password1234');
      await page.locator('vr-setup-page #password-error', { hasText: 'is a commonly used password' }).waitFor();
      const axe = await axeViolations(page);
      expect(
        axe.map((v) => v.id),
        describeViolations(axe),
      ).toEqual([]);

      await fill(SETUP_ADMIN.password);
      await page.waitForURL(`${server.appUrl}/`);
      await page.locator('vr-changes-page h1', { hasText: 'What changed' }).waitFor();
      expect(await me(page)).toMatchObject({ role: 'analyst', passkeyRequired: true });
    });

    it('after a password sign-in: shows the passkey banner and refuses the admin pages', async () => {
      const page = await pageWithAuthenticator(browser, contexts);
      await page.goto(`${server.appUrl}/`);
      await signInThroughPage(page, SETUP_ADMIN.email, SETUP_ADMIN.password);
      const banner = page.locator('vr-passkey-banner');
      await banner.waitFor();
      expect(await banner.locator('[role="region"]').textContent()).toContain(
        'Admin actions need a passkey sign-in: register a passkey, then sign in with it.',
      );
      // Still an admin by account, so the links are there; the server refuses until the passkey sign-in.
      await page.goto(`${server.appUrl}/admin/users`);
      await page.locator('vr-users-page vr-error h2', { hasText: 'Sign in with a passkey first' }).waitFor();
      expect(await page.locator('vr-users-page vr-error [role="alert"]').textContent()).toContain('passkey-required');
      const axe = await axeViolations(page);
      expect(
        axe.map((v) => v.id),
        describeViolations(axe),
      ).toEqual([]);

      await addPasskey(page, server.appUrl, 'Admin passkey');
      await banner.getByRole('link', { name: 'Sign in with a passkey' }).click();
      await page.waitForURL(`${server.appUrl}/sign-in`);
      await signInWithPasskey(page);
      expect(await page.locator('vr-passkey-banner').count()).toBe(0);
      expect(await me(page)).toMatchObject({ role: 'admin', passkeyVerified: true, passkeyRequired: false });

      await page.goto(`${server.appUrl}/admin/users`);
      await page.locator('vr-user-table tr', { hasText: SETUP_ADMIN.email }).waitFor();
      expect(await statusOf(page, '/api/v1/users')).toBe(200);
    });
  });
});
