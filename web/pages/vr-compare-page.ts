/** Placeholder for the compare view (being built); keeps the route and navigation whole. */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageStyles } from '../styles/page.ts';

@customElement('vr-compare-page')
export class ComparePage extends LitElement {
  static override styles = [pageStyles];
  @property({ attribute: false }) query = new URLSearchParams();

  override render() {
    return html`<header class="page-head"><h1>Compare</h1></header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-compare-page': ComparePage;
  }
}
