/**
 * Every problem of a refused import, one a row: where (the CSV row, or the VERIS record and its
 * id), which column or field, and why. Imports are all or nothing, so the heading says that
 * nothing was written; the table scrolls in its own box on a narrow screen.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ImportProblem } from '../imports.ts';
import { controls, dataTable, scrollBox } from '../styles/shared.ts';

/** The table styles the import components share, and the counts above a preview. */
export const importTables = css`
  ${scrollBox}
  dl.counts {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
    margin: 0 0 12px;
  }
  dl.counts div {
    display: flex;
    flex-direction: column-reverse;
  }
  dl.counts dt {
    font-size: 0.8rem;
    color: var(--vr-ink-muted);
  }
  dl.counts dd {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .scroll {
    max-height: 28rem;
    overflow-y: auto;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--vr-surface);
  }
  td.num,
  th.num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  code {
    font-family: var(--vr-font-mono);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
`;

@customElement('vr-import-problems')
export class ImportProblems extends LitElement {
  static override styles = [
    controls,
    dataTable,
    importTables,
    css`
      :host {
        display: block;
        margin: 12px 0;
      }
      .box {
        border: 1px solid var(--vr-danger-line);
        border-left: 4px solid var(--vr-danger);
        border-radius: var(--vr-radius);
        padding: 12px 16px;
        background: var(--vr-surface);
      }
      h3 {
        margin: 0 0 4px;
        font-size: 1rem;
        color: var(--vr-danger);
      }
      p {
        margin: 0 0 10px;
      }
      .muted {
        color: var(--vr-ink-muted);
      }
      td.where {
        white-space: nowrap;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) problems: readonly ImportProblem[] = [];
  /** The file the problems are in, for the heading. */
  @property() source = 'the file';
  @property() whereLabel = 'Row';
  @property() fieldLabel = 'Column';
  /** What to do next, under the heading. */
  @property() advice = 'Fix these and choose the file again.';
  /** Instead of "N problems in the file: nothing was written" (the preview's rows to be left out, say). */
  @property() heading = '';
  /** How many problems there are in all, when the list holds only the first of them. */
  @property({ type: Number }) total = 0;

  override render() {
    const n = this.problems.length;
    const all = Math.max(this.total, n);
    return html`<div class="box">
      <h3>${this.heading || `${all.toLocaleString('en-US')} ${all === 1 ? 'problem' : 'problems'} in ${this.source}: nothing was written`}</h3>
      <p>${this.advice}${all > n ? ` The first ${n.toLocaleString('en-US')} of ${all.toLocaleString('en-US')} are listed.` : ''}</p>
      <div class="scroll" role="region" aria-label="Problems found" tabindex="0">
        <table>
          <thead>
            <tr><th scope="col">${this.whereLabel}</th><th scope="col">${this.fieldLabel}</th><th scope="col">Problem</th></tr>
          </thead>
          <tbody>
            ${this.problems.map(
              (p) => html`<tr class="problem">
                <td class="where">${p.where}</td>
                <td>${p.field ? html`<code>${p.field}</code>` : html`<span class="muted">—</span>`}</td>
                <td>${p.message}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-import-problems': ImportProblems;
  }
}
