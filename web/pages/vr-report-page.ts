/** Placeholder until the page lands (being built in this change). */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('vr-report-page')
export class ReportPage extends LitElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @property() quarter = '';
  override render() {
    return html`<h1>Report</h1>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-page': ReportPage;
  }
}
