/**
 * One backtest run in full: what it covered, what its figures say in words, the figures beside the
 * baselines, the calibration chart with its table, and the incident rate per band and matrix row.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Backtest } from '../api/client.ts';
import { policyLabel } from '../backtest.ts';
import type { CalibrationSeries } from '../charts/calibration.layout.ts';
import '../charts/vr-calibration-plot.ts';
import './vr-backtest-calibration-table.ts';
import './vr-backtest-figures.ts';
import './vr-backtest-rates.ts';
import './vr-backtest-statements.ts';

@customElement('vr-backtest-report')
export class BacktestReportView extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .summary {
      margin: 0 0 12px;
      max-width: 110ch;
    }
    h3 {
      font-size: 1rem;
      margin: 20px 0 8px;
    }
    .calibration {
      display: grid;
      grid-template-columns: minmax(280px, 520px) minmax(300px, 1fr);
      gap: 20px;
      align-items: start;
    }
    details {
      margin: 8px 0 0;
      font-size: 0.88rem;
    }
    summary {
      cursor: pointer;
      color: var(--vr-accent);
    }
    summary:focus-visible {
      outline: 3px solid var(--vr-focus);
      outline-offset: 2px;
    }
    dt {
      font-weight: 700;
      margin-top: 6px;
    }
    dd {
      margin: 0 0 0 1em;
      max-width: 100ch;
    }
    @media (max-width: 900px) {
      .calibration {
        grid-template-columns: 1fr;
      }
    }
  `;

  @property({ attribute: false }) report?: Backtest;

  override render() {
    const r = this.report;
    if (!r) return html``;
    const p = r.population;
    const series: CalibrationSeries[] = [
      { id: 'likelihood', label: 'likelihood', bins: r.calibration.likelihood },
      { id: 'risk', label: 'risk', bins: r.calibration.risk },
    ];
    return html`<p class="summary" data-summary>
        <strong>${policyLabel(r)}</strong>: ${p.vendors} vendors scored at each quarter end from ${r.from} to ${r.to} with only what was known then;
        ${p.events} of ${p.observations} vendor-quarters were followed by an incident becoming known within ${r.horizonDays} days (from ${p.incidents} incidents, a base rate of
        ${Math.round(p.baseRate * 100)}%). Intervals: 95%, from ${r.bootstrap.resamples} resamples of vendors.
      </p>
      <vr-backtest-statements .statements=${r.statements}></vr-backtest-statements>
      <h3>The score beside the baselines</h3>
      <vr-backtest-figures .report=${r}></vr-backtest-figures>
      <details>
        <summary>What each row ranks by, and how it is read as a probability</summary>
        <dl>
          ${r.predictors.map((x) => html`<dt>${x.label}</dt><dd>${x.description}</dd>`)}
        </dl>
      </details>
      <h3>Calibration</h3>
      <div class="calibration">
        <vr-calibration-plot .series=${series} .horizonDays=${r.horizonDays}></vr-calibration-plot>
        <vr-backtest-calibration-table .series=${series} .run=${policyLabel(r)}></vr-backtest-calibration-table>
      </div>
      <h3>Incident rate per band</h3>
      <vr-backtest-rates .report=${r}></vr-backtest-rates>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-backtest-report': BacktestReportView;
  }
}
