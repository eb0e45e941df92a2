/** Placeholder for the trends view (being built); keeps the route and navigation whole. */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../styles/page.ts';

@customElement('vr-trends-page')
export class TrendsPage extends LitElement {
  static override styles = [pageStyles];
  @property({ attribute: false }) query = new URLSearchParams();

  override render() {
    return html`<header class="page-head"><h1>Trends</h1></header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-trends-page': TrendsPage;
  }
}
