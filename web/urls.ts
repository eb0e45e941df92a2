/**
 * Building and reading the app's URLs, PURE: shared by the shell, pages and components (and the
 * pure modules that name links), so none of them imports the shell's router (app/routes.ts) for it.
 */

/** `path?query`, leaving out empty values so URLs stay short. */
export function urlWith(path: string, query: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  return q.size > 0 ? `${path}?${q}` : path;
}

/** The token of a setup or response link's `#token=…` fragment, or '' when there is none. */
export const setupToken = (hash: string): string => new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
