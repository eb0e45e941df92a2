/** Layout shared by the pages: the title row and its controls. */
import { css } from 'lit';

export const pageStyles = css`
  :host {
    display: block;
  }
  .page-head {
    display: flex;
    align-items: flex-end;
    justify-content: space-between;
    gap: 24px;
    flex-wrap: wrap;
    margin: 0 0 16px;
  }
  h1 {
    font-size: 1.7rem;
    line-height: 1.2;
    margin: 0 0 4px;
  }
  .lede {
    margin: 0;
    color: var(--vr-ink-muted);
    max-width: 70ch;
  }
  .loading {
    color: var(--vr-ink-muted);
    padding: 24px 0;
  }
  [aria-busy='true'] {
    opacity: 0.6;
    transition: opacity 0.2s;
  }
`;
