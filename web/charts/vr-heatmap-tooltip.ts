/**
 * The heatmap's one tooltip, shown for the hovered or the focused cell. It renders into its own
 * light DOM, inside the grid's shadow root: the focused cell's `aria-describedby` can then point
 * at it and screen readers read the same words, even while it is hidden. It places itself
 * (fixed, in viewport coordinates) after each render, because only then is its size known; the
 * grid asks it to again when something scrolls.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { placeTip, type Tip } from './heatmap.tip.ts';

@customElement('vr-heatmap-tooltip')
export class HeatmapTooltip extends LitElement {
  @property({ attribute: false }) tip: Tip | null = null;
  /** The cell it describes; the tooltip hides once the cell is gone (scrolled out of the row window). */
  private _anchor: Element | null = null;

  protected override createRenderRoot() {
    return this;
  }

  /** Shows `tip` beside `anchor`. */
  show(tip: Tip, anchor: Element): void {
    this._anchor = anchor;
    this.tip = tip;
    this.hidden = false;
    this.place();
  }

  hide(): void {
    this._anchor = null;
    this.hidden = true;
  }

  get anchor(): Element | null {
    return this._anchor;
  }

  override render() {
    const t = this.tip;
    // The hidden full stops make the lines sentences when read as the focused cell's description.
    const stop = html`<span class="sr-only">. </span>`;
    return t ? html`<strong>${t.heading}</strong>${t.lines.map((l) => html`${stop}<span>${l}</span>`)}` : nothing;
  }

  protected override updated(): void {
    this.place();
  }

  /** Puts the tooltip beside its cell; hides it when the cell has left the document. */
  place(): void {
    if (this.hidden || !this._anchor) return;
    if (!this._anchor.isConnected) return this.hide();
    const a = this._anchor.getBoundingClientRect();
    const spot = placeTip(a, { width: this.offsetWidth, height: this.offsetHeight }, { width: window.innerWidth, height: window.innerHeight });
    // Direct style writes go through the CSSOM, which the app's CSP allows (no inline style attribute).
    this.style.left = `${spot.left}px`;
    this.style.top = `${spot.top}px`;
    this.dataset.side = spot.side;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-heatmap-tooltip': HeatmapTooltip;
  }
}
