/**
 * What the selected node of the supply-chain graph is: for one of our vendors, a link to its page
 * and its subprocessors; for any node that serves our vendors, which ones and with what access.
 * Names in the lists select that node in turn, so the chain can be walked from here.
 *
 * @fires graph-node-selected - another node was picked from a list, or the panel closed ('')
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SupplyChain } from '../api/client.ts';
import { GraphNodeSelected } from '../events.ts';
import { ACCESS_LEVEL_LABEL } from '../format.ts';
import { card, controls } from '../styles/shared.ts';

type Edge = SupplyChain['edges'][number];

@customElement('vr-graph-detail')
export class GraphDetail extends LitElement {
  static override styles = [
    card,
    controls,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: flex-start;
        gap: 8px;
      }
      .close {
        border: 1px solid var(--vr-line-strong);
        background: var(--vr-surface);
        border-radius: 4px;
        padding: 2px 10px;
        cursor: pointer;
      }
      .kind {
        margin: 0 0 10px;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
      .concentration {
        margin: 0 0 10px;
        padding: 6px 10px;
        border-left: 4px solid var(--vr-critical);
        background: var(--vr-critical-soft);
        font-size: 0.88rem;
        font-weight: 600;
      }
      ul {
        list-style: none;
        margin: 0 0 14px;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      li {
        font-size: 0.86rem;
        padding: 6px 8px;
        border: 1px solid var(--vr-line);
        border-radius: 4px;
      }
      li[data-ended] {
        border-style: dashed;
        color: var(--vr-ink-muted);
      }
      .meta {
        display: block;
        color: var(--vr-ink-muted);
        font-size: 0.8rem;
      }
      .walk {
        border: 0;
        padding: 0;
        background: none;
        color: var(--vr-accent);
        font-weight: 700;
        text-decoration: underline;
        text-underline-offset: 2px;
        text-align: left;
        cursor: pointer;
      }
      p.hint {
        margin: 0;
        color: var(--vr-ink-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) data?: SupplyChain;
  @property() selected = '';

  override render() {
    const d = this.data;
    const node = d?.nodes.find((n) => n.id === this.selected);
    if (!d || !node) {
      return html`<section class="card" aria-labelledby="t">
        <h2 id="t">Details</h2>
        <p class="hint">
          ${this.selected && d ? `Nothing in the graph is called “${this.selected}”. ` : ''}Select a node (click it, or Tab to it and press Enter) to see
          its subprocessors, the vendors it serves, and with what access.
        </p>
      </section>`;
    }
    const out = d.edges.filter((e) => e.source === node.id);
    const into = d.edges.filter((e) => e.target === node.id);
    const nameOf = (id: string) => d.nodes.find((n) => n.id === id)?.name ?? id;
    return html`<section class="card" aria-labelledby="t" data-node-id=${node.id}>
      <div class="head">
        <h2 id="t">${node.name}</h2>
        <button type="button" class="close" @click=${() => this.dispatchEvent(new GraphNodeSelected(''))}>Close</button>
      </div>
      <p class="kind">
        ${node.kind === 'vendor' ? `One of our vendors${node.tier ? `, tier ${node.tier}` : ''}` : 'A subprocessor with no vendor record of its own'}
        ${node.vendorId !== null ? html` · <a href=${`/vendors/${node.vendorId}`}>Open ${node.name}'s page</a>` : nothing}
      </p>
      ${
        node.concentration
          ? html`<p class="concentration">Serves ${node.serves} of our vendors: a concentration risk, since one breach here reaches them all.</p>`
          : nothing
      }
      ${
        out.length > 0 || node.kind === 'vendor'
          ? html`<h3>Its subprocessors (${out.length})</h3>
            ${out.length === 0 ? html`<p class="hint">None on record: its support chain is unknown.</p>` : this._list(out, (e) => e.target, nameOf)}`
          : nothing
      }
      ${into.length > 0 ? html`<h3>Serves (${node.serves} in place)</h3>${this._list(into, (e) => e.source, nameOf)}` : nothing}
    </section>`;
  }

  private _list(edges: readonly Edge[], other: (e: Edge) => string, nameOf: (id: string) => string) {
    return html`<ul>
      ${edges.map(
        (e) => html`<li data-subprocessor-id=${e.subprocessorId} ?data-ended=${!e.active}>
          <button type="button" class="walk" @click=${() => this.dispatchEvent(new GraphNodeSelected(other(e)))}>${nameOf(other(e))}</button>
          <span class="meta">${e.function} · ${e.outsourced ? 'outsourced' : 'in-house'}${e.active ? '' : ' · ended'}</span>
          <span class="meta">Access: ${ACCESS_LEVEL_LABEL[e.accessLevel]}</span>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-graph-detail': GraphDetail;
  }
}
