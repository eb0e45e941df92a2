/**
 * The first-load budget of each page, PURE: from a Vite build manifest (`build.manifest: true`), the
 * gzip size of each file and which page module each route loads, what a cold visit to each route
 * downloads. The shell is the entry's static-import closure; a route adds its page module's static
 * closure (the page's own later `import()`s are not part of its first load). A page's "own" chunks are
 * those no other route and not the shell loads: what the page alone costs, beyond shared code.
 */

/** One entry of Vite's `.vite/manifest.json` (the fields this reads). */
export interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  /** Keys of the chunks this one imports statically. */
  readonly imports?: readonly string[];
  /** Keys of the chunks this one imports with `import()`. */
  readonly dynamicImports?: readonly string[];
}
export type Manifest = Readonly<Record<string, ManifestChunk>>;

export interface PageBudget {
  readonly route: string;
  /** Files only this route loads (not the shell's, not another route's). */
  readonly own: readonly string[];
  /** Files this route loads beyond the shell: what navigating to it fetches. */
  readonly beyondShell: readonly string[];
  readonly ownBytes: number;
  readonly beyondShellBytes: number;
  /** Shell + this route's files: a cold load of the route. */
  readonly firstLoadBytes: number;
}
export interface BundleBudget {
  readonly shell: readonly string[];
  readonly shellBytes: number;
  readonly pages: readonly PageBudget[];
}

/** Output files of `key` and of everything it imports statically, transitively (JavaScript only). */
export function staticClosure(manifest: Manifest, key: string): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (k: string): void => {
    if (seen.has(k)) return;
    seen.add(k);
    const chunk = manifest[k];
    if (!chunk) throw new Error(`the manifest has no chunk ${k}`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(key);
  return files;
}

/** The manifest key of the build's (single) entry. */
export function entryKey(manifest: Manifest): string {
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  return entries[0]!;
}

/**
 * Each route's budget. `routes` maps a route name to its page module's manifest key (its source
 * path relative to the Vite root, e.g. `pages/vr-portfolio-page.ts`); `size(file)` gives a file's gzip bytes.
 */
export function bundleBudget(manifest: Manifest, routes: Readonly<Record<string, string>>, size: (file: string) => number): BundleBudget {
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + size(f), 0);
  const shell = staticClosure(manifest, entryKey(manifest));
  const beyond = new Map<string, Set<string>>();
  for (const [route, key] of Object.entries(routes)) beyond.set(route, new Set([...staticClosure(manifest, key)].filter((f) => !shell.has(f))));
  const pages = [...beyond].map(([route, files]): PageBudget => {
    const own = [...files].filter((f) => ![...beyond].some(([other, o]) => other !== route && o.has(f)));
    return {
      route,
      own,
      beyondShell: [...files],
      ownBytes: sum(own),
      beyondShellBytes: sum(files),
      firstLoadBytes: sum(shell) + sum(files),
    };
  });
  return { shell: [...shell], shellBytes: sum(shell), pages };
}

/**
 * Route name → page module key, read from web/app/pages.ts's PAGE_MODULES (`name: () => import('../pages/x.ts')`).
 * Throws when a lazy import there does not read that way, so the bench never silently drops a page.
 */
export function pageModules(pagesSource: string): Record<string, string> {
  const routes: Record<string, string> = {};
  const imports = pagesSource.match(/import\(/g)?.length ?? 0;
  for (const m of pagesSource.matchAll(/^\s*'?([\w-]+)'?:\s*\(\)\s*=>\s*import\('\.\.\/([^']+)'\)/gm)) routes[m[1]!] = m[2]!;
  if (Object.keys(routes).length !== imports || imports === 0) throw new Error(`read ${Object.keys(routes).length} of ${imports} page imports in pages.ts`);
  return routes;
}
