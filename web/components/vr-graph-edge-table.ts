/**
 * Every arrangement of the supply-chain graph as a table row: the graph's text equivalent, for
 * screen readers and for a window too narrow to read the drawing. It always lists them all,
 * ended ones included (the graph's toggle only declutters the drawing).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SupplyChain } from '../api/client.ts';
import { ACCESS_LEVEL_LABEL } from '../format.ts';
import { card, controls, dataTable, stickyFirstColumn, tableBox } from '../styles/shared.ts';

type Node = SupplyChain['nodes'][number];

@customElement('vr-graph-edge-table')
export class GraphEdgeTable extends LitElement {
  static override styles = [
    card,
    controls,
    dataTable,
    tableBox,
    stickyFirstColumn,
    css`
      table {
        min-width: 720px;
      }
      tr[data-ended] td,
      tr[data-ended] th {
        color: var(--vr-ink-muted);
      }
      .serves {
        display: block;
        font-size: 0.78rem;
        font-weight: 700;
        color: var(--vr-critical);
      }
    `,
  ];

  @property({ attribute: false }) data?: SupplyChain;

  override render() {
    const d = this.data;
    if (!d) return html``;
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    const name = (id: string) => byId.get(id)?.name ?? id;
    const rows = [...d.edges].sort((a, b) => name(a.source).localeCompare(name(b.source)) || name(a.target).localeCompare(name(b.target)));
    const ended = rows.filter((e) => !e.active).length;
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Every arrangement <span class="muted">(${rows.length}, ${ended} ended)</span></h2>
      <p class="muted">The graph as a table: who relies on whom, for what, and how far into customer tenants they reach.</p>
      <div class="scroll" role="region" aria-label="Arrangements table" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col">Our vendor</th>
              <th scope="col">Subprocessor</th>
              <th scope="col">Function</th>
              <th scope="col">Access to customer tenants</th>
              <th scope="col">Delivered</th>
              <th scope="col">In place on ${d.asOf}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.length === 0 ? html`<tr><td colspan="6" class="muted">No arrangement is on record for any of our vendors.</td></tr>` : nothing}
            ${rows.map(
              (e) => html`<tr data-source=${e.source} data-target=${e.target} data-subprocessor-id=${e.subprocessorId} ?data-ended=${!e.active}>
                <th scope="row">${this._name(byId.get(e.source), e.source)}</th>
                <td>${this._name(byId.get(e.target), e.target)}</td>
                <td>${e.function}</td>
                <td>${ACCESS_LEVEL_LABEL[e.accessLevel]}</td>
                <td>${e.outsourced ? 'Outsourced' : 'In-house'}</td>
                <td>${e.active ? 'Yes' : 'No, ended'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private _name(n: Node | undefined, id: string) {
    if (!n) return id;
    const label = n.vendorId !== null ? html`<a href=${`/vendors/${n.vendorId}`}>${n.name}</a>` : n.name;
    return html`${label}${n.concentration ? html`<span class="serves">serves ${n.serves} of our vendors</span>` : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-graph-edge-table': GraphEdgeTable;
  }
}
