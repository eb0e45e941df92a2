/**
 * The compared vendors' subprocessors, a column each, with what they have in common said first
 * in words: a provider serving several of them (one breach there reaches them all), and one
 * compared vendor sitting in another's chain. Those entries are marked with a tag that says so,
 * not by colour alone. With none in common, a "No shared subprocessors" line says so first; with no
 * subprocessor on record for any of them, that line is all there is (no panel of empty columns).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import {
  chainLinks,
  chainSentence,
  listNames,
  sharedSentence,
  sharedSubprocessors,
  type ChainLink,
  type CompareColumn,
  type SharedSubprocessor,
} from '../charts/compare.layout.ts';
import { activeAt, dayRange } from '../charts/compare.evidence.ts';
import { ACCESS_LEVEL_LABEL, partialDate } from '../format.ts';
import { card, controls } from '../styles/shared.ts';

@customElement('vr-compare-subprocessors')
export class CompareSubprocessors extends LitElement {
  static override styles = [
    card,
    controls,
    css`
      :host {
        display: block;
      }
      .callout {
        margin: 0 0 16px;
        padding: 10px 14px;
        border-radius: var(--vr-radius);
        border: 1px solid var(--vr-line);
        border-left: 5px solid var(--vr-ink-muted);
        background: var(--vr-canvas);
      }
      .callout[data-risk] {
        border-left-color: var(--vr-critical);
        background: var(--vr-critical-soft);
      }
      .callout p {
        margin: 0;
      }
      .callout p + p {
        margin-top: 4px;
      }
      .callout .sentence {
        font-weight: 600;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(var(--cols, 2), minmax(0, 1fr));
        gap: 16px;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 8px;
      }
      ul.subs {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      ul.subs li {
        padding: 8px 10px;
        border: 1px solid var(--vr-line);
        border-radius: var(--vr-radius);
        font-size: 0.88rem;
      }
      ul.subs li[data-shared],
      ul.subs li[data-chain] {
        border: 2px solid var(--vr-critical);
        background: var(--vr-critical-soft);
      }
      ul.subs li[data-ended] {
        color: var(--vr-ink-muted);
        border-style: dashed;
      }
      .name {
        font-weight: 700;
      }
      .meta {
        display: block;
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
      .tag {
        display: inline-block;
        margin-top: 4px;
        font-size: 0.75rem;
        font-weight: 700;
        padding: 1px 8px;
        border-radius: 999px;
        color: var(--vr-surface);
        background: var(--vr-critical);
      }
      .unknown {
        font-style: italic;
        color: var(--vr-ink-muted);
        font-size: 0.88rem;
      }
      @media (max-width: 760px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) columns: readonly CompareColumn[] = [];
  /** The day the comparison is for (YYYY-MM-DD): arrangements not in place then are not shared. */
  @property() asOf = '';

  override render() {
    const cols = this.columns;
    const nameOf = (id: number) => cols.find((c) => c.vendorId === id)?.name ?? `vendor #${id}`;
    const shared = sharedSubprocessors(cols, this.asOf);
    const links = chainLinks(cols, this.asOf);
    const sentences = [...shared.map((s) => sharedSentence(s, nameOf)), ...links.map((l) => chainSentence(l, nameOf))];
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Subprocessors and shared providers</h2>
      <div class="callout" ?data-risk=${sentences.length > 0}>
        ${
          shared.length === 0
            ? html`<p class="none-shared"><strong>No shared subprocessors.</strong> ${listNames(cols.map((c) => c.name))} share no subprocessor on record as of ${this.asOf}.</p>`
            : nothing
        }
        ${sentences.map((s) => html`<p class="sentence">${s}</p>`)}
      </div>
      ${
        cols.every((c) => c.subprocessors.length === 0)
          ? html`<p class="unknown" data-none-on-record>No subprocessor on record for any of them: their support chains are unknown.</p>`
          : this._grid(cols, shared, links, nameOf)
      }
    </section>`;
  }

  private _grid(cols: readonly CompareColumn[], shared: readonly SharedSubprocessor[], links: readonly ChainLink[], nameOf: (id: number) => string) {
    const sharedWith = (vendorId: number, s: Subprocessor) =>
      shared.find((x) => x.subprocessorIds.includes(s.id))?.vendorIds.filter((v) => v !== vendorId) ?? [];
    return html`<div class="grid" style=${styleMap({ '--cols': String(cols.length) })}>
        ${cols.map(
          (c) => html`<section aria-labelledby=${`v${c.vendorId}`} data-vendor-id=${c.vendorId}>
            <h3 id=${`v${c.vendorId}`}>${c.name} <span class="meta">${c.subprocessors.length} on record</span></h3>
            ${
              c.subprocessors.length === 0
                ? html`<p class="unknown">No subprocessor on record: the support chain is unknown.</p>`
                : html`<ul class="subs">
                  ${c.subprocessors.map((s) => this._item(c.vendorId, s, sharedWith(c.vendorId, s).map(nameOf), links.some((l) => l.subprocessor.id === s.id) ? nameOf(s.vendorId!) : null))}
                </ul>`
            }
          </section>`,
        )}
      </div>`;
  }

  private _item(vendorId: number, s: Subprocessor, sharedWith: readonly string[], compared: string | null) {
    const day = dayRange(this.asOf)?.first ?? 0;
    const active = activeAt(s, day);
    const ended = !active && s.until !== null && (dayRange(s.until)?.last ?? Infinity) < day;
    return html`<li data-subprocessor-id=${s.id} data-parent=${vendorId} ?data-shared=${sharedWith.length > 0} ?data-chain=${compared !== null} ?data-ended=${!active}>
      <span class="name">${s.name}</span>
      <span class="meta">${s.function} · ${s.outsourced ? 'outsourced' : 'in-house'}</span>
      <span class="meta">Access: ${ACCESS_LEVEL_LABEL[s.accessLevel]}</span>
      ${!active ? html`<span class="meta">${ended ? `Ended ${partialDate(s.until)}` : `Not in place on ${this.asOf}`}</span>` : nothing}
      ${sharedWith.length > 0 ? html`<span class="tag">Shared with ${listNames(sharedWith)}</span>` : nothing}
      ${compared ? html`<span class="tag">Compared here: ${compared}</span>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-compare-subprocessors': CompareSubprocessors;
  }
}
