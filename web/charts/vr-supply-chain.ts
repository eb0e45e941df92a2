/**
 * The supply-chain graph: the pure layout drawn as SVG. Every node is a focusable button (Tab to
 * it, Enter or Space selects it; Escape clears the selection); a click on the background clears
 * it too. Ended arrangements are drawn faded, or left out with `showEnded` off (nodes that only
 * had ended ones go with them). The edge table beside it is the text equivalent.
 *
 * @fires graph-node-selected - a node was picked, or the selection cleared ('')
 */
import { html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { SupplyChain } from '../api/client.ts';
import { WidthController } from '../controllers/resize-controller.ts';
import { ACCESS_ORDER, ACCESS_STROKE, CONCENTRATION_RING, layoutSupplyChain, type GraphNode, type SupplyChainLayout } from './supply-chain.layout.ts';
import { supplyChainStyles } from './vr-supply-chain.styles.ts';
import { darkTones } from '../styles/shared.ts';
import { GraphNodeSelected } from '../events.ts';

/** Height for a width: wide screens get a landscape box, narrow ones a taller one. */
const heightFor = (w: number) => Math.round(Math.min(560, Math.max(380, w * 0.62)));
/** Narrower than this, names would pile up: the drawing keeps this width and scrolls sideways (the table is the narrow view). */
const MIN_WIDTH = 760;

@customElement('vr-supply-chain')
export class SupplyChainGraph extends LitElement {
  static override styles = [darkTones, supplyChainStyles];

  @property({ attribute: false }) data?: SupplyChain;
  /** The selected node's id, or ''. */
  @property() selected = '';
  @property({ type: Boolean }) showEnded = true;
  private _size = new WidthController(this);
  private _cache?: { data: SupplyChain; width: number; layout: SupplyChainLayout };

  override render() {
    if (!this.data || this._size.width === 0) return html`<div class="placeholder"></div>`;
    const w = Math.max(MIN_WIDTH, this._size.width);
    const g = this._layout(this.data, w);
    if (g.nodes.length === 0)
      return html`<p class="empty">No subprocessor or support arrangement is on record for any vendor, so there is no chain to draw.</p>`;
    const edges = g.edges.filter((e) => this.showEnded || e.active);
    // Tab order by name, so keyboard users meet nodes in a predictable order.
    const nodes = g.nodes.filter((n) => this.showEnded || !n.ended).sort((a, b) => a.name.localeCompare(b.name));
    return html`<svg width=${g.width} height=${g.height} role="group" aria-label="Supply-chain graph: our vendors and their subprocessors" @click=${this._onBackground}>
      <defs>
        ${ACCESS_ORDER.map(
          (
            a,
          ) => svg`<marker id=${`arrow-${a}`} viewBox="0 0 10 10" refX="0" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
            <path class="tone-fill" d="M0,0L10,5L0,10z" fill=${ACCESS_STROKE[a].colour} style=${styleMap({ '--on-dark': ACCESS_STROKE[a].dark })}></path>
          </marker>`,
        )}
      </defs>
      <rect class="bg" width=${g.width} height=${g.height}></rect>
      <g class="edges" aria-hidden="true">
        ${edges.map(
          (e) => svg`<line class="edge tone ${e.active ? '' : 'ended'}" x1=${e.x1} y1=${e.y1} x2=${e.x2} y2=${e.y2}
            stroke=${e.stroke.colour} style=${styleMap({ '--on-dark': e.stroke.dark })} stroke-width=${e.stroke.width} stroke-dasharray=${e.stroke.dash || nothing}
            marker-end=${`url(#arrow-${e.accessLevel})`} data-source=${e.source} data-target=${e.target} data-access=${e.accessLevel}
            ?data-related=${!!this.selected && (e.source === this.selected || e.target === this.selected)}></line>`,
        )}
      </g>
      <g class="nodes">${nodes.map((n) => this._node(n))}</g>
      <g class="labels" aria-hidden="true">${nodes.map((n) => this._label(n))}</g>
    </svg>`;
  }

  private _layout(data: SupplyChain, width: number): SupplyChainLayout {
    if (this._cache?.data !== data || this._cache.width !== width) this._cache = { data, width, layout: layoutSupplyChain(data, width, heightFor(width)) };
    return this._cache.layout;
  }

  private _node(n: GraphNode) {
    const selected = n.id === this.selected;
    // A concentration node's radius includes its ring; the shape sits inside it.
    const r = n.concentration ? n.r - CONCENTRATION_RING : n.r;
    const shape =
      n.kind === 'vendor'
        ? svg`<circle class="shape vendor" r=${r}></circle>`
        : svg`<rect class="shape sub" x=${-r} y=${-r} width=${2 * r} height=${2 * r} rx="3"></rect>`;
    return svg`<g class="node ${n.ended ? 'ended' : ''}" transform="translate(${n.x},${n.y})" tabindex="0" role="button"
      aria-label=${n.description} aria-pressed=${selected ? 'true' : 'false'} data-node-id=${n.id} ?data-concentration=${n.concentration}
      @click=${(e: Event) => this._pick(e, n.id)} @keydown=${(e: KeyboardEvent) => this._onKey(e, n.id)}>
      <circle class="focus" r=${n.r + 6}></circle>
      ${selected ? svg`<circle class="selected" r=${n.r + 5}></circle>` : nothing}
      ${n.concentration ? svg`<circle class="ring" r=${n.r - 1}></circle>` : nothing}
      ${shape}
    </g>`;
  }

  /**
   * Names under (or over) the nodes, drawn apart from the node buttons: a shortened name inside a
   * button would not match its accessible name (the full name, and what the node is).
   */
  private _label(n: GraphNode) {
    const below = n.labelSide === 'below';
    return svg`<g class="node-label ${n.ended ? 'ended' : ''}" transform="translate(${n.x},${n.y})" data-node-id=${n.id}>
      <text class="label" y=${below ? n.r + 14 : -n.r - (n.concentration ? 19 : 6)} text-anchor="middle">${n.label}</text>
      ${n.concentration ? svg`<text class="serves" y=${below ? n.r + 27 : -n.r - 6} text-anchor="middle">serves ${n.serves}</text>` : nothing}
    </g>`;
  }

  private _pick(e: Event, id: string): void {
    e.stopPropagation();
    this.dispatchEvent(new GraphNodeSelected(id));
  }

  private _onKey(e: KeyboardEvent, id: string): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this._pick(e, id);
    } else if (e.key === 'Escape' && this.selected) {
      this._pick(e, '');
    }
  }

  private _onBackground(): void {
    if (this.selected) this.dispatchEvent(new GraphNodeSelected(''));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-supply-chain': SupplyChainGraph;
  }
}
