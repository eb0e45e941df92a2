/** The app's URLs, PURE: which page a location shows, and which link clicks the app handles itself. */
import { urlWith } from '../urls.ts';

export type Route =
  /** What changed: the landing page (`/`). */
  | { readonly name: 'changes'; readonly query: URLSearchParams }
  | { readonly name: 'portfolio'; readonly query: URLSearchParams }
  | { readonly name: 'matrix'; readonly query: URLSearchParams }
  | { readonly name: 'trends'; readonly query: URLSearchParams }
  | { readonly name: 'compare'; readonly query: URLSearchParams }
  | { readonly name: 'graph'; readonly query: URLSearchParams }
  | { readonly name: 'methodology'; readonly query: URLSearchParams }
  | { readonly name: 'vendor'; readonly vendorId: number; readonly query: URLSearchParams }
  /** `/vendors/3/print?asOf=…`: the vendor's dossier on paper. */
  | { readonly name: 'vendor-print'; readonly vendorId: number; readonly query: URLSearchParams }
  /** `/vendors/3/questionnaires/12/review`: an analyst reviews a submitted questionnaire. */
  | { readonly name: 'questionnaire-review'; readonly vendorId: number; readonly requestId: number }
  /** `/reports/2023-Q4?vs=2022-Q4`; `/reports` alone is the current quarter (quarter ''). */
  | { readonly name: 'report'; readonly quarter: string; readonly query: URLSearchParams }
  | { readonly name: 'reviews'; readonly query: URLSearchParams }
  | { readonly name: 'data' }
  | { readonly name: 'sign-in'; readonly next: string }
  | { readonly name: 'setup' }
  /** The vendor contact's response page (`/respond#token=…`): no account, no app navigation. */
  | { readonly name: 'respond' }
  | { readonly name: 'account' }
  | { readonly name: 'admin-users' }
  | { readonly name: 'admin-webhooks' }
  | { readonly name: 'admin-audit'; readonly query: URLSearchParams }
  | { readonly name: 'not-found'; readonly path: string };

const FIXED = {
  '/setup': 'setup',
  '/respond': 'respond',
  '/account': 'account',
  '/admin/users': 'admin-users',
  '/admin/webhooks': 'admin-webhooks',
  '/data': 'data',
} as const;
/** Views whose state (filters, picks, dates) lives in the query string. */
const VIEWS = {
  '/matrix': 'matrix',
  '/trends': 'trends',
  '/compare': 'compare',
  '/graph': 'graph',
  '/methodology': 'methodology',
  '/reviews': 'reviews',
} as const;

/** The main navigation, in reading order. */
export const MAIN_NAV: ReadonlyArray<{ readonly href: string; readonly label: string; readonly route: Route['name'] }> = [
  { href: '/', label: 'What changed', route: 'changes' },
  { href: '/portfolio', label: 'Portfolio', route: 'portfolio' },
  { href: '/matrix', label: 'Risk matrix', route: 'matrix' },
  { href: '/trends', label: 'Trends', route: 'trends' },
  { href: '/compare', label: 'Compare', route: 'compare' },
  { href: '/graph', label: 'Supply chain', route: 'graph' },
  { href: '/reports', label: 'Reports', route: 'report' },
  { href: '/reviews', label: 'Reviews', route: 'reviews' },
  { href: '/data', label: 'Data', route: 'data' },
  { href: '/methodology', label: 'Methodology', route: 'methodology' },
];

/** The page for a path and query string. */
export function matchRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'changes', query };
  if (path === '/portfolio') return { name: 'portfolio', query };
  const view = VIEWS[path as keyof typeof VIEWS];
  if (view) return { name: view, query };
  const vendor = /^\/vendors\/([1-9]\d{0,14})$/.exec(path);
  if (vendor?.[1]) return { name: 'vendor', vendorId: Number(vendor[1]), query };
  const print = /^\/vendors\/([1-9]\d{0,14})\/print$/.exec(path);
  if (print?.[1]) return { name: 'vendor-print', vendorId: Number(print[1]), query };
  const review = /^\/vendors\/([1-9]\d{0,14})\/questionnaires\/([1-9]\d{0,14})\/review$/.exec(path);
  if (review?.[1] && review[2]) return { name: 'questionnaire-review', vendorId: Number(review[1]), requestId: Number(review[2]) };
  const report = /^\/reports(?:\/(\d{4}-Q[1-4]))?$/.exec(path);
  if (report) return { name: 'report', quarter: report[1] ?? '', query };
  if (path === '/sign-in') return { name: 'sign-in', next: safeNext(query.get('next')) };
  if (path === '/admin/audit') return { name: 'admin-audit', query };
  if (path in FIXED) return { name: FIXED[path as keyof typeof FIXED] };
  return { name: 'not-found', path: pathname };
}

/** Pages anyone may see; every other page needs a signed-in user. */
export const isPublic = (r: Route): boolean => r.name === 'sign-in' || r.name === 'setup' || r.name === 'respond';

/** Pages for people outside the organisation (a vendor's contact): the app never asks who is signed in there, nor shows its navigation. */
export const isOutside = (r: Route): boolean => r.name === 'respond';

/**
 * Where to go after signing in: an in-app path (with its query) from `?next=`, or What changed (`/`).
 * Anything else (another origin, `//host`, a backslash trick, the API, the sign-in page itself)
 * falls back to `/`, so the parameter cannot send anyone elsewhere.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, 'http://app.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://app.invalid' || url.pathname.startsWith('/api/') || ['/sign-in', '/setup', '/respond'].includes(url.pathname)) return '/';
  return `${url.pathname}${url.search}`;
}

/** The sign-in page, remembering the page the user wanted (left out when it is the landing page, What changed). */
export function signInUrl(wanted: string): string {
  const next = safeNext(wanted);
  return urlWith('/sign-in', { next: next === '/' ? undefined : next });
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
  // Another page keeps the fragment: the page shows the part it names once drawn (/methodology#params-support).
  return `${url.pathname}${url.search}${url.hash}`;
}
