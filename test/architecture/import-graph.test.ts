/** The import reader sees every form of import, and only real ones (not comments or strings). */
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { importsIn, isNodeBuiltin, resolveSpecifier } from './import-graph.ts';

const SOURCE = `
import a from './a.ts';
import type { B } from './b.ts';
import { type C, type D } from './c.ts';
import { type E, f } from './e.ts';
import './side.ts';
export { g } from './g.ts';
export type { H } from './h.ts';
export { type I } from './i.ts';
export * from './star.ts';
export * as ns from './ns.ts';
import j = require('./j.ts');
import type k = require('./k.ts');
const l = await import('./l.ts');
type M = import('./m.ts').M;
const n = require('./n.ts');
import * as o from 'node:fs';
import {} from './empty.ts';
import p, { type Q } from '../p.ts';
const r = import(name);
// import './commented.ts';
const s = "import './in-a-string.ts'";
`;

describe('importsIn', () => {
  it('reads every form, tells type-only from value imports, and resolves relative specifiers', () => {
    const found = importsIn(PROJECT_ROOT, 'web/pages/x.ts', SOURCE).map((i) => [i.line, i.to, i.kind, i.typeOnly]);
    expect(found).toEqual([
      [2, 'web/pages/a.ts', 'import', false],
      [3, 'web/pages/b.ts', 'import', true],
      [4, 'web/pages/c.ts', 'import', true], // every specifier a type: erased
      [5, 'web/pages/e.ts', 'import', false], // one value specifier keeps the import
      [6, 'web/pages/side.ts', 'side-effect', false],
      [7, 'web/pages/g.ts', 're-export', false],
      [8, 'web/pages/h.ts', 're-export', true],
      [9, 'web/pages/i.ts', 're-export', true],
      [10, 'web/pages/star.ts', 're-export', false],
      [11, 'web/pages/ns.ts', 're-export', false],
      [12, 'web/pages/j.ts', 'require', false],
      [13, 'web/pages/k.ts', 'require', true],
      [14, 'web/pages/l.ts', 'dynamic', false],
      [15, 'web/pages/m.ts', 'import-type', true],
      [16, 'web/pages/n.ts', 'require', false],
      [17, 'node:fs', 'import', false],
      [18, 'web/pages/empty.ts', 'import', false],
      [19, 'web/p.ts', 'import', false],
    ]);
  });

  it('resolves nodenext `.js` and extensionless specifiers to the TypeScript file that exists', () => {
    expect(resolveSpecifier(PROJECT_ROOT, 'web/pages/x.ts', '../app/routes.js')).toBe('web/app/routes.ts');
    expect(resolveSpecifier(PROJECT_ROOT, 'web/pages/x.ts', '../urls')).toBe('web/urls.ts');
    expect(resolveSpecifier(PROJECT_ROOT, 'web/pages/x.ts', '../../server/domain/vendor.ts')).toBe('server/domain/vendor.ts');
    expect(resolveSpecifier(PROJECT_ROOT, 'web/pages/x.ts', 'lit/decorators.js')).toBe('lit/decorators.js');
  });

  it('knows node built-ins with and without the node: prefix', () => {
    expect([isNodeBuiltin('node:fs'), isNodeBuiltin('fs/promises'), isNodeBuiltin('lit'), isNodeBuiltin('zod')]).toEqual([true, true, false, false]);
  });
});
