/**
 * Findings across the compared vendors: a row per finding rule with its suggested contract
 * condition, and in each vendor's column whether that vendor has it (a mark AND the word
 * "Raised" with its severity, never colour alone), with the findings' own titles.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { findingRows, type CompareColumn, type FindingRow } from '../charts/compare.layout.ts';
import { SEVERITY_LABEL } from '../format.ts';
import { card, controls, severityTones, srOnly } from '../styles/shared.ts';
import { compareTableStyles } from './vr-compare-table.styles.ts';

@customElement('vr-compare-findings')
export class CompareFindings extends LitElement {
  static override styles = [
    card,
    controls,
    srOnly,
    compareTableStyles,
    css`
      /* The rule and its condition need room to read; the vendors' columns share the rest. */
      .corner,
      tbody th {
        width: 320px;
      }
      table {
        min-width: calc(320px + var(--cols, 2) * 200px);
      }
      @media (max-width: 760px) {
        .corner,
        tbody th {
          width: 150px;
        }
        table {
          min-width: calc(150px + var(--cols, 2) * 180px);
        }
      }
      blockquote {
        margin: 6px 0 0;
        padding: 4px 0 4px 8px;
        border-left: 3px solid var(--vr-line-strong);
        font-weight: 400;
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
      blockquote::before {
        content: 'Suggested condition: ';
        font-weight: 700;
      }
      td[data-raised] {
        background: var(--vr-high-soft);
      }
      .raised {
        display: flex;
        align-items: center;
        gap: 6px;
        font-weight: 700;
        margin: 0 0 4px;
      }
      .mark {
        display: inline-grid;
        place-items: center;
        width: 20px;
        height: 20px;
        border-radius: 50%;
        background: var(--vr-ink);
        color: var(--vr-surface);
        font-size: 0.8rem;
      }
      .sev {
        font-size: 0.75rem;
        font-weight: 700;
        padding: 0 7px;
        border-radius: 999px;
        border: 1px solid currentColor;
      }
      ${severityTones}
      td ul {
        margin: 0;
        padding-left: 18px;
        font-size: 0.82rem;
      }
      .not {
        color: var(--vr-ink-faint);
      }
    `,
  ];

  @property({ attribute: false }) columns: readonly CompareColumn[] = [];

  override render() {
    const cols = this.columns;
    const rows = findingRows(cols.map((c) => ({ vendorId: c.vendorId, findings: c.score.findings })));
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Findings <span class="muted">(${rows.length} ${rows.length === 1 ? 'rule' : 'rules'})</span></h2>
      ${
        rows.length === 0
          ? html`<p class="muted">None of these vendors has a finding to act on as of this day.</p>`
          : html`<p class="muted intro">One row per finding rule, with the contract condition it suggests; a mark in the column of every vendor that has it.</p>
            <div class="scroll" role="region" aria-label="Findings, a column per vendor" tabindex="0">
              <table style=${styleMap({ '--cols': String(cols.length) })}>
                <thead>
                  <tr>
                    <th scope="col" class="corner">Finding</th>
                    ${cols.map((c) => html`<th scope="col" data-vendor-id=${c.vendorId}>${c.name}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${rows.map((r) => this._row(r))}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  private _row(r: FindingRow) {
    return html`<tr data-rule=${r.rule}>
      <th scope="row">${r.label}<blockquote>${r.condition}</blockquote></th>
      ${r.cells.map((cell) => {
        const worst = cell.findings[0];
        if (!worst) return html`<td class="not" data-vendor-id=${cell.vendorId}><span aria-hidden="true">—</span><span class="sr-only">Not raised</span></td>`;
        return html`<td data-vendor-id=${cell.vendorId} data-raised>
          <p class="raised">
            <span class="mark" aria-hidden="true">✓</span>Raised
            <span class="sev sev-${worst.severity}">${SEVERITY_LABEL[worst.severity]}</span>
          </p>
          <ul>
            ${cell.findings.map((f) => html`<li>${f.title}</li>`)}
          </ul>
        </td>`;
      })}
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-compare-findings': CompareFindings;
  }
}
