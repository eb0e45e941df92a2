/** Placeholder until the page lands (being built in this change). */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('vr-reviews-page')
export class ReviewsPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @property() quarter = '';
  override render() {
    return html`<h1>Reviews</h1>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-reviews-page': ReviewsPage;
  }
}
