/**
 * The layers of the server and of the web, as data: which files each layer holds and which layers
 * it may import. Everything else in the architecture test is read from these tables.
 *
 * Server (a staircase; each layer may import itself and the layers it lists):
 *   main      server/main.ts            → every layer below (the one place that wires, reads env, listens, exits)
 *   cli       server/cli/**             → deps, config, logger, services, db, scoring, domain
 *   app       server/app.ts, build-web  → http, deps, config, logger, domain
 *   http      server/http/**            → deps, logger, services, scoring (its vocabulary, types.ts only), domain
 *   deps      server/deps.ts            → config, logger, services, db, scoring, domain
 *   config    server/config.ts          → services (the webhook allow-list parser), domain
 *   services  server/services/**        → logger, db, scoring, domain
 *   logger    server/logger.ts          → (nothing)
 *   db        server/db/**              → scoring (types.ts, type-only), domain
 *   scoring   server/scoring/**         → domain                (pure: no packages either)
 *   domain    server/domain/**          → (nothing; zod only)
 *
 * Web (nothing imports upward):
 *   shell       web/main.ts, web/app/**   → pages, components, charts, controllers, pure
 *   pages       web/pages/**              → components, charts, controllers, pure
 *   components  web/components/**         → charts, controllers, pure
 *   charts      web/charts/**             → controllers, pure
 *   controllers web/controllers/**        → pure   (Lit reactive controllers: page logic that fetches, and
 *                                                    the width/row-window helpers the charts use; no elements)
 *   pure        web/*.ts, web/api/**, web/state/**, web/styles/**, web/respond/**  → (nothing above)
 *   build       web/build/**              → (nothing of the app: Vite plugins that run in Node at build time;
 *                                          no layer imports them, only vite.config.ts does)
 *
 * Web → server: `server/http/contract.ts` (type-only) and `server/domain/**` (type-only; a value
 * import only from a dependency-free domain module, see rules.ts). Nothing else of the server.
 */

export interface Layer {
  readonly name: string;
  /** `dir/**` (everything below dir), `dir/*.ts` (files directly in dir), or an exact file. First layer to match wins. */
  readonly paths: readonly string[];
  /** The other layers of the same side it may import (it may always import itself). */
  readonly imports: readonly string[];
}

export const SERVER_LAYERS: readonly Layer[] = [
  { name: 'main', paths: ['server/main.ts'], imports: ['cli', 'app', 'http', 'deps', 'config', 'services', 'logger', 'db', 'scoring', 'domain'] },
  { name: 'cli', paths: ['server/cli/**'], imports: ['deps', 'config', 'logger', 'services', 'db', 'scoring', 'domain'] },
  { name: 'app', paths: ['server/app.ts', 'server/build-web.ts'], imports: ['http', 'deps', 'config', 'logger', 'domain'] },
  { name: 'http', paths: ['server/http/**'], imports: ['deps', 'logger', 'services', 'scoring', 'domain'] },
  { name: 'deps', paths: ['server/deps.ts'], imports: ['config', 'logger', 'services', 'db', 'scoring', 'domain'] },
  { name: 'config', paths: ['server/config.ts'], imports: ['services', 'domain'] },
  { name: 'services', paths: ['server/services/**'], imports: ['logger', 'db', 'scoring', 'domain'] },
  { name: 'logger', paths: ['server/logger.ts'], imports: [] },
  { name: 'db', paths: ['server/db/**'], imports: ['scoring', 'domain'] },
  { name: 'scoring', paths: ['server/scoring/**'], imports: ['domain'] },
  { name: 'domain', paths: ['server/domain/**'], imports: [] },
];

export const WEB_LAYERS: readonly Layer[] = [
  { name: 'shell', paths: ['web/main.ts', 'web/app/**'], imports: ['pages', 'components', 'charts', 'controllers', 'pure'] },
  { name: 'pages', paths: ['web/pages/**'], imports: ['components', 'charts', 'controllers', 'pure'] },
  { name: 'components', paths: ['web/components/**'], imports: ['charts', 'controllers', 'pure'] },
  { name: 'charts', paths: ['web/charts/**'], imports: ['controllers', 'pure'] },
  { name: 'controllers', paths: ['web/controllers/**'], imports: ['pure'] },
  { name: 'pure', paths: ['web/*.ts', 'web/api/**', 'web/state/**', 'web/styles/**', 'web/respond/**'], imports: [] },
  { name: 'build', paths: ['web/build/**'], imports: [] },
];

/** An import a layer table forbids but the project keeps for now: each one says why, and when it goes. */
export interface Bend {
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

export const BENDS: readonly Bend[] = [];

/** The server files the web may import types from, besides the domain. */
export const WEB_CONTRACT = 'server/http/contract.ts';

/** The one package each of these server layers may use (and node built-ins for db). */
export const DOMAIN_PACKAGES = ['zod'];
export const DB_PACKAGES = ['better-sqlite3'];
/** The only scoring module db and http may name: the score's vocabulary (Band, VendorScore). */
export const SCORING_VOCABULARY = 'server/scoring/types.ts';

/** Does a project path belong to a layer pattern? */
export function matches(pattern: string, path: string): boolean {
  if (pattern.endsWith('/**')) return path.startsWith(pattern.slice(0, -2));
  if (pattern.endsWith('/*.ts')) {
    const dir = pattern.slice(0, -'*.ts'.length);
    return path.startsWith(dir) && !path.slice(dir.length).includes('/') && /\.(ts|mts|mjs|js)$/.test(path);
  }
  return path === pattern;
}

/** The layer of a path (the first whose patterns match), or undefined. */
export const layerOf = (layers: readonly Layer[], path: string): Layer | undefined => layers.find((l) => l.paths.some((p) => matches(p, path)));
