/** Styles of <vr-condition-list>: one card per condition, its facts, its actions and its small form. */
import { css } from 'lit';

export const conditionListStyles = css`
  :host {
    display: block;
  }
  ul.conditions {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  li.condition {
    padding: 10px 14px;
    border: 1px solid var(--vr-line);
    border-left-width: 5px;
    border-radius: var(--vr-radius);
  }
  /* The stripe echoes the state's pill; the pill's word carries it. */
  li.condition[data-state='open'] {
    border-left-color: var(--vr-accent);
  }
  li.condition[data-state='met'] {
    border-left-color: var(--vr-fact);
  }
  li.condition[data-state='waived'] {
    border-left-style: dashed;
    border-left-color: var(--vr-line-strong);
  }
  .cond-head {
    display: flex;
    align-items: baseline;
    gap: 10px;
    margin: 0 0 6px;
  }
  .text {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
    gap: 4px 16px;
    margin: 0 0 8px;
    font-size: 0.88rem;
  }
  dl > div {
    min-width: 0;
  }
  dt {
    color: var(--vr-ink-muted);
    font-size: 0.8rem;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  dl > div.wide {
    grid-column: 1 / -1;
  }
  .late {
    font-weight: 700;
    color: var(--vr-danger);
  }
  .editor {
    margin: 8px 0 0;
    padding: 12px 14px 0;
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    background: var(--vr-panel);
  }
  .editor .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
    gap: 0 14px;
  }
  .editor .actions {
    margin: 0 0 12px;
  }
  .field input[type='date'] {
    max-width: 16em;
  }
`;
