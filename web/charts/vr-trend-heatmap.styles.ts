/**
 * Styles of <vr-trend-heatmap>: the portfolio heatmap's look (same row height, swatches, sticky
 * header row and vendor column in a scrolling box), plus the live column and the change column.
 */
import { css } from 'lit';
import { controls, srOnly } from '../styles/shared.ts';
import { heatGrid } from './heat-grid.styles.ts';

export { ROW_HEIGHT } from './heat-grid.styles.ts';
/** A quarter's swatch stretches with its column, down to this width (then the box scrolls sideways). */
export const SWATCH = { width: 60, height: 26 } as const;
/** Widths of the vendor, tier and change columns. */
const COL = { vendor: 200, tier: 56, delta: 150 } as const;
export const TABLE_FIXED = COL.vendor + COL.tier + COL.delta;

export const trendStyles = [
  srOnly,
  controls,
  heatGrid,
  css`
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
      padding: 8px 6px 6px;
      font-size: 0.86rem;
      font-weight: 600;
      line-height: 1.2;
    }
    thead th.q {
      text-align: center;
    }
    thead th.vendor {
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
    tbody tr:not(.spacer):hover > *,
    tbody tr:focus > * {
      background: var(--vr-accent-soft);
    }
    tbody tr:focus-visible {
      outline: 3px solid var(--vr-focus);
      outline-offset: -3px;
    }
    /* Movers carry a bar on the left edge as well as their badge. */
    tr.mover th.vendor {
      box-shadow:
        inset 4px 0 0 var(--vr-ink),
        inset -1px 0 0 var(--vr-line);
    }
    td.heat {
      padding: 0 3px;
    }
    td.heat.live {
      background: repeating-linear-gradient(135deg, transparent 0 6px, var(--vr-accent-soft) 6px 8px);
    }
    td.heat text {
      font-size: 12px;
    }
    /* Not assessed that quarter: the grey of an unknown, a dashed edge, the residual risk in italics. */
    td.heat.not-assessed rect {
      stroke: #8a919c;
      stroke-dasharray: 3 2;
    }
    td.heat.not-assessed text {
      font-style: italic;
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
