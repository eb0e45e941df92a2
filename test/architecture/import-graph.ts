/**
 * The project's import graph, read with the TypeScript compiler (not a regular expression), so every
 * form counts: `import x from`, `import type`, `import { type x }`, side-effect `import './x'`,
 * dynamic `import('./x')`, `import('./x').T` in a type, `export … from` (and `export type … from`),
 * `import x = require()` and `require()`. Relative specifiers resolve to project paths
 * (`web/app/routes.ts`); anything else stays as written (`zod`, `lit/decorators.js`, `node:fs`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';

export type ImportKind = 'import' | 'side-effect' | 'dynamic' | 'import-type' | 're-export' | 'require';

export interface Import {
  /** The importing file, relative to the root (`web/pages/vr-vendor-page.ts`). */
  readonly from: string;
  /** The project path a relative specifier resolves to, or the specifier as written (a package, `node:`). */
  readonly to: string;
  /** The specifier as written (`../app/routes.ts`). */
  readonly spec: string;
  readonly kind: ImportKind;
  /** Erased at build time: `import type`, every specifier `type`, `export type … from`, `import('./x').T`. */
  readonly typeOnly: boolean;
  readonly line: number;
}

/** Every `.ts`/`.mts`/`.mjs`/`.js` file under `dirs` (relative to `root`), skipping builds and dependencies. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (name === 'dist' || name === 'node_modules') return [];
      if (statSync(p).isDirectory()) return walk(p);
      return /\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
    });
  return dirs
    .map((d) => join(root, d))
    .filter((d) => existsSync(d))
    .flatMap(walk)
    .map((p) => toPosix(relative(root, p)))
    .sort();
}

const toPosix = (p: string) => p.split('\\').join('/');

/** Where a specifier written in `from` points: a project path for a relative one, else the specifier. */
export function resolveSpecifier(root: string, from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  if (/\.(ts|mts|mjs)$/.test(base)) return base;
  // `./x.js` written for `./x.ts` (nodenext style), or no extension at all (bundler style).
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => existsSync(resolve(root, c)) && statSync(resolve(root, c)).isFile()) ?? base;
}

/** The imports of one file's text (`from` is its project path, used to resolve relative specifiers). */
export function importsIn(root: string, from: string, text: string): Import[] {
  const sf = ts.createSourceFile(from, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (spec: ts.Node | undefined, node: ts.Node, kind: ImportKind, typeOnly: boolean) => {
    if (!spec || !ts.isStringLiteralLike(spec)) return; // `import(name)` with a computed name: nothing to check
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.push({ from, to: resolveSpecifier(root, from, spec.text), spec: spec.text, kind, typeOnly, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (!clause) add(node.moduleSpecifier, node, 'side-effect', false);
      else add(node.moduleSpecifier, node, 'import', importClauseIsTypeOnly(clause));
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(node.moduleSpecifier, node, 're-export', exportIsTypeOnly(node));
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node, 'require', node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      // `typeof import('./x')` / `import('./x').T`: a type position, erased.
      if (ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, node, 'import-type', true);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], node, 'dynamic', false);
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
        add(node.arguments[0], node, 'require', false);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * `import type x`, `import type { a }`, or `import { type a, type b }` (every specifier a type, no
 * default or namespace binding). `import { type a, b }` and `import {} from` keep a value import.
 */
function importClauseIsTypeOnly(clause: ts.ImportClause): boolean {
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  if (!clause || ts.isNamespaceExport(clause)) return false; // `export * from`, `export * as ns from`
  return clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The imports of every source file under `dirs`. */
export function importGraph(root: string, dirs: readonly string[]): Import[] {
  return sourceFiles(root, dirs).flatMap((f) => importsIn(root, f, readFileSync(join(root, f), 'utf8')));
}

/** A Node built-in (`node:fs`, or the bare `fs`). */
export const isNodeBuiltin = (to: string): boolean => to.startsWith('node:') || builtinModules.includes(to.split('/')[0]!);

/** A project path (resolved from a relative specifier), as opposed to a package or built-in. */
export const isProjectPath = (to: string): boolean => /^(server|web|test|bench)\//.test(to);

/** `web/app/routes.ts:12` style position of an import, for messages. */
export const where = (i: Import): string => `${i.from}:${i.line}`;
