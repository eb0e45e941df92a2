/**
 * Observed incident rate per risk band and per likelihood row of the matrix, each with its 95%
 * interval (a bar and its whisker, and the same in figures): a score whose bands mean something
 * shows rates that fall from the riskiest band down. A band of its own (not assessed) keeps its row.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Backtest } from '../api/client.ts';
import { policyLabel, predictor, rateText, type RateRow } from '../backtest.ts';
import { dataTable, numColumns, tableBox } from '../styles/shared.ts';

@customElement('vr-backtest-rates')
export class BacktestRates extends LitElement {
  static override styles = [
    dataTable,
    tableBox,
    numColumns,
    css`
      .pair {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
        gap: 20px;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0 0 6px;
      }
      .track {
        position: relative;
        margin-top: 4px;
        max-width: 240px;
        height: 12px;
        min-width: 90px;
        background: var(--vr-canvas);
        border-radius: 2px;
      }
      .bar {
        position: absolute;
        left: 0;
        top: 2px;
        height: 8px;
        background: var(--vr-accent);
        border-radius: 2px;
      }
      .whisker {
        position: absolute;
        top: 5px;
        height: 2px;
        background: var(--vr-ink);
      }
      .empty {
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) report?: Backtest;

  override render() {
    const r = this.report;
    if (!r) return html``;
    return html`<div class="pair">
      ${this._table('risk', 'Incident rate per risk band', 'Band', predictor(r, 'risk').groups)}
      ${this._table('likelihood', 'Incident rate per likelihood row of the matrix', 'Row', predictor(r, 'likelihood').groups)}
    </div>`;
  }

  private _table(id: string, caption: string, what: string, rows: readonly RateRow[]) {
    return html`<div class="scroll" role="region" aria-label="${caption}, ${policyLabel(this.report!)}" tabindex="0">
      <table data-rates=${id}>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${what}</th>
            <th scope="col">Rate (95% interval), events of vendor-quarters</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (g) => html`<tr data-group=${g.id}>
              <th scope="row">${g.label}</th>
              <td class=${g.observations === 0 ? 'empty' : ''}><span class="figure">${rateText(g)}</span>${g.rate === null ? nothing : this._bar(g)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _bar(g: RateRow) {
    const pct = (x: number | null) => `${Math.round((x ?? 0) * 1000) / 10}%`;
    return html`<div class="track" aria-hidden="true">
      <div class="bar" style=${styleMap({ width: pct(g.rate) })}></div>
      <div class="whisker" style=${styleMap({ left: pct(g.low), width: `${Math.round(((g.high ?? 0) - (g.low ?? 0)) * 1000) / 10}%` })}></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-backtest-rates': BacktestRates;
  }
}
