/** Styles of the supply-chain graph: quiet edges, nodes by shape (vendor circle, provider square), a visible focus ring. */
import { css } from 'lit';

export const supplyChainStyles = css`
  :host {
    display: block;
    min-height: 1px;
    position: relative;
    overflow-x: auto;
  }
  .placeholder {
    height: 380px;
  }
  .empty {
    color: var(--vr-ink-muted);
    padding: 24px 0;
    margin: 0;
  }
  svg {
    display: block;
  }
  .bg {
    fill: transparent;
  }
  .edge {
    stroke-linecap: butt;
  }
  .edge.ended {
    opacity: 0.3;
  }
  .edge[data-related] {
    opacity: 1;
    filter: drop-shadow(0 0 2px rgb(31 111 235 / 55%));
  }
  .node {
    cursor: pointer;
    outline: none;
  }
  .shape.vendor {
    fill: var(--vr-accent-soft);
    stroke: var(--vr-accent);
    stroke-width: 2;
  }
  .shape.sub {
    fill: var(--vr-surface);
    stroke: var(--vr-ink);
    stroke-width: 2;
  }
  .node.ended .shape {
    opacity: 0.45;
  }
  /* Faded by colour, not opacity: the words must keep 4.5:1. */
  .node-label.ended .label {
    fill: var(--vr-ink-muted);
    font-weight: 400;
    font-style: italic;
  }
  .node.ended .shape {
    stroke-dasharray: 3 2;
  }
  .ring {
    fill: none;
    stroke: var(--vr-critical);
    stroke-width: 2.5;
    stroke-dasharray: 4 2;
  }
  .focus {
    fill: none;
    stroke: none;
  }
  .node:focus-visible .focus {
    stroke: var(--vr-focus);
    stroke-width: 3;
  }
  .selected {
    fill: rgb(31 111 235 / 12%);
    stroke: var(--vr-focus);
    stroke-width: 2;
  }
  .node:hover .shape {
    stroke-width: 3;
  }
  text {
    font-family: var(--vr-font);
    pointer-events: none;
  }
  .label {
    font-size: 11.5px;
    font-weight: 600;
    fill: var(--vr-ink);
    paint-order: stroke;
    stroke: var(--vr-surface);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .serves {
    font-size: 11px;
    font-weight: 700;
    fill: var(--vr-critical);
    paint-order: stroke;
    stroke: var(--vr-surface);
    stroke-width: 3px;
  }
`;
