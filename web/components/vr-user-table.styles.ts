/** Styles of <vr-user-table>: the inline role editor and small buttons that fit a table row. */
import { css } from 'lit';

export const userTableStyles = css`
  .role-edit {
    display: inline-flex;
    align-items: center;
    gap: 8px;
  }
  select {
    padding: 3px 6px;
    border: 1px solid var(--vr-line-strong);
    border-radius: 4px;
    background: var(--vr-surface);
    font: inherit;
    color: inherit;
  }
  button.small {
    padding: 3px 12px;
    font-size: 0.85rem;
  }
  td {
    vertical-align: middle;
  }
`;
