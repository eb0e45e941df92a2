/**
 * What the portfolio heatmap (<vr-heatmap>) and the trend heatmap (<vr-trend-heatmap>) share: one
 * row height (their row windows depend on it), a scrolling box with the header row stuck to its top
 * and the vendor column to its left edge, and swatch cells. Each element adds its own columns, header
 * cells and hover rules after these.
 */
import { css } from 'lit';

export const ROW_HEIGHT = 34;

export const heatGrid = css`
  :host {
    display: block;
  }
  .scroller {
    position: relative;
    overflow: auto;
    /* Tall enough to read, short enough that the header row and the page's own header both fit. */
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
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--vr-surface);
    border-bottom: 2px solid var(--vr-line-strong);
    vertical-align: bottom;
    text-align: left;
  }
  thead th.num {
    text-align: right;
  }
  /* The corner stays above both sticky edges. */
  thead th.vendor {
    left: 0;
    z-index: 3;
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
    text-align: center;
    line-height: 0;
  }
  td.heat svg {
    display: inline-block;
    vertical-align: middle;
  }
  td.heat text {
    font-family: var(--vr-font);
    font-weight: 600;
    text-anchor: middle;
    font-variant-numeric: tabular-nums;
  }
`;
