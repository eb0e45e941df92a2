/**
 * The backtest's figures for one run: the score's likelihood and risk, then the baselines they
 * must beat, each figure with its 95% interval. The header says what chance scores, so a reader can
 * tell a figure worth having from noise.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Backtest } from '../api/client.ts';
import { figureText, FIGURES, intervalText, policyLabel } from '../backtest.ts';
import { dataTable, numColumns, stickyFirstColumn, tableBox } from '../styles/shared.ts';

@customElement('vr-backtest-figures')
export class BacktestFigures extends LitElement {
  static override styles = [
    dataTable,
    tableBox,
    stickyFirstColumn,
    numColumns,
    css`
      table {
        min-width: 680px;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0 0 6px;
      }
      .interval,
      .chance,
      .kind {
        display: block;
        font-size: 0.78rem;
        font-weight: 400;
        color: var(--vr-ink-muted);
      }
      tr[data-kind='score'] th {
        font-weight: 700;
      }
      tr.first-baseline > * {
        border-top: 2px solid var(--vr-line-strong);
      }
    `,
  ];

  @property({ attribute: false }) report?: Backtest;

  override render() {
    const r = this.report;
    if (!r) return html``;
    const firstBaseline = r.predictors.findIndex((p) => p.kind === 'baseline');
    return html`<div class="scroll" role="region" aria-label="Backtest figures, ${policyLabel(this.report!)}" tabindex="0">
      <table>
        <caption>
          How each ranks the vendors about to have an incident (value, with its 95% interval)
        </caption>
        <thead>
          <tr>
            <th scope="col">Ranks by</th>
            ${FIGURES.map((f) => html`<th scope="col" class="num" title=${f.help}>${f.label}<span class="chance">chance: ${f.chance}</span></th>`)}
          </tr>
        </thead>
        <tbody>
          ${r.predictors.map(
            (p, i) => html`<tr data-predictor=${p.id} data-kind=${p.kind} class=${i === firstBaseline ? 'first-baseline' : ''}>
              <th scope="row">${p.label}<span class="kind">${p.kind === 'score' ? 'the score' : 'baseline'}</span></th>
              ${FIGURES.map((f) => {
                const e = p[f.id];
                return html`<td class="num" data-figure=${f.id}>
                  ${figureText(f.id, e.value)}<span class="interval">${intervalText(f.id, e)}</span>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-backtest-figures': BacktestFigures;
  }
}
