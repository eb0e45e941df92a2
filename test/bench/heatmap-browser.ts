/**
 * `npm run bench:browser`: how long the portfolio heatmap takes to show its first rows in a real
 * browser, for 5,000 vendors × 5 factors (plus likelihood, impact, risk, band and confidence).
 * Prints figures and exits; asserts nothing (timings belong in benchmarks, not in tests).
 *
 * The vendors are written straight into a fresh SQLite file with the project's own services (the
 * generator of `npm run bench`), then the real server starts on it and headless Chromium opens the
 * portfolio at http://localhost:PORT, signed in. The page marks `heatmap-rendered` when the grid
 * first renders with data and `heatmap-painted` in the task after the next frame; the heatmap
 * request's resource timing says when its response had fully arrived. Each run is a fresh page
 * load; the first load only warms up (the server's code, Chromium's cache of the scripts).
 * Then the cold load (issue 18): the portfolio opened BENCH_COLD_RUNS times (default 5), each in a new
 * browser context, so nothing is cached: navigation start → the first heatmap rows painted, and the
 * JavaScript that first visit fetched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeDeps } from '../../server/deps.ts';
import { openDb } from '../../server/db/open.ts';
import { migrate } from '../../server/db/migrate.ts';
import { MIGRATIONS } from '../helpers/db.ts';
import { testOptions } from '../helpers/app.ts';
import { seedSyntheticPortfolio } from './synthetic-portfolio.ts';
import { ADMIN, findChromium, launchBrowser, startServer } from '../e2e/harness.ts';

const VENDORS = Number(process.env.BENCH_VENDORS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Cold loads of the portfolio, each in a new browser context (empty cache, no service worker, no memory of the app). */
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const TARGET_MS = 300;
/** Pixels the grid scrolls per frame in the scrolling figure: a fast fling, past the overscan every frame. */
const SCROLL_STEP = Number(process.env.BENCH_SCROLL_STEP ?? 600);

/** A fresh database file holding the benchmarks' large portfolio. */
function seed(dbPath: string): void {
  const db = openDb(dbPath);
  migrate(db, MIGRATIONS);
  seedSyntheticPortfolio(makeDeps(db, testOptions({ version: 'bench' })).store, VENDORS);
  db.close();
}

interface Load {
  /** Navigation start → first rows painted. */
  readonly fromNavigation: number;
  /** Heatmap response fully arrived → first rows rendered, and painted. */
  readonly rendered: number;
  readonly painted: number;
  /** Heatmap request sent → response fully arrived (the server scoring 5,000 vendors, and the transfer). */
  readonly request: number;
  readonly kib: number;
  readonly rows: number;
  readonly rowCount: string | null;
  readonly factors: number;
}

async function load(page: Page, url: string): Promise<Load> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('heatmap-painted').length > 0, undefined, { timeout: 120_000 });
  // Strings, not functions: tsx would wrap named helpers inside a function in a `__name` the page lacks.
  const t = await page.evaluate<{ painted: number; rendered: number; requestStart: number; responseEnd: number; bytes: number }>(`(() => {
    const res = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/v1/portfolio/heatmap'));
    return {
      painted: performance.getEntriesByName('heatmap-painted')[0].startTime,
      rendered: performance.getEntriesByName('heatmap-rendered')[0].startTime,
      requestStart: res.startTime,
      responseEnd: res.responseEnd,
      bytes: res.decodedBodySize,
    };
  })()`);
  const grid = page.locator('vr-heatmap table');
  return {
    fromNavigation: t.painted,
    rendered: t.rendered - t.responseEnd,
    painted: t.painted - t.responseEnd,
    request: t.responseEnd - t.requestStart,
    kib: t.bytes / 1024,
    rows: await page.locator('vr-heatmap tbody tr[data-vendor-id]').count(),
    rowCount: await grid.getAttribute('aria-rowcount'),
    factors: await page.locator('vr-heatmap tbody tr[data-vendor-id]').first().locator('td.heat').count(),
  };
}

interface ColdLoad {
  /** Navigation start → the first heatmap rows painted. */
  readonly firstRows: number;
  /** Navigation start → the last script of the first load arrived. */
  readonly scriptsDone: number;
  readonly scripts: number;
  /** Bytes of JavaScript over the wire (compressed, if the server compresses), and decoded. */
  readonly jsTransferred: number;
  readonly jsDecoded: number;
}

/** The portfolio opened in a fresh context, signed in by cookie, nothing cached: the first visit's figures. */
async function coldLoad(browser: Browser, cookie: { name: string; value: string; url: string }, url: string): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('heatmap-painted').length > 0, undefined, { timeout: 120_000 });
    await page.locator('vr-heatmap tbody tr[data-vendor-id]').first().waitFor({ state: 'visible' });
    return await page.evaluate<ColdLoad>(`(() => {
      const js = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js'));
      return {
        firstRows: performance.getEntriesByName('heatmap-painted')[0].startTime,
        scriptsDone: Math.max(0, ...js.map((e) => e.responseEnd)),
        scripts: js.length,
        jsTransferred: js.reduce((n, e) => n + e.transferSize, 0),
        jsDecoded: js.reduce((n, e) => n + e.decodedBodySize, 0),
      };
    })()`);
  } finally {
    await context.close();
  }
}

/** The heatmap element, several shadow roots down (as page script). */
const GRID = `document.querySelector('vr-app').shadowRoot.querySelector('vr-portfolio-page').shadowRoot.querySelector('vr-heatmap')`;

/** Milliseconds from a sort click to the re-sorted rows on screen (the grid has rendered the new sort, and a frame has passed). */
function timeSort(page: Page, key: string): Promise<number> {
  return page.evaluate(`(async () => {
    const grid = ${GRID};
    const before = grid.sort;
    const t0 = performance.now();
    grid.shadowRoot.querySelector('button[data-sort="${key}"]').click();
    while (grid.sort === before) await new Promise((r) => requestAnimationFrame(r));
    await grid.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return performance.now() - t0;
  })()`);
}

/** Frame intervals while the grid's box scrolls through the portfolio, SCROLL_STEP px a frame. */
function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(`(async () => {
    const box = ${GRID}.shadowRoot.querySelector('.scroller');
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      box.scrollTop += ${SCROLL_STEP};
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return frames;
  })()`);
}

const stats = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s.at(-1)! };
};
const fmt = (xs: readonly number[]) => {
  const s = stats(xs);
  return `median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})`;
};

const chromium = findChromium();
if (!chromium) {
  console.error('bench:browser needs Chromium: run `npm run setup:browser` (Debian chromium).');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'vendorscope-bench-'));
const dbPath = join(dir, 'bench.sqlite');
let t0 = performance.now();
seed(dbPath);
console.log(`seeded ${VENDORS} vendors in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const server = await startServer({ env: { DB_PATH: dbPath, VENDORSCOPE_DEMO: 'off' } });
const browser = await launchBrowser(chromium);
try {
  // Signed in over HTTP; the session cookie is handed to the browser for the app's own origin.
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(ADMIN),
  });
  const [name, value] = res.headers.get('set-cookie')!.split(';')[0]!.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addCookies([{ name, value, url: server.appUrl }]);

  const portfolio = `${server.appUrl}/portfolio`;
  t0 = performance.now();
  console.log(`server up at ${server.appUrl}; loading the portfolio ${RUNS + 1} times…`);
  const warm = await context.newPage();
  await load(warm, portfolio);
  await warm.close();
  const loads: Load[] = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await context.newPage();
    loads.push(await load(page, portfolio));
    await page.close();
  }
  const page = await context.newPage();
  await load(page, portfolio);
  const sorts: number[] = [];
  for (const key of ['name', 'risk', 'mfa', 'name', 'risk', 'mfa']) sorts.push(await timeSort(page, key));
  const frames = await scrollFrames(page);
  await page.close();
  const colds: ColdLoad[] = [];
  for (let r = 0; r < COLD_RUNS; r++) colds.push(await coldLoad(browser, { name, value, url: server.appUrl }, portfolio));

  const l = loads.at(-1)!;
  const factors = l.factors;
  const painted = stats(loads.map((x) => x.painted));
  console.log(`\nheatmap first render in Chromium, ${VENDORS} × ${factors} factors (+ likelihood, impact, risk, band, confidence), ${RUNS} page loads`);
  console.log(
    `  GET /portfolio/heatmap: ${fmt(loads.map((x) => x.request))}, ${l.kib.toFixed(0)} KiB; grid of ${l.rowCount} rows, ${l.rows} rendered (windowed)`,
  );
  console.log(
    `  heatmap first render, ${VENDORS} × ${factors}: ${fmt(loads.map((x) => x.painted))} from the response arriving to the first rows painted (target: under ${TARGET_MS} ms)`,
  );
  console.log(`    (${fmt(loads.map((x) => x.rendered))} to the first render with data, before paint)`);
  console.log(
    `  from navigation start to the first rows painted: ${fmt(loads.map((x) => x.fromNavigation))} (includes the app's start, GET /me and the server's scoring)`,
  );
  console.log(`  re-sort ${VENDORS} rows (click to re-sorted rows on screen): ${fmt(sorts)}`);
  console.log(`  scrolling the whole grid, ${SCROLL_STEP} px a frame: ${fmt(frames)} per frame`);
  const c = colds.at(-1)!;
  console.log(`\nthe portfolio on a cold load (${COLD_RUNS} new browser contexts, empty cache, ${VENDORS} vendors)`);
  console.log(`  navigation start to the first heatmap rows painted: ${fmt(colds.map((x) => x.firstRows))}`);
  console.log(
    `  its JavaScript: ${c.scripts} files, ${(c.jsTransferred / 1000).toFixed(1)} kB over the wire (${(c.jsDecoded / 1000).toFixed(1)} kB decoded), all arrived ${fmt(colds.map((x) => x.scriptsDone))} after navigation start`,
  );
  console.log(painted.median < TARGET_MS ? `  OK: under the ${TARGET_MS} ms target` : `  SLOW: over the ${TARGET_MS} ms target`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
