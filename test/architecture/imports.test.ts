/**
 * The layering DESIGN §7 asks for, checked on the source with the TypeScript compiler (every import
 * form: type-only, side-effect, dynamic, re-export). The layer graph lives in layers.ts:
 *
 * Server, a staircase (each layer imports itself and those it lists, never upward):
 *   main → cli → app → http → deps → config → services → logger → db → scoring → domain
 *   main      → cli, app, http, deps, config, services, logger, db, scoring, domain
 *   cli       → deps, config, logger, services, db, scoring, domain
 *   app       → http, deps, config, logger, domain
 *   http      → deps, logger, services, scoring (types.ts only), domain
 *   deps      → config, logger, services, db, scoring, domain
 *   config    → services (the webhook allow-list parser), domain
 *   services  → logger, db, scoring, domain
 *   db        → scoring (types.ts, type-only), domain
 *   scoring   → domain (pure: no package)
 *   domain    → zod only
 *
 * Web, nothing importing upward:
 *   shell (web/main.ts, web/app) → pages (web/pages) → components (web/components)
 *     → charts (web/charts) → controllers (web/controllers)
 *     → pure (web/*.ts, web/api, web/state, web/styles, web/respond)
 *   web → server: server/http/contract.ts (types), server/domain (types; values only from
 *   dependency-free modules: no zod, package or node: import, transitively).
 *
 * Bends (layers.ts BENDS): none (each would be an entry there with its reason). `npm run layers`
 * prints the graph with counts.
 */
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { BENDS, layerOf, SERVER_LAYERS, WEB_LAYERS, type Layer } from './layers.ts';
import { check, readProject, RULES, type RuleName } from './rules.ts';

const project = readProject(PROJECT_ROOT);
const found = check(project);

describe('import rules', () => {
  for (const rule of Object.keys(RULES) as RuleName[]) {
    it(rule, () => {
      expect(found[rule]).toEqual([]);
    });
  }
});

/** Layer names a table reaches from `start` by its allowed edges. */
function reachable(layers: readonly Layer[], start: string): Set<string> {
  const seen = new Set<string>();
  const walk = (name: string) => {
    for (const next of layers.find((l) => l.name === name)?.imports ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      walk(next);
    }
  };
  walk(start);
  return seen;
}

describe('the layer tables', () => {
  it.each([
    ['server', SERVER_LAYERS],
    ['web', WEB_LAYERS],
  ] as const)('the %s table names only its own layers and has no cycle (a layer never reaches itself)', (_side, layers) => {
    const names = layers.map((l) => l.name);
    for (const l of layers) {
      expect(l.imports.filter((n) => !names.includes(n))).toEqual([]);
      expect(reachable(layers, l.name).has(l.name)).toBe(false);
    }
  });

  it('every bend is still needed: its import exists, and the table alone would refuse it', () => {
    for (const b of BENDS) {
      const layers = b.from.startsWith('server/') ? SERVER_LAYERS : WEB_LAYERS;
      expect(project.imports.some((i) => i.from === b.from && i.to === b.to)).toBe(true);
      expect(layerOf(layers, b.from)?.imports).not.toContain(layerOf(layers, b.to)?.name);
    }
  });

  it('reads the forms a regular expression missed: the shell loads each page with a dynamic import', () => {
    const dynamic = project.imports.filter((i) => i.from === 'web/app/pages.ts' && i.kind === 'dynamic');
    expect(dynamic.map((i) => i.to)).toContain('web/pages/vr-portfolio-page.ts');
    expect(project.imports.filter((i) => i.kind === 'side-effect' && i.from === 'web/main.ts').map((i) => i.to)).toEqual(['web/app/vr-app.ts']);
  });
});
