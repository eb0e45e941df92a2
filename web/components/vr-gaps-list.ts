/**
 * The evidence a score needed and did not have, grouped by factor: each gap is counted as a weak
 * posture (never as good), and together they are what holds the confidence figure down. A gap
 * about something shown on the page links to it.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Gap, VendorScore } from '../../server/http/contract.ts';
import { groupGaps, type EvidenceTarget } from '../evidence.ts';
import { partialDate, percent } from '../format.ts';
import { card, controls, provenance } from '../styles/shared.ts';
import { evidenceLink, evidenceLinkStyles } from './evidence-link.ts';
import { sectionHead } from './vr-incident-list.styles.ts';

@customElement('vr-gaps-list')
export class GapsList extends LitElement {
  static override styles = [
    card,
    evidenceLinkStyles,
    controls,
    provenance,
    sectionHead,
    css`
      :host {
        display: block;
      }
      .explain {
        margin: 0 0 12px;
        max-width: 100ch;
        font-size: 0.92rem;
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(360px, 100%), 1fr));
        gap: 12px 24px;
      }
      .group {
        padding: 10px 14px;
        border: 1px dashed var(--vr-line-strong);
        border-radius: var(--vr-radius);
        background: repeating-linear-gradient(135deg, var(--vr-hatch-a) 0 6px, var(--vr-panel) 6px 12px);
      }
      h3 {
        font-size: 0.95rem;
        margin: 0 0 4px;
      }
      ul {
        margin: 0;
        padding-left: 1.2em;
        font-size: 0.9rem;
      }
      li + li {
        margin-top: 3px;
      }
      .empty {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) score?: VendorScore;
  /** Refs that are shown elsewhere on the page, which a gap links to. */
  @property({ attribute: false }) evidence: ReadonlyMap<string, EvidenceTarget> = new Map();

  override render() {
    const s = this.score;
    if (!s) return nothing;
    const asOf = html`<time datetime=${s.asOf}>${partialDate(s.asOf)}</time>`;
    return html`<section class="card" aria-labelledby="t">
      <header class="section-head">
        <h2 id="t">Evidence gaps <span class="count">(${s.gaps.length})</span></h2>
        <span class="tag unknown">Unknown, scored as weak</span>
      </header>
      ${
        s.gaps.length === 0
          ? html`<p class="empty muted">No evidence gaps as of ${asOf}: everything the score needs is on record and fresh.</p>`
          : html`<p class="explain">
              What the score needed as of ${asOf} and did not have. Each gap is counted as a weak posture, never as good, and
              each one sits behind the confidence figure: <strong class="num">${percent(s.confidence)}</strong> of the evidence is known and fresh.
            </p>
            <div class="groups">
              ${groupGaps(s.gaps, s.factors).map(
                (g) => html`<section class="group" data-factor=${g.factor} aria-labelledby=${`g-${g.factor}`}>
                  <h3 id=${`g-${g.factor}`}>${g.label} <span class="count">(${g.gaps.length})</span></h3>
                  <ul>
                    ${g.gaps.map((gap) => html`<li>${this._gap(gap)}</li>`)}
                  </ul>
                </section>`,
              )}
            </div>`
      }
    </section>`;
  }

  private _gap(g: Gap) {
    const target = g.ref ? this.evidence.get(g.ref) : undefined;
    return target ? evidenceLink({ ...target, label: g.text }) : g.text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-gaps-list': GapsList;
  }
}
