/**
 * The architecture rules, run over an import graph (the project's, or a fixture's made-up files).
 * Each rule returns its violations as `from:line → to` strings, empty when the rule holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { importGraph, isNodeBuiltin, isProjectPath, sourceFiles, type Import } from './import-graph.ts';
import { BENDS, DB_PACKAGES, DOMAIN_PACKAGES, layerOf, SCORING_VOCABULARY, SERVER_LAYERS, WEB_CONTRACT, WEB_LAYERS, type Layer } from './layers.ts';

export interface Project {
  readonly root: string;
  readonly files: readonly string[];
  readonly imports: readonly Import[];
}

export function readProject(root: string): Project {
  const dirs = ['server', 'web'];
  return { root, files: sourceFiles(root, dirs), imports: importGraph(root, dirs) };
}

const show = (i: Import) => `${i.from}:${i.line} → ${i.to}${i.typeOnly ? ' (type)' : ''}`;
const under = (dir: string) => (path: string) => path.startsWith(`${dir}/`);
const isPackage = (to: string) => !isProjectPath(to) && !isNodeBuiltin(to) && !to.startsWith('.');
const packageName = (to: string) => (to.startsWith('@') ? to.split('/').slice(0, 2).join('/') : to.split('/')[0]!);
const bent = (i: Import) => BENDS.some((b) => b.from === i.from && b.to === i.to);

/** Imports from one side's layer to another that the table does not list. */
function layerViolations(p: Project, side: 'server' | 'web', layers: readonly Layer[]): string[] {
  return p.imports
    .filter((i) => under(side)(i.from) && under(side)(i.to) && !bent(i))
    .filter((i) => {
      const from = layerOf(layers, i.from);
      const to = layerOf(layers, i.to);
      return !from || !to || (from !== to && !from.imports.includes(to.name));
    })
    .map((i) => `${show(i)} (${layerOf(layers, i.from)?.name ?? '?'} → ${layerOf(layers, i.to)?.name ?? '?'})`);
}

/**
 * Domain modules the web may import values from: those whose value imports (type-only ones are
 * erased from the bundle) are all other such modules. No zod, no package, no node built-in,
 * checked transitively, so the web bundle never pulls zod through a domain module.
 */
export function dependencyFreeDomain(p: Project): Set<string> {
  const domain = p.files.filter(under('server/domain'));
  const valueImports = (f: string) => p.imports.filter((i) => i.from === f && !i.typeOnly).map((i) => i.to);
  const free = new Set(domain);
  // Strike any module with a value import outside the set, until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const f of [...free]) {
      if (valueImports(f).every((t) => free.has(t))) continue;
      free.delete(f);
      changed = true;
    }
  }
  return free;
}

/** Files that read the environment or the command line, exit, or listen (by their syntax, not their text). */
function sideEffects(root: string, file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'process' && ['env', 'exit', 'argv'].includes(n.name.text)) {
      found.push(`process.${n.name.text}`);
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'listen') found.push('.listen()');
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return [...new Set(found)].map((what) => `${file}: ${what}`);
}

export const RULES = {
  'server layers: every import follows the staircase table (layers.ts), nothing imports upward': (p: Project) => layerViolations(p, 'server', SERVER_LAYERS),

  'scoring is pure: it imports only scoring and domain modules, no package': (p: Project) =>
    p.imports.filter((i) => under('server/scoring')(i.from) && !/^server\/(scoring|domain)\//.test(i.to)).map(show),

  'domain imports only domain modules and zod': (p: Project) =>
    p.imports.filter((i) => under('server/domain')(i.from) && !under('server/domain')(i.to) && !DOMAIN_PACKAGES.includes(i.to)).map(show),

  'db imports only db, domain, node built-ins, better-sqlite3 and the score vocabulary (type-only)': (p: Project) =>
    p.imports
      .filter((i) => under('server/db')(i.from))
      .filter((i) => !(/^server\/(db|domain)\//.test(i.to) || isNodeBuiltin(i.to) || DB_PACKAGES.includes(i.to) || (i.typeOnly && i.to === SCORING_VOCABULARY)))
      .map(show),

  'services never import http; nothing below http imports it': (p: Project) =>
    p.imports.filter((i) => /^server\/(services|db|scoring|domain)\//.test(i.from) && under('server/http')(i.to)).map(show),

  'http reaches storage only through services (scoring only for its vocabulary)': (p: Project) =>
    p.imports
      .filter((i) => under('server/http')(i.from) && (under('server/db')(i.to) || (under('server/scoring')(i.to) && i.to !== SCORING_VOCABULARY)))
      .map(show),

  'nothing imports main.ts, and only main.ts reads the environment, listens or exits': (p: Project) => [
    ...p.imports.filter((i) => i.to === 'server/main.ts').map(show),
    ...p.files.filter((f) => under('server')(f) && f !== 'server/main.ts').flatMap((f) => sideEffects(p.root, f)),
  ],

  'the server never imports the web or the tests': (p: Project) =>
    p.imports.filter((i) => under('server')(i.from) && /^(web|test|bench)\//.test(i.to)).map(show),

  'web layers: shell → pages → components → charts → controllers → pure, nothing imports upward': (p: Project) => layerViolations(p, 'web', WEB_LAYERS),

  'web → server only through the contract (types) and the domain (types; values from dependency-free modules)': (p: Project) => {
    const free = dependencyFreeDomain(p);
    return p.imports
      .filter((i) => under('web')(i.from) && under('server')(i.to))
      .filter((i) => !((i.to === WEB_CONTRACT || under('server/domain')(i.to)) && i.typeOnly) && !free.has(i.to))
      .map(show);
  },

  'the web never imports node built-ins': (p: Project) =>
    p.imports.filter((i) => under('web')(i.from) && !under('web/build')(i.from) && isNodeBuiltin(i.to)).map(show),

  'every source file belongs to a layer': (p: Project) =>
    p.files.filter((f) => !layerOf(under('server')(f) ? SERVER_LAYERS : WEB_LAYERS, f)).map((f) => `${f}: no layer in layers.ts`),

  'every relative import resolves to a file': (p: Project) => p.imports.filter((i) => i.spec.startsWith('.') && !p.files.includes(i.to)).map(show),
} satisfies Record<string, (p: Project) => string[]>;

export type RuleName = keyof typeof RULES;

/** Every rule's violations. */
export function check(p: Project): Record<RuleName, string[]> {
  return Object.fromEntries(Object.entries(RULES).map(([name, rule]) => [name, rule(p)])) as Record<RuleName, string[]>;
}

/** The packages each side uses (for the graph printout). */
export const packagesOf = (imports: readonly Import[]) => [...new Set(imports.filter((i) => isPackage(i.to)).map((i) => packageName(i.to)))].sort();

export interface EdgeCount {
  readonly from: string;
  readonly to: string;
  value: number;
  type: number;
}

/**
 * Imports counted per pair of layers (`http → services`), value and type-only apart, for the layer
 * graph printout. `to` sides: a layer of either table, so web → server edges show too.
 */
export function layerEdges(imports: readonly Import[], fromLayers: readonly Layer[], toLayers: readonly Layer[]): EdgeCount[] {
  const edges = new Map<string, EdgeCount>();
  for (const i of imports) {
    const from = layerOf(fromLayers, i.from)?.name;
    const to = layerOf(toLayers, i.to)?.name;
    if (!from || !to) continue;
    const key = `${from} → ${to}`;
    const e = edges.get(key) ?? { from, to, value: 0, type: 0 };
    if (i.typeOnly) e.type++;
    else e.value++;
    edges.set(key, e);
  }
  const rank = (layers: readonly Layer[], name: string) => layers.findIndex((l) => l.name === name);
  return [...edges.values()].sort((a, b) => rank(fromLayers, a.from) - rank(fromLayers, b.from) || rank(toLayers, a.to) - rank(toLayers, b.to));
}
