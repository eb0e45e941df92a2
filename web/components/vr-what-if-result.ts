/**
 * The answer to a what-if: likelihood, impact, risk and band now and with the change, each
 * change as an arrow and a number (▲ / ▼, never colour alone), the factors that moved (before →
 * after, by how much), and the findings that would go away or appear. One polite status line sums it up for screen readers as it changes.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Finding } from '../../server/http/contract.ts';
import type { Band } from '../../server/domain/methodology.ts';
import type { WhatIfResult } from '../api/client.ts';
import { points, SEVERITY_LABEL } from '../format.ts';
import { delta, findingChanges } from '../what-if.ts';
import { factorMoves, unmovedFactors } from '../what-if-factors.ts';
import { numColumns, tableStyles } from '../styles/shared.ts';
import '../charts/vr-band-badge.ts';
import './vr-error.ts';

const pct = (share: number) => `${Math.round(share * 100)}%`;
const BANDS_LOW_FIRST = ['low', 'moderate', 'high', 'critical'] as const satisfies readonly Band[];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

@customElement('vr-what-if-result')
export class WhatIfResultView extends LitElement {
  static override styles = [
    ...tableStyles,
    css`
      :host {
        padding: 12px 14px;
        border: 1px solid var(--vr-line);
        border-radius: var(--vr-radius);
        background: var(--vr-canvas);
      }
      h3 {
        margin: 0 0 8px;
        font-size: 1rem;
      }
      .idle,
      .busy {
        margin: 0;
        color: var(--vr-ink-muted);
      }
      [aria-busy='true'] table,
      [aria-busy='true'] .findings {
        opacity: 0.55;
      }
      ${numColumns}
      td.num,
      th.num {
        white-space: nowrap;
      }
      .delta {
        font-weight: 700;
      }
      tr[data-measure='risk'] > * {
        font-weight: 700;
      }
      .delta.down {
        color: var(--vr-fact);
      }
      .delta.up {
        color: var(--vr-danger);
      }
      .delta.none {
        color: var(--vr-ink-muted);
        font-weight: 400;
      }
      .moves h4,
      .findings h4 {
        margin: 12px 0 4px;
        font-size: 0.88rem;
      }
      .findings ul {
        margin: 0;
        padding-left: 1.2em;
        font-size: 0.88rem;
      }
      .moves p,
      .findings p {
        margin: 12px 0 0;
        font-size: 0.88rem;
        color: var(--vr-ink-muted);
      }
      .sev {
        font-size: 0.75rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.03em;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) result?: WhatIfResult;
  @property({ type: Boolean }) pending = false;
  @property({ type: Boolean }) changed = false;
  @property({ attribute: false }) error: unknown;

  override render() {
    const r = this.changed ? this.result : undefined;
    return html`<div aria-busy=${this.pending ? 'true' : 'false'}>
      <h3>Effect on the score</h3>
      ${
        this.error !== undefined && this.changed
          ? html`<vr-error heading="The what-if could not be computed" .error=${this.error}></vr-error>`
          : !this.changed
            ? html`<p class="idle">Change something to see its effect on likelihood, impact and risk, and on the findings.</p>`
            : !r
              ? html`<p class="busy">Scoring the change…</p>`
              : this._result(r)
      }
      <p class="sr-only" role="status">${r && !this.pending ? this._summary(r) : ''}</p>
    </div>`;
  }

  private _result(r: WhatIfResult) {
    const { gone, appeared } = findingChanges(r.before.findings, r.after.findings);
    const row = (label: string, key: 'likelihood' | 'impact' | 'risk') => {
      const d = delta(r.delta[key]);
      return html`<tr data-measure=${key}>
        <th scope="row">${label}</th><td class="num">${points(r.before[key])}</td><td class="num after">${points(r.after[key])}</td>
        <td class="num"><span class="delta ${d.direction}">${d.text}</span><span class="sr-only"> (${d.spoken})</span></td>
      </tr>`;
    };
    return html`<table>
        <caption class="sr-only">Score now and with the change, as of ${r.after.asOf}</caption>
        <thead><tr><th scope="col">Measure</th><th scope="col" class="num">Now</th><th scope="col" class="num">What if</th><th scope="col" class="num">Change</th></tr></thead>
        <tbody>
          ${row('Likelihood', 'likelihood')} ${row('Impact', 'impact')} ${row('Risk', 'risk')}
          <tr data-measure="evidence">
            <th scope="row">Evidence coverage</th><td class="num">${pct(r.before.evidenceCoverage)}</td><td class="num after">${pct(r.after.evidenceCoverage)}</td>
            <td class="num">${r.after.evidenceCoverage === r.before.evidenceCoverage ? html`<span class="delta none">no change</span>` : html`<span class="delta none">${r.after.evidenceCoverage > r.before.evidenceCoverage ? 'more' : 'less'}</span>`}</td>
          </tr>
          <tr data-measure="band">
            <th scope="row">Band</th><td class="num"><vr-band-badge .band=${r.before.band}></vr-band-badge></td>
            <td class="num after"><vr-band-badge .band=${r.after.band}></vr-band-badge></td>
            <td class="num">${this._bandChange(r)}</td>
          </tr>
        </tbody>
      </table>
      ${this._moves(r)}
      <div class="findings">
        ${gone.length === 0 && appeared.length === 0 ? html`<p>No finding would go away or appear.</p>` : nothing}
        ${this._list('gone', `Would go away (${gone.length})`, gone)} ${this._list('appeared', `Would appear (${appeared.length})`, appeared)}
      </div>`;
  }

  private _moves(r: WhatIfResult) {
    const moves = factorMoves(r.before, r.after);
    const still = unmovedFactors(r.before, r.after);
    return html`<div class="moves">
      <h4 id="moves-t">Factors that moved (${moves.length})</h4>
      ${
        moves.length === 0
          ? html`<p>No factor would move.</p>`
          : html`<table aria-labelledby="moves-t">
            <thead><tr><th scope="col">Factor</th><th scope="col" class="num">Now</th><th scope="col" class="num">What if</th><th scope="col" class="num">Change</th></tr></thead>
            <tbody>
              ${moves.map(
                (m) => html`<tr data-factor=${m.key} data-kind=${m.kind}>
                  <th scope="row">${m.label}</th><td class="num before">${points(m.before)}</td><td class="num after">${points(m.after)}</td>
                  <td class="num"><span class="delta ${m.delta.direction}">${m.delta.text}</span><span class="sr-only"> (${m.delta.spoken})</span></td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      ${moves.length > 0 ? html`<p class="scale">Likelihood factors on their 0–100 scale; parts of the impact in impact points.</p>` : nothing}
      ${moves.length > 0 && still.length > 0 ? html`<p class="still">Unchanged: ${still.join(', ')}.</p>` : nothing}
    </div>`;
  }

  private _bandChange(r: WhatIfResult) {
    // Not assessed is no rank: the change says whether the evidence would assess the vendor, or no longer would.
    const [was, will] = [r.before.band === 'not-assessed', r.after.band === 'not-assessed'];
    if (was && will) return html`<span class="delta none">no change (not assessed)</span>`;
    if (was || will) return html`<span class="delta none">${was ? 'now assessed' : 'no longer assessed'}</span>`;
    const rank = (b: Band) => (BANDS_LOW_FIRST as readonly Band[]).indexOf(b);
    const d = delta(rank(r.after.band) - rank(r.before.band));
    if (d.direction === 'none') return html`<span class="delta none">no change</span>`;
    return html`<span class="delta ${d.direction}">${d.direction === 'up' ? '▲ higher' : '▼ lower'}</span>`;
  }

  private _list(kind: string, title: string, findings: readonly Finding[]) {
    if (findings.length === 0) return nothing;
    return html`<h4>${title}</h4>
      <ul class=${kind}>
        ${findings.map((f) => html`<li data-finding-id=${f.id}><span class="sev">${SEVERITY_LABEL[f.severity]}</span> <span class="title">${f.title}</span></li>`)}
      </ul>`;
  }

  private _summary(r: WhatIfResult): string {
    const { gone, appeared } = findingChanges(r.before.findings, r.after.findings);
    const moved = factorMoves(r.before, r.after).map((m) => `${m.label} ${m.delta.spoken}`);
    const parts = [
      `risk ${points(r.after.risk)} (${delta(r.delta.risk).spoken})`,
      `likelihood ${points(r.after.likelihood)} (${delta(r.delta.likelihood).spoken})`,
      `impact ${points(r.after.impact)} (${delta(r.delta.impact).spoken})`,
    ];
    const f = [
      gone.length > 0 ? `${plural(gone.length, 'finding')} would go away` : '',
      appeared.length > 0 ? `${plural(appeared.length, 'finding')} would appear` : '',
    ].filter(Boolean);
    return `With this change: ${parts.join(', ')}${moved.length > 0 ? `; factors moved: ${moved.join(', ')}` : ''}${f.length > 0 ? `; ${f.join(', ')}` : ''}.`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-what-if-result': WhatIfResultView;
  }
}
