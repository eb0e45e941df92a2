/**
 * The browser-test harness: find Chromium, start the real server (one node process, a temp
 * database, a free port, a first admin), launch a headless browser, watch the console, run axe,
 * and sign in: through the sign-in page as a user would, or over HTTP for the test's own API calls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const isExecutable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Chromium to drive, or null. `VENDORSCOPE_NO_BROWSER=1` hides every browser (to test the
 * skip path); `CHROMIUM_PATH` names the only one to use, found or not; otherwise /usr/bin/chromium,
 * then `chromium` or `chromium-browser` on PATH.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = ['/usr/bin/chromium']): string | null {
  if (env.VENDORSCOPE_NO_BROWSER === '1') return null;
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const onPath = (env.PATH ?? '').split(delimiter).flatMap((dir) => (dir ? [join(dir, 'chromium'), join(dir, 'chromium-browser')] : []));
  return [...defaults, ...onPath].find(isExecutable) ?? null;
}

/**
 * The Chromium for this test file, or null. Without one the file's browser tests are skipped with
 * one loud line, except on CI (CI=true), where a missing browser is a failing test.
 */
export function chromiumForTests(): string | null {
  const path = findChromium();
  const onCi = process.env.CI === 'true';
  if (!path) {
    const line = `!!! BROWSER TESTS ${onCi ? 'FAILED' : 'SKIPPED'}: no Chromium found — run \`npm run setup:browser\` (Debian chromium) !!!`;
    if (onCi) console.error(line);
    else console.warn(line);
  }
  // Declared only when it must fail, so that an ordinary run reports no extra skipped test.
  if (!path && onCi) {
    describe('browser tests on CI', () => {
      it('find Chromium', () => {
        throw new Error('CI=true but no Chromium was found (looked at CHROMIUM_PATH, /usr/bin/chromium and PATH): run `npm run setup:browser`.');
      });
    });
  }
  return path;
}

/** The first admin of every e2e server (VENDORSCOPE_ADMIN_EMAIL / _PASSWORD). */
export const ADMIN = { email: 'admin@e2e.example', password: 'copper lantern quarry orbit 47' } as const;

export interface RunningServer {
  /** Where node reaches it: http://127.0.0.1:PORT. */
  readonly url: string;
  /** Where the browser opens it: http://localhost:PORT, a host name, as passkeys (WebAuthn) require. */
  readonly appUrl: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Extra environment, over the defaults (the first admin; REQUIRE_PASSKEY_FOR_ADMINS off). */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/** Starts `server/main.ts serve` on a fresh database in a temp dir; resolves once it listens. */
export function startServer({ env = {}, timeoutMs = 90_000 }: ServerOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vendorscope-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DB_PATH: join(dir, 'e2e.sqlite'),
      PORT: '0',
      HOST: '127.0.0.1',
      VENDORSCOPE_ADMIN_EMAIL: ADMIN.email,
      VENDORSCOPE_ADMIN_PASSWORD: ADMIN.password,
      REQUIRE_PASSKEY_FOR_ADMINS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = () =>
    new Promise<void>((done) => {
      const finish = () => (rmSync(dir, { recursive: true, force: true }), done());
      if (child.exitCode !== null || child.signalCode !== null) return finish();
      const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => (clearTimeout(hard), finish()));
      child.kill('SIGTERM');
    });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => void stop().then(() => fail(new Error(`server did not start in ${timeoutMs} ms:\n${out}`))), timeoutMs);
    const onExit = (code: number | null) => (
      clearTimeout(timer),
      rmSync(dir, { recursive: true, force: true }),
      fail(new Error(`server exited (${code}):\n${out}`))
    );
    child.once('exit', onExit);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Vendorscope \S+ listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        child.off('exit', onExit);
        ok({ url: m[1], appUrl: m[1].replace('//127.0.0.1:', '//localhost:'), output: () => out, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  });
}

/** Headless Chromium with a throwaway profile (Playwright makes one; never pass --user-data-dir). */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects page errors and console errors/warnings; the returned list fills as the page runs. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()} (${m.location().url})`);
  });
  return problems;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/**
 * Runs axe-core over the whole document (it enters open shadow roots) and returns its violations.
 * The app's CSP forbids inline scripts, so `addScriptTag({ content })` is refused; evaluating the
 * source through the DevTools protocol is not subject to the page's CSP, and keeps the CSP on for
 * everything else the test checks.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** A readable dump of violations for a failing assertion. */
export const describeViolations = (vs: readonly AxeViolation[]): string =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');

/** An API caller for the test itself: signs in over HTTP and sends the session cookie (and, for writes, our Origin). */
export type ApiCall = (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Response>;

export async function apiSession(url: string, email: string, password: string): Promise<ApiCall> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return (path, init = {}) =>
    fetch(`${url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, origin: url, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
}

/** Signs in through the sign-in page, as a user types it, and waits for the page the app goes on to. */
export async function signInThroughPage(page: Page, email: string, password: string): Promise<void> {
  const form = page.locator('vr-sign-in-page form');
  await form.waitFor();
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('vr-user-menu button.toggle').waitFor();
}

/** Signs out through the user menu, and waits for the sign-in page. */
export async function signOutThroughMenu(page: Page): Promise<void> {
  await page.locator('vr-user-menu button.toggle').click();
  await page.locator('vr-user-menu').getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in$/);
  await page.locator('vr-sign-in-page form').waitFor();
}
