/**
 * Styles of <vr-trend-heatmap>: the portfolio heatmap's look (same row height, swatches, sticky
 * header row and vendor column in a scrolling box), plus the live column and the change column.
 */
import { css } from 'lit';
import { controls, srOnly } from '../styles/shared.ts';

export const ROW_HEIGHT = 34;
/** A quarter's swatch stretches with its column, down to this width (then the box scrolls sideways). */
export const SWATCH = { width: 60, height: 26 } as const;
/** Widths of the vendor, tier and change columns. */
const COL = { vendor: 200, tier: 56, delta: 150 } as const;
export const TABLE_FIXED = COL.vendor + COL.tier + COL.delta;

export const trendStyles = [
  srOnly,
  controls,
  css`
    :host {
      display: block;
    }
    .scroller {
      position: relative;
      overflow: auto;
      max-height: max(360px, calc(100vh - 120px));
      border-top: 1px solid var(--vr-line);
    }
    table {
      width: 100%;
      table-layout: fixed;
      border-collapse: separate;
      border-spacing: 0;
      font-size: 0.93rem;
    }
    col.c-vendor {
      width: ${COL.vendor}px;
    }
    col.c-tier {
      width: ${COL.tier}px;
    }
    col.c-delta {
      width: ${COL.delta}px;
    }
    /* A phone: the sticky vendor column gives the quarters room. */
    @media (max-width: 640px) {
      col.c-vendor {
        width: 130px;
      }
      col.c-tier {
        width: 44px;
      }
    }
    thead th {
      position: sticky;
      top: 0;
      z-index: 2;
      background: var(--vr-surface);
      border-bottom: 2px solid var(--vr-line-strong);
      padding: 8px 6px 6px;
      vertical-align: bottom;
      text-align: left;
      font-size: 0.86rem;
      font-weight: 600;
      line-height: 1.2;
    }
    thead th.num {
      text-align: right;
    }
    thead th.q {
      text-align: center;
    }
    thead th.vendor {
      left: 0;
      z-index: 3;
      padding-left: 8px;
    }
    .qname {
      display: block;
      white-space: nowrap;
    }
    .state {
      display: inline-block;
      margin-top: 3px;
      padding: 0 6px;
      border-radius: 999px;
      font-size: 0.7rem;
      font-weight: 600;
      letter-spacing: 0.02em;
      color: var(--vr-ink-muted);
      border: 1px solid var(--vr-line-strong);
    }
    th.live .state {
      color: var(--vr-accent);
      border: 1px dashed var(--vr-accent);
      background: var(--vr-accent-soft);
    }
    tbody th.vendor {
      position: sticky;
      left: 0;
      z-index: 1;
      background: var(--vr-surface);
    }
    th.vendor {
      box-shadow: inset -1px 0 0 var(--vr-line);
    }
    tbody tr {
      height: ${ROW_HEIGHT}px;
      cursor: pointer;
    }
    tbody tr:not(.spacer):hover > *,
    tbody tr:focus > * {
      background: var(--vr-accent-soft);
    }
    tbody tr:focus-visible {
      outline: 3px solid var(--vr-focus);
      outline-offset: -3px;
    }
    tbody th,
    tbody td {
      height: ${ROW_HEIGHT}px;
      padding: 0 8px;
      border-bottom: 1px solid var(--vr-line);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      font-weight: 400;
      text-align: left;
    }
    tr.spacer td {
      padding: 0;
      border: 0;
    }
    /* Movers carry a bar on the left edge as well as their badge. */
    tr.mover th.vendor {
      box-shadow:
        inset 4px 0 0 var(--vr-ink),
        inset -1px 0 0 var(--vr-line);
    }
    .vendor a {
      font-weight: 600;
      color: var(--vr-ink);
      text-decoration: none;
    }
    .vendor a:hover {
      text-decoration: underline;
    }
    td.num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    td.heat {
      padding: 0 3px;
      text-align: center;
      line-height: 0;
    }
    td.heat.live {
      background: repeating-linear-gradient(135deg, transparent 0 6px, var(--vr-accent-soft) 6px 8px);
    }
    td.heat svg {
      display: inline-block;
      vertical-align: middle;
    }
    td.heat text {
      font-family: var(--vr-font);
      font-size: 12px;
      font-weight: 600;
      text-anchor: middle;
      font-variant-numeric: tabular-nums;
    }
    td.delta {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    td.delta .arrow {
      display: inline-block;
      width: 1em;
      font-size: 0.8em;
    }
    td.delta.flat {
      color: var(--vr-ink-muted);
      font-weight: 400;
    }
    .mover-badge {
      margin-left: 8px;
      padding: 0 7px;
      border-radius: 999px;
      border: 1.5px solid var(--vr-ink);
      font-size: 0.72rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
  `,
];
