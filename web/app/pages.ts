/** Which element shows a route. Kept apart from <vr-app> so the shell stays about sessions and navigation. */
import { html } from 'lit';
import type { Route } from './routes.ts';
import '../pages/vr-changes-page.ts';
import '../pages/vr-portfolio-page.ts';
import '../pages/vr-vendor-page.ts';
import '../pages/vr-dossier-print-page.ts';
import '../pages/vr-sign-in-page.ts';
import '../pages/vr-setup-page.ts';
import '../pages/vr-account-page.ts';
import '../pages/vr-users-page.ts';
import '../pages/vr-webhooks-page.ts';
import '../pages/vr-audit-page.ts';
import '../pages/vr-matrix-page.ts';
import '../pages/vr-trends-page.ts';
import '../pages/vr-compare-page.ts';
import '../pages/vr-graph-page.ts';
import '../pages/vr-methodology-page.ts';
import '../pages/vr-report-page.ts';
import '../pages/vr-reviews-page.ts';
import '../pages/vr-data-page.ts';
import '../pages/vr-respond-page.ts';
import '../pages/vr-questionnaire-review-page.ts';
import '../components/vr-error.ts';

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
