/**
 * The executive summary's first page: what the report is (frozen or live, as of when, compared
 * with what, which methodology, generated when), the headline figures, the risk matrix of the
 * quarter (the report's own figures, not today's) and the top risks. Choosing a matrix cell lists
 * its vendors underneath (on screen only). On paper it ends its page.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MatrixCellSelected } from '../charts/vr-risk-matrix.ts';
import { averageChange, lagText, matrixRows, moverCounts, quarterWords, reportState, type Report } from '../report.ts';
import { signed } from '../charts/movers.layout.ts';
import { timestamp } from '../format.ts';
import { reportSheet } from './vr-report-sheet.styles.ts';
import '../charts/vr-risk-matrix.ts';
import '../charts/vr-band-badge.ts';

/** Not-assessed vendors listed on the summary page. */
const NOT_ASSESSED_SHOWN = 5;

@customElement('vr-report-summary')
export class ReportSummary extends LitElement {
  static override styles = [
    reportSheet,
    css`
      dl.facts {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 2px 14px;
        margin: 0 0 var(--vr-space-3);
        font-size: 0.88rem;
      }
      dl.facts dt {
        font-weight: 600;
        color: var(--vr-ink-muted);
      }
      dl.facts dd {
        margin: 0;
      }
      .state {
        font-weight: 700;
      }
      .state.Live,
      .state.Restated {
        color: var(--vr-fact);
      }
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
        gap: 8px;
        margin: 0 0 var(--vr-space-4);
        padding: 0;
        list-style: none;
      }
      .figures li {
        border: 1px solid var(--vr-line);
        border-radius: var(--vr-radius);
        padding: 6px 10px;
      }
      .figures .value {
        display: block;
        font-size: 1.5rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 1.2;
      }
      .figures .label {
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
      .two {
        display: grid;
        grid-template-columns: 340px minmax(0, 1fr);
        gap: var(--vr-space-4);
        align-items: start;
      }
      vr-risk-matrix {
        /* The matrix sizes its cells to its box; a fixed box gives the same drawing on screen and on paper. */
        width: min(340px, 100%);
      }
      .cell-vendors {
        font-size: 0.85rem;
        margin: 6px 0 0;
      }
      table.top .sub,
      table.not-assessed .sub {
        font-weight: 400;
      }
      table.not-assessed .sub {
        display: block;
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
      h3.apart {
        margin-top: var(--vr-space-4);
      }
      td.rank {
        color: var(--vr-ink-muted);
        width: 1.5rem;
      }
      @media (max-width: 760px) {
        .two {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      @media print {
        :host {
          break-after: page;
        }
        .figures {
          grid-template-columns: repeat(5, minmax(0, 1fr));
        }
        .figures li {
          padding: 3px 8px;
        }
        .figures .value {
          font-size: 1.3rem;
        }
        .two {
          grid-template-columns: 340px minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) report?: Report;
  /** The matrix cell whose vendors are listed ("4-5"), or ''. */
  @state() private _cell = '';

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const state = reportState(r);
    const avg = averageChange(r);
    const moves = moverCounts(r.movers);
    const b = r.summary.byBand;
    return html`<section class="sheet" aria-labelledby="sum-title">
      <p class="eyebrow">Executive summary<span class="print-only"> · page 1 of 2</span></p>
      <h2 id="sum-title">Where the portfolio stands at the end of ${quarterWords(r.quarter)}</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd data-fact="state"><span class="state ${state.label}">${state.label}.</span> ${state.text}</dd>
        <dt>Compared with</dt>
        <dd data-fact="vs">${quarterWords(r.vs)} (as of ${r.vsAsOf})</dd>
        <dt>Methodology</dt>
        <dd data-fact="methodology">Version ${r.methodologyVersion}</dd>
        <dt>${r.view === 'live' ? 'Generated' : 'Snapshot taken'}</dt>
        <dd data-fact="generated">
          <time datetime=${r.generatedAt}>${timestamp(r.generatedAt)}</time>${r.snapshotId !== null ? html` <span class="muted">(snapshot ${r.snapshotId}${r.view === 'restated' ? ', restated today' : ''})</span>` : nothing}
        </dd>
      </dl>
      <ul class="figures" aria-label="Headline figures">
        ${this._figure('vendors', r.summary.vendors, 'vendors scored')}
        ${this._figure('average', r.summary.averageRisk, avg ? `average risk (${signed(avg.change)} since ${quarterWords(r.vs)} for the vendors in both)` : 'average risk')}
        ${this._figure('critical', b.critical, 'critical')}
        ${this._figure('high', b.high, 'high')}
        ${this._figure('moderate', b.moderate, 'moderate')}
        ${this._figure('low', b.low, 'low')}
        ${this._figure('not-assessed', b['not-assessed'] ?? 0, 'not assessed (listed apart)')}
        ${this._figure('movers', r.movers.length, `moved a point or more (${moves.up} up, ${moves.down} down)`)}
        ${this._figure('incidents', r.newIncidents.length, `incidents disclosed (median lag ${lagText(r.disclosureLags.medianDays, r.disclosureLags.approximate > 0)})`)}
      </ul>
      <div class="two">
        <div class="keep">
          <h3>Risk matrix, ${quarterWords(r.quarter)}</h3>
          <vr-risk-matrix .rows=${matrixRows(r.vendors, r.notAssessed)} .bands=${r.bands} selected=${this._cell} @matrix-cell-selected=${this._onCell}></vr-risk-matrix>
          ${this._cellVendors(r)}
        </div>
        <div>${this._topRisks(r)} ${this._notAssessed(r)}</div>
      </div>
    </section>`;
  }

  private _figure(key: string, value: number, label: string) {
    return html`<li data-figure=${key}><span class="value">${value}</span><span class="label">${label}</span></li>`;
  }

  private _topRisks(r: Report) {
    return html`<h3 id="top-title">Top ${r.topRisks.length} risks <span class="muted">(assessed vendors)</span></h3>
      <div class="scroll" role="region" aria-labelledby="top-title" tabindex="0">
        <table class="top">
          <thead>
            <tr>
              <th scope="col" class="num">#</th>
              <th scope="col">Vendor and its most severe finding</th>
              <th scope="col" class="num">Risk</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            ${r.topRisks.map(
              (t, i) => html`<tr data-vendor-id=${t.vendorId}>
                <td class="rank num">${i + 1}</td>
                <th scope="row">${t.name} <span class="muted">· tier ${t.tier}</span>${t.topFinding ? html`<span class="sub">${t.topFinding}</span>` : nothing}</th>
                <td class="num risk">${t.risk}</td>
                <td><vr-band-badge band=${t.band}></vr-band-badge></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  /** The vendors not assessed: apart from the top risks and the matrix, highest inherent risk first, with what would assess them. */
  private _notAssessed(r: Report) {
    const all = r.notAssessed ?? [];
    if (all.length === 0) return nothing;
    // The summary is one printed page: the first few, and how many more (the downloads list them all).
    const list = all.slice(0, NOT_ASSESSED_SHOWN);
    const more = all.length - list.length;
    return html`<h3 id="na-title" class="apart">Not assessed: ${all.length} vendor${all.length === 1 ? '' : 's'}</h3>
      <p class="note">
        Too little evidence to rate; by inherent risk (category prior × impact), the order to assess them in.${
          more > 0 ? ` The ${list.length} highest are listed; ${more} more are in the CSV and Markdown downloads, each with what would assess it.` : ''
        }
      </p>
      <div class="scroll" role="region" aria-labelledby="na-title" tabindex="0">
        <table class="not-assessed">
          <thead>
            <tr>
              <th scope="col">Vendor and what would assess it</th>
              <th scope="col" class="num">Inherent risk</th>
              <th scope="col" class="num">Evidence</th>
            </tr>
          </thead>
          <tbody>
            ${list.map(
              (n) => html`<tr data-vendor-id=${n.vendorId}>
                <th scope="row">${n.name} <span class="muted">· tier ${n.tier}</span><span class="sub">${n.toAssess.join('; ')}</span></th>
                <td class="num">${n.inherentRisk}</td>
                <td class="num">${Math.round(n.evidenceCoverage * 100)}%</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  /** The chosen cell's vendors, in a live region that is always there, so each choice is announced. */
  private _cellVendors(r: Report) {
    const [l, i] = this._cell.split('-');
    const names = matrixRows(r.vendors)
      .filter((v) => v.band !== 'not-assessed' && `${v.cell.likelihood}-${v.cell.impact}` === this._cell)
      .map((v) => v.name);
    return html`<p class="cell-vendors note screen-only" role="status">
      ${this._cell ? `Likelihood ${l}, impact ${i}: ${names.length ? names.join(', ') : 'no vendors'}.` : 'Choose a cell to list its vendors.'}
    </p>`;
  }

  private _onCell(e: MatrixCellSelected): void {
    e.stopPropagation();
    this._cell = this._cell === e.key ? '' : e.key;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-summary': ReportSummary;
  }
}
