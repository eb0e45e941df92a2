/** The app's URLs, PURE: which page a location shows, and which link clicks the app handles itself. */

export type Route =
  | { readonly name: 'portfolio'; readonly query: URLSearchParams }
  | { readonly name: 'vendor'; readonly vendorId: number; readonly query: URLSearchParams }
  | { readonly name: 'not-found'; readonly path: string };

/** The page for a path and query string. */
export function matchRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/portfolio') return { name: 'portfolio', query };
  const vendor = /^\/vendors\/([1-9]\d{0,14})$/.exec(path);
  if (vendor?.[1]) return { name: 'vendor', vendorId: Number(vendor[1]), query };
  return { name: 'not-found', path: pathname };
}

export interface LinkClick {
  readonly href: string;
  readonly target: string;
  readonly download: boolean;
  readonly button: number;
  readonly modified: boolean;
}

/**
 * The in-app URL (path + query) a link click should navigate to without a page load, or null to
 * let the browser handle it: other origins, new tabs or windows, downloads, the API and its docs,
 * and a `#fragment` link to the page shown now (`current` is its path and query).
 */
export function inAppTarget(link: LinkClick, origin: string, current = ''): string | null {
  if (link.button !== 0 || link.modified || link.download) return null;
  if (link.target !== '' && link.target !== '_self') return null;
  let url: URL;
  try {
    url = new URL(link.href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.pathname.startsWith('/api/')) return null;
  // A pure fragment change on the same page is the browser's job (it scrolls).
  if (url.hash && `${url.pathname}${url.search}` === current) return null;
  return `${url.pathname}${url.search}`;
}

/** `path?query`, leaving out empty values so URLs stay short. */
export function urlWith(path: string, query: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  return q.size > 0 ? `${path}?${q}` : path;
}
