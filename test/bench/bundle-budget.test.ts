/** The bench's first-load budget follows static imports from the entry and from each route's page, and no further. */
import { describe, expect, it } from 'vitest';
import { bundleBudget, pageModules, staticClosure, type Manifest } from './bundle-budget.ts';

// entry → shared-lit → dep; entry lazily loads two pages; both use charts (→ d3), only b uses big;
// a lazily loads its own dialog, which is not part of its first load.
const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_lit.js'], dynamicImports: ['pages/a.ts', 'pages/b.ts'], src: 'index.html' },
  '_lit.js': { file: 'assets/lit.js', imports: ['_dep.js'] },
  '_dep.js': { file: 'assets/dep.js' },
  '_style.css': { file: 'assets/index.css' },
  'pages/a.ts': { file: 'assets/a.js', isDynamicEntry: true, imports: ['_lit.js', '_charts.js', '_style.css'], dynamicImports: ['dialog.ts'] },
  'pages/b.ts': { file: 'assets/b.js', isDynamicEntry: true, imports: ['_charts.js', '_big.js'] },
  '_charts.js': { file: 'assets/charts.js', imports: ['_d3.js', '_lit.js'] },
  '_d3.js': { file: 'assets/d3.js' },
  '_big.js': { file: 'assets/big.js', imports: ['_d3.js'] },
  'dialog.ts': { file: 'assets/dialog.js', isDynamicEntry: true, imports: ['_big.js'] },
};
const sizes: Record<string, number> = {
  'assets/index.js': 1000,
  'assets/lit.js': 200,
  'assets/dep.js': 30,
  'assets/index.css': 5000,
  'assets/a.js': 100,
  'assets/b.js': 150,
  'assets/charts.js': 40,
  'assets/d3.js': 700,
  'assets/big.js': 9000,
  'assets/dialog.js': 60,
};
const size = (f: string) => sizes[f] ?? NaN;

describe('the bundle budget', () => {
  it('takes the static closure of a chunk, JavaScript only, visiting a shared import once', () => {
    expect([...staticClosure(manifest, 'pages/a.ts')].sort()).toEqual(['assets/a.js', 'assets/charts.js', 'assets/d3.js', 'assets/dep.js', 'assets/lit.js']);
    expect(() => staticClosure(manifest, 'nope.ts')).toThrow(/no chunk nope.ts/);
  });

  it('counts the shell, each page beyond it, what only that page loads, and the first load', () => {
    const b = bundleBudget(manifest, { a: 'pages/a.ts', b: 'pages/b.ts' }, size);
    expect([...b.shell].sort()).toEqual(['assets/dep.js', 'assets/index.js', 'assets/lit.js']);
    expect(b.shellBytes).toBe(1230);
    const [a, bb] = b.pages;
    // a: its own chunk; charts and d3 are shared with b; its lazy dialog (and big) are not in its first load.
    expect(a).toMatchObject({ route: 'a', own: ['assets/a.js'], ownBytes: 100, beyondShellBytes: 840, firstLoadBytes: 2070 });
    expect([...a!.beyondShell].sort()).toEqual(['assets/a.js', 'assets/charts.js', 'assets/d3.js']);
    // b: its chunk and big, which only it loads statically (a's dialog loads big later, not at first load).
    expect([...bb!.own].sort()).toEqual(['assets/b.js', 'assets/big.js']);
    expect(bb).toMatchObject({ ownBytes: 9150, beyondShellBytes: 9890, firstLoadBytes: 11120 });
  });

  it('refuses a manifest with other than one entry', () => {
    expect(() => bundleBudget({ 'a.ts': { file: 'a.js' } }, {}, size)).toThrow(/one entry/);
  });

  it('reads route → page module from pages.ts, and refuses a lazy import it cannot read', () => {
    const src = `const PAGE_MODULES = {\n  changes: () => import('../pages/vr-changes-page.ts'),\n  'vendor-print': () => import('../pages/vr-dossier-print-page.ts'),\n};`;
    expect(pageModules(src)).toEqual({ changes: 'pages/vr-changes-page.ts', 'vendor-print': 'pages/vr-dossier-print-page.ts' });
    expect(() => pageModules(`${src}\nconst x = () => import(somewhere);`)).toThrow(/read 2 of 3/);
  });
});
