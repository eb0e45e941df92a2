/**
 * The methodology in force, readably: the version and its note, the factor weights as a bar
 * list (each bar's share written beside it, each factor's name a link to its parameters), the
 * decay policy in words, and the risk bands.
 * The points tables (severity, access, MFA) are `vr-methodology-points`.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Methodology } from '../api/client.ts';
import { describeDecay } from '../charts/decay.layout.ts';
import { FACTOR_LABEL, percent, timestamp } from '../format.ts';
import { sectionAnchor } from '../methodology-draft.ts';
import { card, dataTable, numColumns } from '../styles/shared.ts';
import { evidenceLink } from './evidence-link.ts';
import '../charts/vr-band-badge.ts';

@customElement('vr-methodology-parameters')
export class MethodologyParameters extends LitElement {
  static override styles = [
    card,
    dataTable,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 24px;
      }
      .version {
        margin: 0 0 16px;
        font-size: 0.9rem;
      }
      ul.bars {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      ul.bars li {
        display: grid;
        grid-template-columns: 9em minmax(0, 1fr) 3em;
        align-items: center;
        gap: 8px;
        font-size: 0.88rem;
      }
      .track {
        height: 14px;
        background: var(--vr-canvas);
        border-radius: 3px;
      }
      .bar {
        height: 100%;
        background: var(--vr-accent);
        border-radius: 3px;
      }
      .share {
        text-align: right;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      p.rule {
        margin: 0 0 6px;
        font-size: 0.9rem;
      }
      .name {
        font-family: var(--vr-font-mono);
        font-weight: 700;
      }
      ${numColumns}
      @media (max-width: 1000px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) methodology?: Methodology;

  override render() {
    const m = this.methodology;
    if (!m) return nothing;
    const weights = Object.entries(m.weights) as Array<[keyof typeof FACTOR_LABEL, number]>;
    const max = Math.max(...weights.map(([, w]) => w));
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Parameters in force</h2>
      <p class="version">
        Version <strong>${m.version}</strong>${m.note ? html` · “${m.note}”` : nothing} · in force since ${timestamp(m.createdAt)}. Every score and
        report names the version it used; an admin changing a parameter creates a new version.
      </p>
      <div class="grid">
        <div>
          <h3 id="w">Factor weights (share of likelihood)</h3>
          <ul class="bars" aria-labelledby="w">
            ${weights.map(
              ([id, w]) => html`<li data-factor=${id}>
                <span>${evidenceLink({ anchor: sectionAnchor(id), label: FACTOR_LABEL[id] ?? id })}</span>
                <span class="track" aria-hidden="true"><span class="bar" style=${styleMap({ display: 'block', width: `${(w / max) * 100}%` })}></span></span>
                <span class="share">${percent(w)}</span>
              </li>`,
            )}
          </ul>
          <p class="rule muted">Each factor's name leads to its parameters, with why each has its value and its source.</p>
        </div>
        <div>
          <h3>Decay policy</h3>
          <p class="rule"><span class="name">${m.decay.name}</span>: an incident's weight ${describeDecay(m.decay)}.</p>
          <p class="rule muted">A repeat counts within ${m.recurrence.windowDays} days of an earlier incident of the same root cause or path.</p>
        </div>
        <div>
          <h3 id="b">Risk bands</h3>
          <table aria-labelledby="b">
            <thead>
              <tr><th scope="col">Band</th><th scope="col" class="num">Risk from</th></tr>
            </thead>
            <tbody>
              ${m.bands.map((b) => html`<tr><td><vr-band-badge .band=${b.band}></vr-band-badge></td><td class="num">${b.minRisk}</td></tr>`)}
            </tbody>
          </table>
        </div>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-parameters': MethodologyParameters;
  }
}
