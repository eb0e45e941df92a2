/** Styles of <vr-data-page>: its three cards, the outcome lines and counts, the export link as a button. */
import { css } from 'lit';

export const dataPageStyles = css`
  .card p {
    max-width: 90ch;
  }
  .card > p {
    margin: 0 0 12px;
  }
  .note {
    padding: 8px 12px;
    border-left: 4px solid var(--vr-line-strong);
    background: var(--vr-canvas);
    border-radius: var(--vr-radius);
  }
  .status {
    margin: 0 0 8px;
    font-weight: 600;
  }
  .status:empty {
    display: none;
  }
  .attribution {
    font-size: 0.88rem;
    color: var(--vr-ink-muted);
  }
  h3[tabindex='-1']:focus {
    outline: 3px solid var(--vr-focus);
    outline-offset: 2px;
  }
  .result {
    margin-top: 12px;
    padding-top: 12px;
    border-top: 1px solid var(--vr-line);
  }
  dl.counts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 8px 16px;
    margin: 0 0 12px;
  }
  dl.counts div {
    display: flex;
    flex-direction: column-reverse;
    padding: 6px 10px;
    background: var(--vr-canvas);
    border-radius: var(--vr-radius);
  }
  dl.counts dt {
    font-size: 0.8rem;
    color: var(--vr-ink-muted);
  }
  dl.counts dd {
    margin: 0;
    font-size: 1.3rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  a.button {
    display: inline-block;
    font-weight: 600;
    padding: 7px 16px;
    border-radius: 4px;
    border: 1px solid var(--vr-accent);
    background: var(--vr-accent);
    color: var(--vr-on-accent);
    text-decoration: none;
  }
  a.button:hover {
    background: var(--vr-accent-strong);
  }
  code {
    font-family: var(--vr-font-mono);
    font-size: 0.88em;
  }
`;
