/** Styles of <vr-mfa-grid>: the method columns, the marked cell, and the hatch of an unknown row. */
import { css } from 'lit';
import { tableBox } from '../styles/shared.ts';

export const mfaGridStyles = css`
  ${tableBox}
  table {
    min-width: 760px;
    table-layout: fixed;
  }
  th.pop {
    width: 15%;
  }
  th.method {
    text-align: center;
  }
  tbody th {
    font-weight: 600;
  }
  tr.scale td {
    padding: 0 8px 6px;
    border-bottom: 1px solid var(--vr-line-strong);
    font-size: 0.72rem;
    color: var(--vr-ink-muted);
  }
  .scale-line {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .scale-line .arrow {
    flex: 1;
    height: 0;
    border-top: 1px solid var(--vr-line-strong);
    position: relative;
  }
  /* The arrowhead, pointing to the strong end. */
  .scale-line .arrow::after {
    content: '';
    position: absolute;
    right: -1px;
    top: -4px;
    border-left: 6px solid var(--vr-line-strong);
    border-top: 3.5px solid transparent;
    border-bottom: 3.5px solid transparent;
  }
  thead tr:first-child th {
    border-bottom: 0;
  }
  td.cell {
    text-align: center;
    border-left: 1px solid var(--vr-line);
    font-size: 0.82rem;
    line-height: 1.3;
  }
  /* The part of the scale a population has reached: a quiet band up to its cell. */
  td.cell.below {
    background: var(--vr-accent-soft);
  }
  td.cell.recorded {
    background: var(--vr-accent-soft);
    box-shadow: inset 0 0 0 2px var(--vr-accent);
  }
  td.cell .ev {
    display: block;
    margin-top: 2px;
    color: var(--vr-ink-muted);
    font-size: 0.76rem;
  }
  .mark {
    display: inline-block;
    width: 10px;
    height: 10px;
    margin-right: 4px;
    border-radius: 50%;
    border: 2px solid var(--vr-accent);
    vertical-align: -1px;
  }
  .mark.on {
    background: var(--vr-accent);
  }
  tr.no-record th,
  tr.no-record td.cell {
    background: repeating-linear-gradient(135deg, var(--vr-hatch-a) 0 5px, var(--vr-hatch-b) 5px 10px);
  }
  tr.no-record td.cell.below {
    background: repeating-linear-gradient(135deg, var(--vr-hatch-a) 0 5px, var(--vr-hatch-b) 5px 10px);
  }
  td.cell.counted {
    outline: 2px dashed var(--vr-ink-muted);
    outline-offset: -4px;
    background: var(--vr-surface);
    color: var(--vr-ink);
  }
  .unknown-tag {
    display: block;
    font-weight: 400;
    font-style: italic;
    font-size: 0.8rem;
    color: var(--vr-ink-muted);
  }
  td.source {
    font-size: 0.8rem;
    overflow-wrap: anywhere;
  }
  td.source .dates {
    display: block;
    margin-top: 2px;
    color: var(--vr-ink-muted);
  }
  /* A record not yet known (or not yet true) on the day shown: drawn, but plainly not counted. */
  tr.not-yet td.cell.recorded,
  tr.not-yet td.cell.below {
    background: var(--vr-surface);
    box-shadow: inset 0 0 0 2px var(--vr-line-strong);
    color: var(--vr-ink-muted);
  }
  tr.not-yet td.cell.below {
    box-shadow: none;
  }
  tr.not-yet .mark {
    border-style: dashed;
    border-color: var(--vr-ink-muted);
    background: transparent;
  }
  dl.notes {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 12px 0 0;
    font-size: 0.84rem;
    color: var(--vr-ink-muted);
  }
  dl.notes dt {
    font-weight: 600;
    color: var(--vr-ink);
  }
  dl.notes dd {
    margin: 0;
    max-width: 100ch;
  }
`;
