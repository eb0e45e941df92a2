/**
 * Styles of <vr-heatmap>, apart from its logic. Rows have one fixed height: the row window depends
 * on it. The table scrolls in its own box (.scroller), the header row sticks to its top and the
 * vendor column to its left edge; narrow screens scroll the box sideways, never the page. Below
 * 640 px the vendor column narrows and Risk and Band stick to the right edge, so a phone shows a
 * vendor's name and verdict while the factor columns scroll between them. `density="compact"`
 * draws shorter rows (heatmap.density.ts holds the heights the row window computes with).
 */
import { css } from 'lit';
import { controls, srOnly } from '../styles/shared.ts';
import { heatGrid } from './heat-grid.styles.ts';

import { DENSITY_SIZES } from './heatmap.density.ts';

const COMPACT = DENSITY_SIZES.compact.rowHeight;

export const heatmapStyles = [
  srOnly,
  controls,
  heatGrid,
  css`
    table {
      /* Below this the box scrolls sideways rather than crush the columns; the vendor column stays. */
      min-width: 1260px;
    }
    col.c-vendor {
      width: auto;
    }
    col.c-tier {
      width: 56px;
    }
    col.c-factor {
      width: 110px;
    }
    col.c-num {
      width: 90px;
    }
    col.c-risk {
      width: 74px;
    }
    /* Wide enough for the longest band, "Not assessed". */
    col.c-band {
      width: 124px;
    }
    col.c-conf {
      width: 100px;
    }
    @media (max-width: 640px) {
      table {
        /* Every column at its width: the vendor, tier, factors, likelihood and impact, risk, band, confidence. */
        min-width: calc(100px + 48px + var(--factors, 5) * 104px + 2 * 84px + 68px + 116px + 96px);
      }
      col.c-vendor {
        width: 100px;
      }
      col.c-tier {
        width: 48px;
      }
      col.c-factor {
        width: 104px;
      }
      col.c-num {
        width: 84px;
      }
      col.c-risk {
        width: 68px;
      }
      col.c-band {
        width: 116px;
      }
      col.c-conf {
        width: 96px;
      }
      .vendor .category {
        display: none;
      }
      /* Risk and Band stay at the right edge of the box while the factors scroll beneath them. */
      th.risk,
      td.risk,
      th.band,
      td.band {
        position: sticky;
        background: var(--vr-surface);
      }
      th.risk,
      td.risk {
        right: 116px;
        box-shadow: inset 1px 0 0 var(--vr-line);
      }
      th.band,
      td.band {
        right: 0;
      }
      tbody td.risk,
      tbody td.band {
        z-index: 1;
      }
      thead th.risk,
      thead th.band {
        z-index: 3;
      }
    }
    /* Compact: shorter rows and swatches, smaller type, the header's labels on less padding. */
    :host([density='compact']) table {
      font-size: 0.86rem;
    }
    :host([density='compact']) tbody tr,
    :host([density='compact']) tbody th,
    :host([density='compact']) tbody td {
      height: ${COMPACT}px;
    }
    :host([density='compact']) tbody th,
    :host([density='compact']) tbody td {
      padding: 0 6px;
    }
    :host([density='compact']) td.heat {
      padding: 0 2px;
    }
    :host([density='compact']) td.heat text {
      font-size: 11.5px;
    }
    :host([density='compact']) th button {
      padding: 4px 6px 3px;
      font-size: 0.8rem;
    }
    :host([density='compact']) td.risk .inherent {
      display: inline;
      margin-left: 4px;
    }
    thead th {
      padding: 0;
    }
    thead th.factor {
      text-align: center;
    }
    th button {
      all: unset;
      box-sizing: border-box;
      display: flex;
      align-items: flex-end;
      gap: 4px;
      width: 100%;
      padding: 8px 8px 6px;
      font-weight: 600;
      font-size: 0.86rem;
      color: var(--vr-ink);
      cursor: pointer;
      line-height: 1.2;
    }
    th.num button {
      justify-content: flex-end;
    }
    th.factor button {
      justify-content: center;
      text-align: center;
    }
    th button:hover {
      background: var(--vr-canvas);
    }
    th button:focus-visible {
      outline: 3px solid var(--vr-focus);
      outline-offset: -3px;
    }
    .label .sub {
      display: block;
      font-weight: 400;
      font-size: 0.75rem;
      color: var(--vr-ink-muted);
    }
    .arrow {
      color: var(--vr-ink-faint);
      font-size: 0.7rem;
      padding-bottom: 2px;
    }
    .arrow.on {
      color: var(--vr-accent);
    }
    tbody tr:not(.spacer):hover > *,
    tbody tr:focus-within > * {
      background: var(--vr-accent-soft);
    }
    tbody tr > :focus-visible {
      outline: 3px solid var(--vr-focus);
      outline-offset: -3px;
      border-radius: 0;
    }
    .vendor .category {
      margin-left: 8px;
      color: var(--vr-ink-muted);
      font-size: 0.82rem;
    }
    td.risk {
      font-weight: 700;
    }
    /* A residual risk that rests on priors is no rating: muted, with the inherent risk under it. */
    td.risk.not-assessed {
      font-weight: 400;
      font-style: italic;
      color: var(--vr-ink-muted);
      line-height: 1.1;
    }
    td.risk .inherent {
      display: block;
      font-size: 0.72rem;
      font-style: normal;
    }
    td.heat {
      padding: 0 2px;
    }
    td.heat text {
      font-size: 12.5px;
    }
    td.heat text.unknown {
      font-weight: 400;
      font-style: italic;
      font-size: 11.5px;
    }
    .hatch {
      stroke: var(--vr-unknown-stroke);
      stroke-width: 1.25;
    }
    .frame {
      fill: none;
      stroke: var(--vr-unknown-frame);
      stroke-dasharray: 3 2;
    }
    /* The layout's colours are for a light page; CSS (which wins over SVG attributes) adapts an unknown cell to the scheme. */
    td.heat[data-unknown] rect.swatch {
      fill: var(--vr-unknown-fill);
    }
    td.heat[data-unknown] text {
      fill: var(--vr-unknown-ink);
    }
    /* The tooltip (it renders into its own light DOM, so these rules reach it). */
    vr-heatmap-tooltip {
      position: fixed;
      top: 0;
      left: 0;
      z-index: 20;
      display: flex;
      flex-direction: column;
      gap: 2px;
      max-width: min(360px, calc(100vw - 16px));
      padding: 8px 10px;
      border-radius: 4px;
      background: var(--vr-tip);
      color: var(--vr-tip-ink);
      border: 1px solid var(--vr-bar-line);
      font-size: 0.82rem;
      line-height: 1.35;
      box-shadow: 0 4px 14px rgb(16 24 40 / 22%);
      /* The pointer passes through, so it never hides the cell next to the one it describes. */
      pointer-events: none;
    }
    vr-heatmap-tooltip[hidden] {
      display: none;
    }
    vr-heatmap-tooltip strong {
      font-weight: 700;
    }
    vr-heatmap-tooltip span {
      color: var(--vr-tip-muted);
    }
  `,
];
