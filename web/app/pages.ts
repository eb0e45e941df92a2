/**
 * Which element shows a route, and the code behind it. Kept apart from <vr-app> so the shell stays
 * about sessions and navigation. Each page's module is loaded when its route is first shown (its own
 * chunk of the build), so the first load carries the shell and one page rather than all of them; an
 * element rendered before its module arrives upgrades in place, keeping the properties already set.
 */
import { html } from 'lit';
import type { Route } from './routes.ts';
import '../components/vr-error.ts';

/** Each route's page module, by route name; imported on first use. */
const PAGE_MODULES: Readonly<Record<Exclude<Route['name'], 'not-found'>, () => Promise<unknown>>> = {
  changes: () => import('../pages/vr-changes-page.ts'),
  portfolio: () => import('../pages/vr-portfolio-page.ts'),
  vendor: () => import('../pages/vr-vendor-page.ts'),
  'vendor-print': () => import('../pages/vr-dossier-print-page.ts'),
  'questionnaire-review': () => import('../pages/vr-questionnaire-review-page.ts'),
  matrix: () => import('../pages/vr-matrix-page.ts'),
  trends: () => import('../pages/vr-trends-page.ts'),
  compare: () => import('../pages/vr-compare-page.ts'),
  graph: () => import('../pages/vr-graph-page.ts'),
  methodology: () => import('../pages/vr-methodology-page.ts'),
  report: () => import('../pages/vr-report-page.ts'),
  reviews: () => import('../pages/vr-reviews-page.ts'),
  data: () => import('../pages/vr-data-page.ts'),
  'sign-in': () => import('../pages/vr-sign-in-page.ts'),
  setup: () => import('../pages/vr-setup-page.ts'),
  respond: () => import('../pages/vr-respond-page.ts'),
  account: () => import('../pages/vr-account-page.ts'),
  'admin-users': () => import('../pages/vr-users-page.ts'),
  'admin-webhooks': () => import('../pages/vr-webhooks-page.ts'),
  'admin-audit': () => import('../pages/vr-audit-page.ts'),
};

const loading = new Map<Route['name'], Promise<unknown>>();

/**
 * Loads the code of a route's page (once; a failed load is tried again next time). Resolves when
 * its element is defined; rejects when the chunk could not be fetched (say, the server went away).
 */
export function loadPage(name: Route['name']): Promise<unknown> {
  if (name === 'not-found') return Promise.resolve();
  let p = loading.get(name);
  if (!p) {
    p = PAGE_MODULES[name]().catch((e: unknown) => {
      loading.delete(name);
      throw e;
    });
    loading.set(name, p);
  }
  return p;
}

export interface PageOptions {
  /** Why the sign-in page is shown, if the app knows. */
  readonly notice: string;
  /** Where a vendor's "back to portfolio" goes: the portfolio as last shown. */
  readonly backHref: string;
}

export function pageFor(r: Route, o: PageOptions) {
  switch (r.name) {
    case 'changes':
      return html`<vr-changes-page .query=${r.query}></vr-changes-page>`;
    case 'portfolio':
      return html`<vr-portfolio-page .query=${r.query}></vr-portfolio-page>`;
    case 'vendor':
      return html`<vr-vendor-page .vendorId=${r.vendorId} .query=${r.query} .backHref=${o.backHref}></vr-vendor-page>`;
    case 'vendor-print':
      return html`<vr-dossier-print-page .vendorId=${r.vendorId} .query=${r.query}></vr-dossier-print-page>`;
    case 'questionnaire-review':
      return html`<vr-questionnaire-review-page .vendorId=${r.vendorId} .requestId=${r.requestId}></vr-questionnaire-review-page>`;
    case 'matrix':
      return html`<vr-matrix-page .query=${r.query}></vr-matrix-page>`;
    case 'trends':
      return html`<vr-trends-page .query=${r.query}></vr-trends-page>`;
    case 'compare':
      return html`<vr-compare-page .query=${r.query}></vr-compare-page>`;
    case 'graph':
      return html`<vr-graph-page .query=${r.query}></vr-graph-page>`;
    case 'methodology':
      return html`<vr-methodology-page .query=${r.query}></vr-methodology-page>`;
    case 'report':
      return html`<vr-report-page .quarter=${r.quarter} .query=${r.query}></vr-report-page>`;
    case 'reviews':
      return html`<vr-reviews-page .query=${r.query}></vr-reviews-page>`;
    case 'data':
      return html`<vr-data-page></vr-data-page>`;
    case 'sign-in':
      return html`<vr-sign-in-page .notice=${o.notice}></vr-sign-in-page>`;
    case 'setup':
      return html`<vr-setup-page></vr-setup-page>`;
    case 'respond':
      return html`<vr-respond-page></vr-respond-page>`;
    case 'account':
      return html`<vr-account-page></vr-account-page>`;
    case 'admin-users':
      return html`<vr-users-page></vr-users-page>`;
    case 'admin-webhooks':
      return html`<vr-webhooks-page></vr-webhooks-page>`;
    case 'admin-audit':
      return html`<vr-audit-page .query=${r.query}></vr-audit-page>`;
    case 'not-found':
      return html`<vr-error heading="Page not found" .error=${new Error(`Nothing lives at ${r.path}.`)}>
        <a href="/">Go to What changed</a> · <a href="/portfolio">the portfolio</a>
      </vr-error>`;
  }
}
