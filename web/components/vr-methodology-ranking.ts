/**
 * The portfolio ranked under each decay policy, side by side: rank, vendor, risk and band per
 * policy. Vendors whose rank moves most between policies are marked in every column with the
 * words "moves N places" and a stripe, and named in a sentence above, so the effect of the
 * choice of policy can be read without comparing columns by eye.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Mover, RankingColumn, Rankings } from '../ranking-diff.ts';
import { listNames } from '../charts/compare.layout.ts';
import { points } from '../format.ts';
import { dataTable } from '../styles/shared.ts';
import '../charts/vr-band-badge.ts';

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
};

@customElement('vr-methodology-ranking')
export class MethodologyRanking extends LitElement {
  static override styles = [
    dataTable,
    css`
      :host {
        display: block;
      }
      .movers {
        margin: 0 0 12px;
        max-width: 110ch;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(var(--cols, 3), minmax(0, 1fr));
        gap: 20px;
      }
      caption {
        text-align: left;
        font-weight: 700;
        font-size: 0.95rem;
        padding: 0 0 6px;
      }
      caption .tag {
        font-size: 0.75rem;
        font-weight: 700;
        padding: 1px 8px;
        margin-left: 6px;
        border-radius: 999px;
        background: var(--vr-ink);
        color: var(--vr-surface);
      }
      th,
      td {
        padding: 4px 6px;
        vertical-align: middle;
      }
      .rank,
      .risk {
        text-align: right;
        font-variant-numeric: tabular-nums;
        width: 3.4em;
      }
      .band {
        width: 7.2em;
      }
      tr[data-mover] > * {
        background: var(--vr-emphasis-soft);
      }
      tr[data-mover] > :first-child {
        box-shadow: inset 4px 0 0 var(--vr-emphasis);
      }
      tr[data-mover] .vendor {
        font-weight: 700;
      }
      .moves {
        display: block;
        font-size: 0.75rem;
        font-weight: 600;
        color: var(--vr-emphasis);
      }
      vr-band-badge {
        font-size: 0.8rem;
      }
      @media (max-width: 1100px) {
        .columns {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) rankings?: Rankings;
  /** What the columns differ by, in the sentence above them: a decay policy, or a methodology version. */
  @property() noun = 'policy';

  override render() {
    const r = this.rankings;
    if (!r) return nothing;
    if (r.columns.every((c) => c.rows.length === 0)) return html`<p class="movers">No vendor is engaged on this day: nothing to rank.</p>`;
    const movers = new Map(r.movers.map((m) => [m.vendorId, m]));
    return html`<p class="movers">${this._sentence(r.movers)}</p>
      <div class="columns" style=${styleMap({ '--cols': String(r.columns.length) })}>${r.columns.map((c) => this._column(c, movers))}</div>`;
  }

  private _sentence(movers: readonly Mover[]) {
    if (movers.length === 0) return `On this day every vendor ranks the same under every ${this.noun}.`;
    const parts = movers.map((m) => `${m.name} (${ordinal(m.highest.rank)} under ${m.highest.policy}, ${ordinal(m.lowest.rank)} under ${m.lowest.policy})`);
    return html`The choice of ${this.noun} moves these vendors most: <strong>${listNames(parts)}</strong>. They are marked in every column.`;
  }

  private _column(c: RankingColumn, movers: ReadonlyMap<number, Mover>) {
    return html`<table data-policy=${c.policy} ?data-in-force=${c.inForce}>
      <caption>${c.policy}${c.inForce ? html`<span class="tag">in force</span>` : nothing}</caption>
      <thead>
        <tr>
          <th scope="col" class="rank">Rank</th>
          <th scope="col">Vendor</th>
          <th scope="col" class="risk">Risk</th>
          <th scope="col" class="band">Band</th>
        </tr>
      </thead>
      <tbody>
        ${c.rows.map((row) => {
          const m = movers.get(row.vendorId);
          return html`<tr data-vendor-id=${row.vendorId} ?data-mover=${!!m}>
            <td class="rank">${row.rank}</td>
            <th scope="row" class="vendor">${row.name}${m ? html`<span class="moves">moves ${m.spread} places</span>` : nothing}</th>
            <td class="risk">${points(row.risk)}</td>
            <td class="band"><vr-band-badge .band=${row.band}></vr-band-badge></td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-ranking': MethodologyRanking;
  }
}
