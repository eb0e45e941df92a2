/**
 * A sticky menu of a long page's sections: plain links in a labelled navigation landmark (Tab and
 * Enter reach and follow them), the section being read marked with `aria-current="location"` and
 * a rule under it. Following a link sends `section-requested` up; the page scrolls and moves focus
 * (its sections live in shadow roots the browser's own fragment navigation cannot see).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SectionRequested, type DossierSection } from '../dossier-sections.ts';

@customElement('vr-section-menu')
export class SectionMenu extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: sticky;
      top: 0;
      z-index: 5;
      background: var(--vr-canvas);
      border-bottom: 1px solid var(--vr-line);
      margin: 0 0 16px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      gap: 4px;
      overflow-x: auto;
      white-space: nowrap;
      scrollbar-width: thin;
    }
    a {
      display: inline-block;
      padding: 8px 10px;
      color: var(--vr-ink-muted);
      text-decoration: none;
      border-bottom: 3px solid transparent;
    }
    a:hover {
      color: var(--vr-ink);
      text-decoration: underline;
    }
    a:focus-visible {
      outline: 2px solid var(--vr-accent);
      outline-offset: -2px;
    }
    a[aria-current] {
      color: var(--vr-ink);
      font-weight: 600;
      border-bottom-color: var(--vr-accent);
    }
    @media print {
      :host {
        display: none;
      }
    }
  `;

  @property({ attribute: false }) sections: readonly DossierSection[] = [];
  /** The id of the section being read. */
  @property() current = '';
  @property() label = 'Sections';

  override render() {
    return html`<nav aria-label=${this.label}>
      <ul>
        ${this.sections.map(
          (s) =>
            html`<li><a href=${`#${s.id}`} aria-current=${s.id === this.current ? 'location' : nothing} @click=${(e: Event) => this._follow(e, s.id)}>${s.label}</a></li>`,
        )}
      </ul>
    </nav>`;
  }

  private _follow(e: Event, id: string): void {
    e.preventDefault();
    this.dispatchEvent(new SectionRequested(id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-section-menu': SectionMenu;
  }
}
