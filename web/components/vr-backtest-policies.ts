/**
 * The same history replayed under each decay policy, side by side: the score's rank (mean
 * percentile, AUC) and calibration (Brier skill), for likelihood and for risk, and whether it beats
 * counting prior incidents. Each row's radio button shows that run in detail below.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Backtest } from '../api/client.ts';
import { estimateText, policyLabel, predictor, type Figure } from '../backtest.ts';
import { BacktestRunChosen } from '../backtest-events.ts';
import { controls, dataTable, numColumns, stickyFirstColumn, tableBox } from '../styles/shared.ts';

const COLUMNS: ReadonlyArray<{ readonly score: 'likelihood' | 'risk'; readonly figure: Figure; readonly label: string }> = [
  { score: 'likelihood', figure: 'meanPercentile', label: 'Likelihood: mean percentile' },
  { score: 'likelihood', figure: 'auc', label: 'Likelihood: AUC' },
  { score: 'likelihood', figure: 'brierSkill', label: 'Likelihood: Brier skill' },
  { score: 'risk', figure: 'meanPercentile', label: 'Risk: mean percentile' },
  { score: 'risk', figure: 'auc', label: 'Risk: AUC' },
  { score: 'risk', figure: 'brierSkill', label: 'Risk: Brier skill' },
];

/** Whether a score beats the prior-incidents baseline: its AUC's lead over it is above 0 with 95% confidence. */
const beats = (r: Backtest, score: 'likelihood' | 'risk') =>
  (r.comparisons.find((c) => c.score === score && c.baseline === 'prior-incidents')?.auc.low ?? 0) > 0;

@customElement('vr-backtest-policies')
export class BacktestPolicies extends LitElement {
  static override styles = [
    controls,
    dataTable,
    tableBox,
    stickyFirstColumn,
    numColumns,
    css`
      table {
        min-width: 900px;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0 0 6px;
      }
      label {
        display: flex;
        gap: 8px;
        align-items: center;
        font-weight: 600;
        cursor: pointer;
      }
      tr[data-selected] > * {
        background: var(--vr-accent-soft);
      }
      .tag {
        font-weight: 400;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) reports: readonly Backtest[] = [];
  /** The decay policy of the methodology in force (marked). */
  @property() inForce = '';
  @property({ type: Number }) selected = 0;

  override render() {
    return html`<div class="scroll" role="region" aria-label="The backtest under each decay policy, ${this.reports[0] ? policyLabel(this.reports[0]) : ''}" tabindex="0">
      <table>
        <caption>
          Under each decay policy (value, with its 95% interval); choose one to see it in detail
        </caption>
        <thead>
          <tr>
            <th scope="col">Decay policy</th>
            ${COLUMNS.map((c) => html`<th scope="col" class="num">${c.label}</th>`)}
            <th scope="col">Beats prior incidents (AUC)</th>
          </tr>
        </thead>
        <tbody>
          ${this.reports.map(
            (r, i) => html`<tr data-decay=${r.decay} ?data-selected=${i === this.selected}>
              <th scope="row">
                <label><input type="radio" name="run" .checked=${i === this.selected} @change=${() => this.dispatchEvent(new BacktestRunChosen(i))} />${r.decay}${r.decay === this.inForce ? html`<span class="tag">(in force)</span>` : ''}</label>
              </th>
              ${COLUMNS.map((c) => html`<td class="num" data-score=${c.score} data-figure=${c.figure}>${estimateText(c.figure, predictor(r, c.score)[c.figure])}</td>`)}
              <td data-beats>likelihood ${beats(r, 'likelihood') ? 'yes' : 'no'}, risk ${beats(r, 'risk') ? 'yes' : 'no'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-backtest-policies': BacktestPolicies;
  }
}
