/** What the account and admin tables add to the shared data table: badges, muted rows, a right-hand action column. */
import { css } from 'lit';
import { tableBox } from '../styles/shared.ts';

export const accountTable = css`
  ${tableBox}
  tbody th {
    font-weight: 600;
  }
  td.act {
    text-align: right;
    white-space: nowrap;
  }
  .badge {
    display: inline-block;
    margin-left: 6px;
    padding: 0 8px;
    border-radius: 999px;
    font-size: 0.74rem;
    font-weight: 700;
    background: var(--vr-accent-soft);
    color: var(--vr-accent);
    vertical-align: 1px;
  }
  .badge.quiet {
    background: var(--vr-canvas);
    color: var(--vr-ink-muted);
    border: 1px solid var(--vr-line);
  }
  tr.inactive th,
  tr.inactive td {
    color: var(--vr-ink-muted);
  }
  .muted {
    color: var(--vr-ink-muted);
  }
  .empty {
    margin: 0;
    font-size: 0.9rem;
    color: var(--vr-ink-muted);
  }
`;
