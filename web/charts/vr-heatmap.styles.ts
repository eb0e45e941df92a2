/**
 * Styles of <vr-heatmap>, apart from its logic. Rows have one fixed height: the row window depends
 * on it. The table scrolls in its own box (.scroller), the header row sticks to its top and the
 * vendor column to its left edge; narrow screens scroll the box sideways, never the page.
 */
import { css } from 'lit';
import { controls, srOnly } from '../styles/shared.ts';
import { heatGrid } from './heat-grid.styles.ts';

export { ROW_HEIGHT } from './heat-grid.styles.ts';

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
        min-width: 1190px;
      }
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
