/** Placeholder for the methodology view (being built); keeps the route and navigation whole. */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../styles/page.ts';

@customElement('vr-methodology-page')
export class MethodologyPage extends LitElement {
  static override styles = [pageStyles];
  @property({ attribute: false }) query = new URLSearchParams();

  override render() {
    return html`<header class="page-head"><h1>Methodology</h1></header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-page': MethodologyPage;
  }
}
