/** Styles of the compare tables: a column per vendor, wide enough to read; sideways scrolling on a narrow window. */
import { css } from 'lit';
import { tableBox } from '../styles/shared.ts';

export const compareTableStyles = css`
  ${tableBox}
  .intro {
    margin: 0 0 12px;
    font-size: 0.88rem;
    max-width: 100ch;
  }
  table {
    width: 100%;
    min-width: calc(170px + var(--cols, 2) * 230px);
    border-collapse: collapse;
    table-layout: fixed;
    font-size: 0.88rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 10px 12px;
    border-bottom: 1px solid var(--vr-line);
  }
  thead th,
  .corner {
    border-bottom: 2px solid var(--vr-line-strong);
  }
  .corner,
  tbody th {
    width: 170px;
  }
  /* The row names stay in view while the vendors' columns scroll sideways on a narrow window. */
  .corner,
  tbody th {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--vr-surface);
  }
  @media (max-width: 760px) {
    .corner,
    tbody th {
      width: 120px;
    }
    table {
      min-width: calc(120px + var(--cols, 2) * 210px);
    }
  }
  thead th a {
    font-size: 1.05rem;
    font-weight: 700;
  }
  .cat,
  th small {
    display: block;
    font-size: 0.78rem;
    font-weight: 400;
    color: var(--vr-ink-muted);
  }
  tbody th {
    font-weight: 600;
  }
  tbody.factors tr:first-child > * {
    border-top: 2px solid var(--vr-line-strong);
  }
  tbody.summary td {
    font-size: 1rem;
    font-weight: 600;
  }
  .big {
    font-size: 1.5rem;
    font-weight: 700;
    margin-right: 6px;
    vertical-align: middle;
  }
  /* A residual risk resting on priors is no rating: muted. */
  .big.provisional {
    font-weight: 400;
    font-style: italic;
    color: var(--vr-ink-muted);
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .score {
    margin: 0 0 6px;
  }
  .swatch {
    display: inline-block;
    min-width: 3.4em;
    padding: 2px 8px;
    border-radius: 4px;
    text-align: center;
    font-weight: 700;
    border: 1px solid rgb(0 0 0 / 10%);
  }
  .swatch.unknown {
    font-weight: 600;
    font-style: italic;
    color: var(--vr-ink);
    background: repeating-linear-gradient(135deg, var(--vr-hatch-a) 0 4px, var(--vr-hatch-b) 4px 6px);
    border: 1px dashed var(--vr-medium-line);
  }
  .small {
    font-size: 0.82rem;
    margin: 0 0 6px;
  }
  .contribs {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
    display: grid;
    gap: 3px;
  }
  .contribs li {
    display: grid;
    grid-template-columns: 3.6em minmax(0, 1fr);
    gap: 6px;
    line-height: 1.3;
  }
  .contribs .pts {
    text-align: right;
    font-weight: 600;
  }
  .contribs .more {
    display: block;
    padding-left: calc(3.6em + 6px);
    font-size: 0.8rem;
  }
  .evidence {
    font-size: 0.8rem;
    line-height: 1.4;
    padding: 6px 8px;
    border-radius: 4px;
    background: var(--vr-canvas);
    overflow-wrap: anywhere;
  }
  .evidence[data-none] {
    background: repeating-linear-gradient(135deg, var(--vr-hatch-a) 0 4px, var(--vr-hatch-b) 4px 8px);
    border: 1px dashed var(--vr-line-strong);
  }
  .evidence .label {
    font-weight: 700;
    color: var(--vr-ink-muted);
  }
  .evidence .age {
    font-weight: 700;
  }
  .evidence .source,
  .evidence .note {
    display: block;
    color: var(--vr-ink-muted);
  }
`;
