/**
 * Compared vendors side by side, a column each: the headline numbers, then every factor with its
 * score, its largest contributions, and the age and source of the evidence behind it. A table,
 * so a screen reader announces the vendor and the factor of every cell.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { FactorScore } from '../../server/http/contract.ts';
import type { CompareColumn } from '../charts/compare.layout.ts';
import type { FactorEvidence } from '../charts/compare.evidence.ts';
import { inkOn, riskColor } from '../charts/heatmap.layout.ts';
import { linkText, percent, points } from '../format.ts';
import { card, controls, srOnly } from '../styles/shared.ts';
import { compareTableStyles } from './vr-compare-table.styles.ts';
import '../charts/vr-band-badge.ts';

/** Contributions shown per factor cell; the vendor page has them all. */
const TOP = 2;

@customElement('vr-compare-table')
export class CompareTable extends LitElement {
  static override styles = [card, controls, srOnly, compareTableStyles];

  @property({ attribute: false }) columns: readonly CompareColumn[] = [];

  override render() {
    const cols = this.columns;
    const first = cols[0];
    if (!first) return nothing;
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Scores, factors and their evidence</h2>
      <p class="muted intro">
        Each factor's score (0–100, higher is riskier), its largest contributions, and how old the evidence behind it is and where it comes from,
        as of ${first.score.asOf}. An unknown factor takes the methodology's prior (never a good posture); a vendor whose evidence covers too little
        of the likelihood weight is not assessed, and its inherent risk is the figure to compare.
      </p>
      <div class="scroll" role="region" aria-label="Scores and factors, a column per vendor" tabindex="0">
        <table style=${styleMap({ '--cols': String(cols.length) })}>
          <thead>
            <tr>
              <td class="corner"></td>
              ${cols.map(
                (c) => html`<th scope="col" data-vendor-id=${c.vendorId}>
                  <a href=${`/vendors/${c.vendorId}`}>${c.name}</a><span class="cat">${c.category}</span>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody class="summary">
            <tr data-row="risk">
              <th scope="row">Risk <small>residual: likelihood × impact ÷ 100</small></th>
              ${cols.map(
                (c) => html`<td data-vendor-id=${c.vendorId}>
                  <span class="big num ${c.score.band === 'not-assessed' ? 'provisional' : ''}">${points(c.score.risk)}</span> <vr-band-badge .band=${c.score.band}></vr-band-badge>
                </td>`,
              )}
            </tr>
            ${this._row('inherent', 'Inherent risk', 'category prior × impact ÷ 100', (c) => `${points(c.score.inherentRisk)} (${c.score.inherentBand})`)}
            ${this._row(
              'evidence',
              'Evidence coverage',
              'share of the likelihood weight on evidence',
              (c) =>
                `${percent(c.score.evidenceCoverage)} · ${points(c.score.unknownPoints)} of ${points(c.score.likelihood)} points on unknowns` +
                (c.score.toAssess.length ? ` · to assess: ${c.score.toAssess.map((m) => m.text).join('; ')}` : ''),
            )}
            ${this._row('likelihood', 'Likelihood', 'from the factors below', (c) => points(c.score.likelihood))}
            ${this._row('impact', 'Impact', 'from our relationship', (c) => points(c.score.impact))}
            ${this._row('confidence', 'Confidence', 'evidence known and fresh', (c) => percent(c.score.confidence))}
            ${this._row('cell', 'Risk matrix cell', 'likelihood × impact, 1–5', (c) => `L${c.score.cell.likelihood} × I${c.score.cell.impact}`)}
          </tbody>
          <tbody class="factors">
            ${first.score.factors.map(
              (f, i) => html`<tr data-factor=${f.id}>
                <th scope="row">${f.label} <small>${percent(f.weight)} of likelihood</small></th>
                ${cols.map((c) => this._factorCell(c, i))}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private _row(key: string, label: string, sub: string, value: (c: CompareColumn) => string) {
    return html`<tr data-row=${key}>
      <th scope="row">${label} <small>${sub}</small></th>
      ${this.columns.map((c) => html`<td class="num" data-vendor-id=${c.vendorId}>${value(c)}</td>`)}
    </tr>`;
  }

  private _factorCell(c: CompareColumn, i: number) {
    const f = c.score.factors[i];
    const e = c.evidence[i];
    if (!f || !e) return html`<td></td>`;
    return html`<td data-vendor-id=${c.vendorId}>
      ${this._score(f)}
      ${this._contributions(f)}
      ${this._evidence(e)}
    </td>`;
  }

  private _score(f: FactorScore) {
    if (!f.known) return html`<p class="score"><span class="swatch unknown">unknown</span> <span class="muted num">prior ${points(f.score)}</span></p>`;
    const fill = riskColor(f.score);
    return html`<p class="score"><span class="swatch num" style=${styleMap({ background: fill, color: inkOn(fill) })}>${points(f.score)}</span></p>`;
  }

  private _contributions(f: FactorScore) {
    const top = [...f.contributions].filter((x) => x.points > 0).sort((a, b) => b.points - a.points);
    if (top.length === 0) return html`<p class="muted small">Nothing adds to it.</p>`;
    const more = top.length - TOP;
    return html`<ul class="contribs" aria-label="Largest contributions">
      ${top.slice(0, TOP).map((x) => html`<li><span class="pts num">+${points(x.points)}</span> <span>${x.label}</span></li>`)}
      ${more > 0 ? html`<li class="more muted">and ${more} more on the vendor's page</li>` : nothing}
    </ul>`;
  }

  private _evidence(e: FactorEvidence) {
    const link = e.source && /^https?:\/\//.test(e.source);
    return html`<div class="evidence" ?data-none=${e.none}>
      <span class="label">Evidence:</span>
      <span class="what">${e.what}</span>${e.age ? html` · <span class="age">${e.age}</span>` : nothing}
      ${
        e.source
          ? html`<span class="source">Source:
            ${
              link
                ? html`<a href=${e.source} rel="noopener noreferrer" target="_blank">${linkText(e.source)}<span class="sr-only"> (opens in a new tab)</span></a>`
                : e.source
            }</span>`
          : nothing
      }
      ${e.note ? html`<span class="note">${e.note}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-compare-table': CompareTable;
  }
}
