/**
 * The vendors CSV's allowed values beside its template link: for tier, data access, environment
 * access and status, the words a sheet may use and the API's values (either is accepted; case,
 * spacing and hyphens aside).
 */
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { CSV_VOCABULARY } from '../csv-vocabulary.ts';
import { controls, dataTable } from '../styles/shared.ts';

@customElement('vr-csv-vocabulary')
export class CsvVocabulary extends LitElement {
  static override styles = [
    controls,
    dataTable,
    css`
      :host {
        display: block;
        margin: 0 0 12px;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
        align-items: start;
        gap: 12px 20px;
        margin-top: 8px;
      }
      table {
        width: 100%;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 4px 0;
      }
      .note {
        margin: 4px 0 0;
        font-size: 0.9rem;
      }
    `,
  ];

  override render() {
    return html`<details>
      <summary>Allowed values of tier, dataAccess, environmentAccess and status</summary>
      <p class="note">A cell may say the words (“User-level”) or the API’s value (<code>user</code>); case, spacing and hyphens do not matter.</p>
      <div class="columns">
        ${CSV_VOCABULARY.map(
          (c) => html`<table data-column=${c.column}>
            <caption>
              <code>${c.column}</code>: ${c.meaning}
            </caption>
            <thead>
              <tr><th scope="col">Words</th><th scope="col">API value</th></tr>
            </thead>
            <tbody>
              ${c.values.map((v) => html`<tr><td>${v.label}</td><td><code>${v.value}</code></td></tr>`)}
            </tbody>
          </table>`,
        )}
      </div>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-csv-vocabulary': CsvVocabulary;
  }
}
