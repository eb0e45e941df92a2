/** The calibration chart's text equivalent: per score and tenth of its forecast, the mean forecast and the rate observed, with its interval. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CalibrationSeries } from '../charts/calibration.layout.ts';
import { rateText } from '../backtest.ts';
import { dataTable, numColumns, tableBox } from '../styles/shared.ts';

@customElement('vr-backtest-calibration-table')
export class BacktestCalibrationTable extends LitElement {
  static override styles = [
    dataTable,
    tableBox,
    numColumns,
    css`
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0 0 6px;
      }
    `,
  ];

  @property({ attribute: false }) series: readonly CalibrationSeries[] = [];
  /** The run the table belongs to (a page can show several): it names the table's region. */
  @property() run = '';

  override render() {
    return html`<div class="scroll" role="region" aria-label="Calibration as a table${this.run ? `, ${this.run}` : ''}" tabindex="0">
      <table>
        <caption>
          Forecast against observed
        </caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Forecast</th>
            <th scope="col" class="num">Mean forecast</th>
            <th scope="col">Observed (95% interval), events of vendor-quarters</th>
          </tr>
        </thead>
        <tbody>
          ${this.series.flatMap((s) =>
            s.bins.map(
              (b) => html`<tr data-series=${s.id} data-bin=${b.id}>
                <th scope="row">${s.label}</th>
                <td>${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%</td>
                <td class="num">${b.meanPredicted === null ? 'n/a' : `${(b.meanPredicted * 100).toFixed(1)}%`}</td>
                <td>${rateText(b)}</td>
              </tr>`,
            ),
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-backtest-calibration-table': BacktestCalibrationTable;
  }
}
