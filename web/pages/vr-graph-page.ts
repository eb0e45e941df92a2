/**
 * The supply chain as a graph (`/graph?node=vendor:1&ended=hide&asOf=2023-10-31`): our vendors,
 * their subprocessors, who serves whom and with what access. The selected node, the ended-
 * arrangements toggle and the day live in the URL; they replace the history entry (view state,
 * like a sort) so that focus stays on the node or control that changed them.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { NavigationRequested, type AsOfChanged } from '../events.ts';
import type { GraphNodeSelected } from '../events.ts';
import { card, controls } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import '../charts/vr-supply-chain.ts';
import '../charts/vr-supply-chain-legend.ts';
import '../components/vr-as-of.ts';
import '../components/vr-error.ts';
import '../components/vr-graph-detail.ts';
import '../components/vr-graph-edge-table.ts';

/** `/graph?node=vendor:1`: like urlWith, but keeps ':' readable in node ids (URLSearchParams would write %3A). */
function graphUrl(query: Record<string, string | undefined>): string {
  const q = Object.entries(query).flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v).replace(/%3A/gi, ':')}`] : []));
  return q.length > 0 ? `/graph?${q.join('&')}` : '/graph';
}

@customElement('vr-graph-page')
export class GraphPage extends LitElement {
  static override styles = [
    card,
    controls,
    pageStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 320px;
        gap: 20px;
        align-items: start;
        margin-bottom: 20px;
      }
      .graph {
        padding-bottom: 12px;
      }
      .tools {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 16px;
        flex-wrap: wrap;
        padding-bottom: 12px;
        margin-bottom: 8px;
        border-bottom: 1px solid var(--vr-line);
      }
      .tools h2 {
        margin: 0;
      }
      vr-supply-chain-legend {
        padding-top: 12px;
        border-top: 1px solid var(--vr-line);
      }
      .toggle {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-weight: 600;
        font-size: 0.9rem;
        cursor: pointer;
      }
      .toggle input {
        width: 16px;
        height: 16px;
      }
      .isolated {
        margin: 12px 0 0;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
      .isolated a {
        white-space: nowrap;
      }
      @media (max-width: 1100px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `node` (selected node id), `ended=hide`, `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();

  private _graph = new Task(this, {
    args: () => [this.query.get('asOf') ?? ''] as const,
    task: ([asOf], { signal }) => this._api.supplyChain(asOf || undefined, { signal }),
  });

  override render() {
    const d = this._graph.value;
    const head = html`<header class="page-head">
      <div>
        <h1>Supply chain</h1>
        <p class="lede">
          Our vendors and the subprocessors behind them${d ? `, as of ${d.asOf}` : ''}. A provider serving several of our vendors is a single point
          of failure: one breach there reaches them all.
        </p>
      </div>
      <vr-as-of .value=${this.query.get('asOf') ?? ''} .effective=${d?.asOf ?? ''} @as-of-changed=${this._onAsOf}></vr-as-of>
    </header>`;
    if (this._graph.status === TaskStatus.ERROR)
      return html`${head}<vr-error heading="The supply chain could not be loaded" .error=${this._graph.error}></vr-error>`;
    if (!d) return html`${head}<p class="loading" role="status">Loading the supply chain…</p>`;
    const selected = this.query.get('node') ?? '';
    const showEnded = this.query.get('ended') !== 'hide';
    const touched = new Set(d.edges.flatMap((e) => [e.source, e.target]));
    const isolated = d.nodes.filter((n) => !touched.has(n.id)).sort((a, b) => a.name.localeCompare(b.name));
    return html`${head}
      <div class="layout" aria-busy=${this._graph.status === TaskStatus.PENDING ? 'true' : 'false'} @graph-node-selected=${this._onNode}>
        <section class="card graph" aria-labelledby="g-title">
          <div class="tools">
            <h2 id="g-title">Vendors → subprocessors</h2>
            <label class="toggle"><input type="checkbox" .checked=${showEnded} @change=${this._onEnded} /> Show ended arrangements</label>
          </div>
          <vr-supply-chain .data=${d} .selected=${selected} .showEnded=${showEnded}></vr-supply-chain>
          <vr-supply-chain-legend></vr-supply-chain-legend>
          ${
            isolated.length > 0
              ? html`<p class="isolated">
                Not drawn: ${isolated.length} vendors with no subprocessor on record (their support chain is unknown):
                ${isolated.map((n, i) => html`${i > 0 ? ', ' : nothing}<a href=${`/vendors/${n.vendorId}`}>${n.name}</a>`)}.
              </p>`
              : nothing
          }
        </section>
        <vr-graph-detail .data=${d} .selected=${selected}></vr-graph-detail>
      </div>
      <vr-graph-edge-table .data=${d}></vr-graph-edge-table>`;
  }

  protected override updated(): void {
    document.title = 'Supply chain · Vendorscope';
  }

  private _go(change: Record<string, string | undefined>): void {
    const q = { node: this.query.get('node') ?? undefined, ended: this.query.get('ended') ?? undefined, asOf: this.query.get('asOf') ?? undefined, ...change };
    this.dispatchEvent(new NavigationRequested(graphUrl(q), true));
  }

  private _onNode(e: GraphNodeSelected): void {
    e.stopPropagation();
    this._go({ node: e.nodeId || undefined });
  }

  private _onEnded(e: Event): void {
    this._go({ ended: (e.target as HTMLInputElement).checked ? undefined : 'hide' });
  }

  private _onAsOf(e: AsOfChanged): void {
    this._go({ asOf: e.asOf || undefined });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-graph-page': GraphPage;
  }
}
