import { css } from 'lit';

export const watchRulesStyles = css`
  :host {
    display: block;
  }
  .rules {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  form.rule {
    border: 1px solid var(--border, #c9ced6);
    border-radius: 6px;
    padding: 0.75rem 1rem;
  }
  form.rule h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: flex-start;
  }
  .checks-row {
    margin: 0.5rem 0;
  }
  .actions,
  form.add {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-end;
  }
  form.add {
    margin-top: 1rem;
  }
`;
