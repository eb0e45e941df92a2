/**
 * `npm run bench` (second part): the first-load JavaScript of each page, gzip. Builds the web app
 * with the project's Vite config into a temporary directory (never over web/dist, which the browser
 * tests serve), with a manifest, and follows the imports (bundle-budget.ts): the shell is the entry's
 * static closure, a page's first load the shell plus its page module's static closure.
 * Goals (issue 18): the portfolio's first load at most 100 kB gzip, no page more than 60 kB of its own.
 * Prints figures; BENCH_BUNDLE_FILES=1 also lists every chunk (raw and gzip).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { bundleBudget, pageModules, type Manifest } from './bundle-budget.ts';

const FIRST_LOAD_GOAL = 100 * 1000;
const OWN_GOAL = 60 * 1000;
const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'vs-bench-bundle-'));
const kB = (n: number) => (n / 1000).toFixed(1);

try {
  await build({
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'web'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const raw = new Map<string, number>();
  const gzip = new Map<string, number>();
  for (const f of readdirSync(join(outDir, 'assets'))) {
    const bytes = readFileSync(join(outDir, 'assets', f));
    raw.set(`assets/${f}`, bytes.length);
    gzip.set(`assets/${f}`, gzipSync(bytes).length);
  }
  const size = (f: string) => gzip.get(f) ?? 0;
  const budget = bundleBudget(manifest, pageModules(readFileSync(join(root, 'web/app/pages.ts'), 'utf8')), size);

  if (process.env.BENCH_BUNDLE_FILES) {
    console.log('\nchunk | raw kB | gzip kB');
    for (const [f, n] of [...raw].sort((a, b) => a[1] - b[1])) console.log(`${f} | ${kB(n)} | ${kB(gzip.get(f) ?? 0)}`);
  }
  const js = [...raw.keys()].filter((f) => f.endsWith('.js'));
  console.log(
    `\nWeb bundle (kB = 1000 bytes, gzip): ${js.length} JS chunks, ${kB(js.reduce((n, f) => n + (raw.get(f) ?? 0), 0))} kB raw, ` +
      `${kB(js.reduce((n, f) => n + size(f), 0))} kB gzip in all; the shell (entry + its static imports, ${budget.shell.length} files) ${kB(budget.shellBytes)} kB`,
  );
  console.log('page | own gzip kB | beyond shell kB | first load kB | verdict');
  for (const p of [...budget.pages].sort((a, b) => b.firstLoadBytes - a.firstLoadBytes)) {
    const misses = [
      p.ownBytes > OWN_GOAL ? `own > ${kB(OWN_GOAL)} kB` : '',
      p.route === 'portfolio' && p.firstLoadBytes > FIRST_LOAD_GOAL ? `first load > ${kB(FIRST_LOAD_GOAL)} kB` : '',
    ].filter(Boolean);
    console.log(
      `${p.route} | ${kB(p.ownBytes)} | ${kB(p.beyondShellBytes)} | ${kB(p.firstLoadBytes)} | ${misses.length ? `NOT met (${misses.join(', ')})` : 'met'}`,
    );
  }
  const portfolio = budget.pages.find((p) => p.route === 'portfolio');
  if (portfolio)
    console.log(
      `Portfolio first-load JS: ${kB(portfolio.firstLoadBytes)} kB gzip (goal ≤ ${kB(FIRST_LOAD_GOAL)} kB: ${portfolio.firstLoadBytes <= FIRST_LOAD_GOAL ? 'met' : 'NOT met'})`,
    );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
