/**
 * The root element: the header and footer, a tiny History-API router, and the API client that
 * every page gets through context. Pages ask for navigation with a NavigationRequested event;
 * same-origin link clicks are caught here too, so plain <a href> works everywhere.
 */
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { inAppTarget, matchRoute, type Route } from './routes.ts';
import { controls } from '../styles/shared.ts';
import { appStyles } from './vr-app.styles.ts';
import type { NavigationRequested } from '../events.ts';
import '../pages/vr-portfolio-page.ts';
import '../pages/vr-vendor-page.ts';
import '../components/vr-error.ts';

const here = (): Route => matchRoute(location.pathname, location.search);

@customElement('vr-app')
export class App extends LitElement {
  static override styles = [controls, appStyles];

  @provide({ context: apiContext }) api = new ApiClient();
  @state() private _route: Route = here();
  /** The portfolio URL last shown (with its sort and date), for the vendor page's back link. */
  private _portfolioUrl = '/';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this._onPopState);
    this.addEventListener('click', this._onClick);
    this.addEventListener('navigation-requested', this._onNavigationRequested);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this._onPopState);
    this.removeEventListener('click', this._onClick);
    this.removeEventListener('navigation-requested', this._onNavigationRequested);
    super.disconnectedCallback();
  }

  /** Shows `url` (path + query of this app), adding a history entry unless `replace`. */
  navigate(url: string, replace = false): void {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this._show(here(), !replace);
  }

  override render() {
    return html`
      <header class="bar">
        <a class="brand" href="/"><span class="mark" aria-hidden="true"></span>Vendorscope</a>
        <span class="tagline">Third-party supply-chain risk</span>
        <nav aria-label="Main"><a href=${this._portfolioUrl} aria-current=${this._route.name === 'portfolio' ? 'page' : 'false'}>Portfolio</a></nav>
      </header>
      <main tabindex="-1">${this._page()}</main>
      <footer>
        Vendorscope · scores follow the documented methodology; every incident and posture statement links to its public sources ·
        <a href="/api/v1/openapi.json">API (OpenAPI)</a>
      </footer>
    `;
  }

  private _page() {
    const r = this._route;
    switch (r.name) {
      case 'portfolio':
        return html`<vr-portfolio-page .query=${r.query}></vr-portfolio-page>`;
      case 'vendor':
        return html`<vr-vendor-page .vendorId=${r.vendorId} .query=${r.query} .backHref=${this._portfolioUrl}></vr-vendor-page>`;
      default:
        return html`<vr-error heading="Page not found" .error=${new Error(`Nothing lives at ${r.path}.`)}>
          <a href="/">Go to the portfolio</a>
        </vr-error>`;
    }
  }

  private _show(route: Route, moveFocus: boolean): void {
    this._route = route;
    if (route.name === 'portfolio') this._portfolioUrl = `${location.pathname}${location.search}`;
    if (moveFocus) {
      window.scrollTo(0, 0);
      // Screen readers start reading the new page instead of staying on the old link.
      void this.updateComplete.then(() => this.renderRoot.querySelector('main')?.focus({ preventScroll: true }));
    }
  }

  private readonly _onPopState = () => this._show(here(), false);

  private readonly _onNavigationRequested = (e: NavigationRequested) => {
    e.stopPropagation();
    this.navigate(e.url, e.replace);
  };

  private readonly _onClick = (e: MouseEvent) => {
    if (e.defaultPrevented) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a) return;
    const modified = e.metaKey || e.ctrlKey || e.shiftKey || e.altKey;
    const url = inAppTarget({ href: a.href, target: a.target, download: a.hasAttribute('download'), button: e.button, modified }, location.origin, `${location.pathname}${location.search}`);
    if (url === null) return;
    e.preventDefault();
    this.navigate(url);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-app': App;
  }
}
