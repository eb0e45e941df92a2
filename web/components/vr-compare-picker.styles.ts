/** Styles of <vr-compare-picker>: chips for the chosen vendors, a search with its matches as a list of buttons. */
import { css } from 'lit';

export const comparePickerStyles = css`
  :host {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 12px 32px;
  }
  h2 {
    font-size: 1rem;
    margin: 0 0 8px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chosen {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 3px 4px 3px 12px;
    border: 1px solid var(--vr-line-strong);
    border-radius: 999px;
    background: var(--vr-accent-soft);
    font-weight: 600;
  }
  .chip button {
    border: 0;
    background: transparent;
    border-radius: 999px;
    width: 26px;
    height: 26px;
    cursor: pointer;
    font-size: 1.1rem;
    line-height: 1;
    color: var(--vr-ink-muted);
  }
  .chip button:hover {
    background: rgb(0 0 0 / 8%);
    color: var(--vr-ink);
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
  input {
    width: 100%;
    max-width: 360px;
    padding: 6px 10px;
    border: 1px solid var(--vr-line-strong);
    border-radius: 4px;
    background: var(--vr-surface);
  }
  .hint,
  .none {
    margin: 6px 0 0;
    font-size: 0.85rem;
    color: var(--vr-ink-muted);
  }
  .results {
    margin-top: 6px;
    max-width: 360px;
    border: 1px solid var(--vr-line);
    border-radius: 4px;
  }
  .results li + li {
    border-top: 1px solid var(--vr-line);
  }
  .results button {
    display: flex;
    width: 100%;
    justify-content: space-between;
    gap: 12px;
    padding: 6px 10px;
    border: 0;
    background: var(--vr-surface);
    text-align: left;
    cursor: pointer;
  }
  .results button:hover {
    background: var(--vr-accent-soft);
  }
  .results .cat {
    color: var(--vr-ink-muted);
    font-size: 0.85rem;
  }
  @media (max-width: 760px) {
    :host {
      grid-template-columns: 1fr;
    }
  }
`;
