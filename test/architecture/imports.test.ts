/**
 * The layering DESIGN §7 asks for, checked on the source: http → services → (scoring, db);
 * scoring is pure; the web takes only types from the server, and values only from dependency-free
 * domain modules (server/domain/quarters.ts, labels.ts); side effects only in main.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3]!;
    const to = spec.startsWith('.') ? relative(PROJECT_ROOT, resolve(dirname(file), spec)) : spec;
    out.push({ from: relative(PROJECT_ROOT, file), to, typeOnly: Boolean(m[2]) });
  }
  return out;
}

const all = [...files(join(PROJECT_ROOT, 'server')), ...files(join(PROJECT_ROOT, 'web'))].flatMap(importsOf);
const under = (dir: string) => (i: Import) => i.from.startsWith(`${dir}/`);
/**
 * A server/domain module whose values the web may import: its own value imports (type-only ones
 * leave no code behind) are only other such modules, so the bundle never pulls zod or a package.
 */
function dependencyFree(module: string, seen = new Set<string>()): boolean {
  if (!module.startsWith('server/domain/')) return false;
  if (seen.has(module)) return true;
  seen.add(module);
  return all.filter((i) => i.from === module && !i.typeOnly).every((i) => dependencyFree(i.to, seen));
}
const violations = (list: Import[], allowed: (i: Import) => boolean) => list.filter((i) => !allowed(i)).map((i) => `${i.from} → ${i.to}`);

describe('import rules', () => {
  it('scoring is pure: it imports only scoring and domain modules', () => {
    expect(violations(all.filter(under('server/scoring')), (i) => /^server\/(scoring|domain)\//.test(i.to))).toEqual([]);
  });

  it('domain imports only domain modules and zod', () => {
    expect(violations(all.filter(under('server/domain')), (i) => i.to === 'zod' || i.to.startsWith('server/domain/'))).toEqual([]);
  });

  it('db imports only db, domain, node built-ins, better-sqlite3 and the score type', () => {
    const allowed = (i: Import) => /^(server\/(db|domain)\/|node:|better-sqlite3$)/.test(i.to) || (i.typeOnly && i.to === 'server/scoring/types.ts');
    expect(violations(all.filter(under('server/db')), allowed)).toEqual([]);
  });

  it('services never import http; nothing below http imports it', () => {
    const low = all.filter((i) => /^server\/(services|db|scoring|domain)\//.test(i.from));
    expect(violations(low, (i) => !i.to.startsWith('server/http/'))).toEqual([]);
  });

  it('http reaches storage only through services (scoring only for its vocabulary types)', () => {
    expect(
      violations(
        all.filter(under('server/http')),
        (i) => !i.to.startsWith('server/db/') && !(i.to.startsWith('server/scoring/') && i.to !== 'server/scoring/types.ts'),
      ),
    ).toEqual([]);
  });

  it('the web takes only types from the server (values only from dependency-free domain modules), and never node built-ins', () => {
    const web = all.filter(under('web'));
    expect(violations(web, (i) => (!i.to.startsWith('server/') || i.typeOnly || dependencyFree(i.to)) && !i.to.startsWith('node:'))).toEqual([]);
  });

  it('nothing imports main.ts, and only main.ts reads the environment, listens or exits', () => {
    expect(all.filter((i) => i.to === 'server/main.ts')).toEqual([]);
    const effects = files(join(PROJECT_ROOT, 'server'))
      .filter((f) => !f.endsWith('main.ts'))
      .filter((f) => /process\.(env|exit|argv)|\.listen\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(PROJECT_ROOT, f));
    expect(effects).toEqual([]);
  });
});
