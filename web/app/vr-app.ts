/**
 * The root element: the header and footer, a tiny History-API router, the API client every page
 * gets through context, and who is signed in. It asks GET /me once at start; nobody signed in
 * (then, or on any later call: the client reports it) means the sign-in page, which remembers the
 * page wanted in `?next=`. Pages ask for navigation with a NavigationRequested event; same-origin
 * link clicks are caught here too, so plain <a href> works everywhere.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { createApiClient, type Me } from '../api/client.ts';
import { isSignedOut, type ApiError } from '../api/api-error.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { inAppTarget, isOutside, isPublic, MAIN_NAV, matchRoute, signInUrl, type Route } from './routes.ts';
import { controls } from '../styles/shared.ts';
import { appStyles } from './vr-app.styles.ts';
import type { NavigationRequested } from '../events.ts';
import type { SignedIn } from '../account-events.ts';
import { loadPage, pageFor } from './pages.ts';
import '../components/vr-error.ts';
import '../components/vr-user-menu.ts';
import './vr-bell.ts';
import '../components/vr-passkey-banner.ts';

const here = (): Route => matchRoute(location.pathname, location.search);
const pathHere = (): string => `${location.pathname}${location.search}`;

@customElement('vr-app')
export class App extends LitElement {
  static override styles = [controls, appStyles];

  @provide({ context: apiContext }) api = createApiClient();
  /** The signed-in caller: undefined until GET /me answers, null when nobody is signed in. */
  @provide({ context: meContext }) @state() private _me: Me | null | undefined = undefined;
  @state() private _route: Route = here();
  /** Why the sign-in page is shown ("You are signed out."); cleared by the next sign-in. */
  @state() private _notice = '';
  /** GET /me failed for another reason than "nobody signed in" (say, the server is down). */
  @state() private _startError: unknown = undefined;
  /** The portfolio URL last shown (with its sort and date), for the vendor page's back link. */
  private _portfolioUrl = '/portfolio';
  /** Narrow screens fold the main navigation behind a Menu button; whether it is unfolded. */
  @state() private _navOpen = false;
  /** The page's code could not be fetched (a new deployment, or the server went away). */
  @state() private _loadError: unknown = undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this._onPopState);
    this.addEventListener('click', this._onClick);
    this.addEventListener('navigation-requested', this._onNavigationRequested);
    this.addEventListener('signed-in', this._onSignedIn);
    this.addEventListener('sign-out-requested', this._onSignOutRequested);
    this.api.onSignedOut = this._onSignedOut;
    // A vendor's contact on the response page has no account: nobody to ask about.
    if (!isOutside(this._route)) void this._whoAmI();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this._onPopState);
    this.removeEventListener('click', this._onClick);
    this.removeEventListener('navigation-requested', this._onNavigationRequested);
    this.removeEventListener('signed-in', this._onSignedIn);
    this.removeEventListener('sign-out-requested', this._onSignOutRequested);
    this.api.onSignedOut = undefined;
    super.disconnectedCallback();
  }

  /**
   * Shows `url` (path + query of this app), adding a history entry unless `replace`. Focus moves to
   * the new page unless only the view of the same page changed (a replaced URL), or `moveFocus` says otherwise.
   */
  navigate(url: string, replace = false, moveFocus = !replace): void {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this._show(here(), moveFocus);
  }

  override render() {
    const me = this._me;
    const r = this._route;
    return html`
      <header class="bar">
        <button type="button" class="skip-link" @click=${this._onSkip}>Skip to main content</button>
        ${
          isOutside(r)
            ? html`<span class="brand"><span class="mark" aria-hidden="true"></span>Vendorscope</span>`
            : html`<a class="brand" href="/"><span class="mark" aria-hidden="true"></span>Vendorscope</a>`
        }
        <span class="tagline">Third-party supply-chain risk</span>
        ${
          me && !isOutside(r)
            ? html`<button type="button" class="nav-toggle" aria-expanded=${this._navOpen ? 'true' : 'false'} aria-controls="main-nav" @click=${() => (this._navOpen = !this._navOpen)}>
                <span class="burger" aria-hidden="true"></span>Menu
              </button>
              <nav id="main-nav" aria-label="Main" class=${this._navOpen ? 'open' : ''} @keydown=${this._onNavKey}>
                ${MAIN_NAV.map(
                  (n) =>
                    html`<a href=${n.route === 'portfolio' ? this._portfolioUrl : n.href} aria-current=${r.name === n.route ? 'page' : 'false'}>${n.label}</a>`,
                )}
              </nav>
              <div class="account">
                <vr-bell></vr-bell>
                <vr-user-menu .me=${me} current=${r.name}></vr-user-menu>
              </div>`
            : nothing
        }
      </header>
      <main id="main-content" tabindex="-1">
        ${me?.passkeyRequired && !isPublic(r) ? html`<vr-passkey-banner></vr-passkey-banner>` : nothing}${this._page(me)}
      </main>
      <footer>
        Vendorscope · scores follow the documented methodology; every incident and posture statement links to its public sources
        ${me && !isOutside(r) ? html` · <a href="/api/v1/openapi.json">API (OpenAPI)</a>` : nothing}
      </footer>
    `;
  }

  private _page(me: Me | null | undefined) {
    const r = this._route;
    if (this._loadError !== undefined) {
      return html`<vr-error heading="This page could not be loaded" .error=${this._loadError}>
        <button type="button" @click=${() => location.reload()}>Reload</button>
      </vr-error>`;
    }
    if (isPublic(r)) return this._shown(r);
    if (this._startError !== undefined) {
      return html`<vr-error heading="Vendorscope could not start" .error=${this._startError}>
        <button type="button" @click=${() => void this._whoAmI()}>Try again</button>
      </vr-error>`;
    }
    if (!me) return html`<p class="loading" role="status">Checking your session…</p>`;
    return this._shown(r);
  }

  /** The route's element, its code fetched if this is its first showing. */
  private _shown(r: Route) {
    loadPage(r.name).catch((e: unknown) => (this._loadError = e));
    return pageFor(r, { notice: this._notice, backHref: this._portfolioUrl });
  }

  private async _whoAmI(): Promise<void> {
    this._startError = undefined;
    try {
      this._me = await this.api.me();
    } catch (e) {
      // "Nobody signed in" has reached _onSignedOut already; anything else is shown with a retry.
      if (!isSignedOut(e)) this._startError = e;
    }
  }

  private _show(route: Route, moveFocus: boolean): void {
    if (this._me === null && !isPublic(route)) {
      history.replaceState(null, '', signInUrl(pathHere()));
      route = here();
    }
    this._route = route;
    this._navOpen = false;
    this._loadError = undefined;
    if (route.name === 'portfolio') this._portfolioUrl = pathHere();
    if (moveFocus) {
      window.scrollTo(0, 0);
      // Screen readers start reading the new page instead of staying on the old link.
      void this.updateComplete.then(() => this.renderRoot.querySelector('main')?.focus({ preventScroll: true }));
    }
  }

  /** From the API client: a call found nobody signed in (never signed in, or the session ended). */
  private readonly _onSignedOut = (e: ApiError) => {
    const wasSignedIn = !!this._me;
    this._me = null;
    if (wasSignedIn || e.code === 'session-expired') this._notice = 'Your session has ended. Sign in again to continue.';
    if (!isPublic(this._route)) this._show(this._route, wasSignedIn);
  };

  private readonly _onSignedIn = (e: SignedIn) => {
    e.stopPropagation();
    this._me = e.me;
    this._notice = '';
    const r = this._route;
    // The sign-in page leaves history: Back from the page wanted does not return to the form.
    this.navigate(r.name === 'sign-in' ? r.next : '/', true, true);
  };

  // A listener's promise would go unheard: the sign-out handles its own failure.
  private readonly _onSignOutRequested = () => void this._signOut();

  private readonly _signOut = async () => {
    try {
      await this.api.signOut();
    } catch {
      // A session that already ended is signed out all the same.
    }
    this._me = null;
    this._notice = 'You are signed out.';
    this.navigate('/sign-in', true, true);
  };

  /**
   * The skip link (keyboard users skip the bar, the menu and the bell: 32 Tab presses on the
   * portfolio). A button, not `<a href="#…">`: <main> lives in this shadow root, where a fragment
   * cannot reach it (nor can axe's check of the link's target), so focus moves by hand.
   */
  private readonly _onSkip = () => {
    this.renderRoot.querySelector('main')?.focus();
  };

  private readonly _onPopState = () => this._show(here(), false);

  /** Escape folds the unfolded navigation and returns to its Menu button. */
  private readonly _onNavKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this._navOpen) return;
    this._navOpen = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.nav-toggle')?.focus();
  };

  private readonly _onNavigationRequested = (e: NavigationRequested) => {
    e.stopPropagation();
    this.navigate(e.url, e.replace, e.moveFocus);
  };

  private readonly _onClick = (e: MouseEvent) => {
    if (e.defaultPrevented) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a) return;
    const modified = e.metaKey || e.ctrlKey || e.shiftKey || e.altKey;
    const url = inAppTarget({ href: a.href, target: a.target, download: a.hasAttribute('download'), button: e.button, modified }, location.origin, pathHere());
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
