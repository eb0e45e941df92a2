/**
 * One browser-test file's setup: a real server on a fresh database (the demo portfolio, a first
 * admin) and headless Chromium, shared by the file's tests; for each test a page of its own (a fresh
 * browser context, signed in as the admin, its console watched); the test's own API session as the
 * admin; and the small helpers every file used to repeat (go to a path, screenshot into
 * test-results/, axe, focus inside shadow roots).
 *
 * The convention (checked by independence.test.ts): every test stands alone and runs by itself with
 * `vitest -t`. It opens the page it checks (`openAt`, or `s.go(...)` first thing), makes the changes
 * it needs (a vendor of its own where it writes, so that no other test reads what it wrote; a server
 * of its own, in a describe block with its own useSession, where it must change shared facts such as
 * the methodology in force), and leaves no page or variable for the next test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  apiSession,
  axeViolations,
  describeViolations,
  launchBrowser,
  PROJECT_ROOT,
  signInThroughPage,
  startServer,
  watchConsole,
  type ApiCall,
  type AxeViolation,
  type RunningServer,
  type ServerOptions,
} from './harness.ts';

export interface E2eSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Page errors and console errors/warnings so far (clear it with `problems.length = 0`). */
  readonly problems: string[];
  /** The test's own API calls, signed in as the admin (the browser has its own session). */
  readonly call: ApiCall;
  api<T>(path: string): Promise<T>;
  /** The app's URL of a path (http://localhost:PORT/…). */
  url(path: string): string;
  go(path: string): Promise<unknown>;
  /** Signs the browser in through the sign-in page the app shows, then forgets the 401s of GET /me that led there. */
  signIn(email?: string, password?: string): Promise<void>;
  shoot(file: string, fullPage?: boolean): Promise<void>;
  /** A screenshot of one element, into test-results/. */
  shootElement(l: Locator, file: string): Promise<void>;
  /** axe over the whole document; `keep` narrows the violations that count. */
  expectNoAxeViolations(keep?: (v: AxeViolation) => boolean): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly viewport?: { width: number; height: number };
  readonly context?: BrowserContextOptions;
  readonly server?: ServerOptions;
}

/** Whether the element is the focused one of its shadow root (document.activeElement stops at the first host). */
export const isFocused = (l: Locator) => l.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);

/** The element with focus, looking into shadow roots: its tag, id and text, for assertions. */
export const deepFocus = (page: Page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a?.localName ?? '', id: a?.id ?? '', text: (a?.textContent ?? '').trim() };
  });

/** Where a screenshot goes: test-results/FILE (the folder made if need be). */
function resultPath(file: string): string {
  mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
  return join(PROJECT_ROOT, 'test-results', file);
}

/** A screenshot of any page (the whole of it unless `fullPage` is false), into test-results/. */
export async function shootPage(page: Page, file: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: resultPath(file), fullPage });
}

/** axe over any page's whole document; `keep` narrows the violations that count. */
export async function expectNoAxeViolationsOn(page: Page, keep: (v: AxeViolation) => boolean = () => true): Promise<void> {
  const violations = (await axeViolations(page)).filter(keep);
  if (violations.length > 0) console.error(`axe violations on ${page.url()}:\n${describeViolations(violations)}`);
  expect(violations.map((v) => v.id)).toEqual([]);
}

/** The session's calls on one page: going places, signing in, screenshots and axe there. */
function onPage(server: RunningServer, browser: Browser, call: ApiCall, page: Page, problems: string[], close: () => Promise<void>): E2eSession {
  const url = (path: string) => `${server.appUrl}${path}`;
  return {
    server,
    browser,
    page,
    problems,
    call,
    api: async <T>(path: string) => (await call(path)).json() as Promise<T>,
    url,
    go: (path) => page.goto(url(path)),
    async signIn(email = ADMIN.email, password = ADMIN.password) {
      // Any page of the app shows the sign-in form to a stranger (remembering the page wanted); a blank tab goes there.
      if (page.url() === 'about:blank') await page.goto(url('/sign-in'));
      await signInThroughPage(page, email, password);
      // Asking GET /me before signing in is how the app learns nobody is signed in; Chromium logs that 401.
      const rest = problems.filter((p) => !/401.*\/api\/v1\/me\)$/.test(p));
      problems.splice(0, problems.length, ...rest);
    },
    shoot: (file, fullPage) => shootPage(page, file, fullPage),
    shootElement: async (l, file) => {
      await l.screenshot({ path: resultPath(file) });
    },
    expectNoAxeViolations: (keep) => expectNoAxeViolationsOn(page, keep),
    close,
  };
}

/** A page in a browser context of its own (cookies, storage, viewport), with the timeout every test file uses. */
async function newPage(browser: Browser, o: SessionOptions, storageState?: BrowserContextOptions['storageState']): Promise<Page> {
  const page = await (await browser.newContext({ viewport: o.viewport ?? { width: 1400, height: 900 }, ...o.context, storageState })).newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Everything a test file needs, with Chromium at `chromiumPath` (from chromiumForTests()). */
export async function openSession(chromiumPath: string, o: SessionOptions = {}): Promise<E2eSession> {
  const server = await startServer(o.server);
  const browser = await launchBrowser(chromiumPath);
  const page = await newPage(browser, o);
  const problems = watchConsole(page);
  const call = await apiSession(server.url, ADMIN.email, ADMIN.password);
  return onPage(server, browser, call, page, problems, async () => {
    await browser.close();
    await server.stop();
  });
}

export interface UseSessionOptions extends SessionOptions {
  /** Runs once the session is open (the returned object works by then), in beforeAll: fetch what the tests compare against, add the file's own data. */
  readonly start?: () => Promise<unknown>;
  /** Where each test's page opens (signed in as the admin), before the test runs; without it the page starts blank. */
  readonly openAt?: string;
  /** After each test, expect no page or console problems (a test that causes some on purpose clears them). */
  readonly quietConsole?: boolean;
}

/**
 * One server and one browser for the enclosing describe block (opened in beforeAll, closed in afterAll), and a fresh
 * page for each test: its own browser context, signed in as the admin (cookies from one sign-in through the sign-in page
 * in beforeAll), opened at `openAt` if given, closed after the test. So a test never sees another's page, scroll,
 * viewport, local storage or console, and runs alone (`vitest -t`). Data is shared (one database per file): a test that
 * writes adds its own records, or changes what no other test reads. A test that wants a stranger's browser calls
 * `s.page.context().clearCookies()`; one that signs out signs in on its own first (signing out ends the session the
 * other tests' pages share).
 *
 * The object returned stands for it: each property is read when used, so `s.page` in a test is that test's page and in
 * `start` a set-up page (reading one before beforeAll has run throws).
 */
export function useSession(chromiumPath: string, o: UseSessionOptions = {}): E2eSession {
  let file: E2eSession | undefined;
  let test: E2eSession | undefined;
  let signedIn: BrowserContextOptions['storageState'];
  beforeAll(async () => {
    file = await openSession(chromiumPath, o);
    await file.go('/sign-in');
    await file.signIn();
    signedIn = await file.page.context().storageState();
    await o.start?.();
    await file.page.context().close();
  }, 120_000);
  beforeEach(async () => {
    const page = await newPage(file!.browser, o, signedIn);
    test = onPage(file!.server, file!.browser, file!.call, page, watchConsole(page), () => page.context().close());
    if (o.openAt !== undefined) {
      await test.go(o.openAt);
      await page.locator('vr-user-menu button.toggle').waitFor();
    }
  });
  afterEach(async () => {
    const done = test;
    test = undefined;
    try {
      if (o.quietConsole) expect(done?.problems).toEqual([]);
    } finally {
      await done?.close();
    }
  });
  afterAll(async () => {
    await file?.close();
  });
  return new Proxy({} as E2eSession, {
    get(_, key) {
      const current = test ?? file;
      if (!current) throw new Error(`the e2e session is not open yet (reading ${String(key)})`);
      // The session's members are closures over its state (no `this`): handing them out unbound is safe.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      return key === 'close' ? file!.close : current[key as keyof E2eSession];
    },
  });
}
