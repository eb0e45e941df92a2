/** Layout shared by the pages: the title row and its controls, stacked sections, and the card a filtered view fills. */
import { css } from 'lit';
import { card } from './shared.ts';
import { forms } from './forms.ts';

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
  /* Sections stacked down a page. */
  .stack > * + * {
    margin-top: 20px;
  }
`;

/**
 * A card that a filtered view fills edge to edge (portfolio, matrix, trends, due list): its head
 * (the title and a line about the data), the filters on a panel, then the view, its empty state
 * (a `div.empty`) and a note at its foot, ruled apart.
 */
export const viewCard = css`
  .card {
    padding: 0;
  }
  .card-head {
    display: flex;
    align-items: flex-end;
    justify-content: space-between;
    gap: 16px;
    flex-wrap: wrap;
    padding: 16px 20px 12px;
  }
  .card-head h2 {
    margin: 0;
  }
  .card-head p {
    margin: 2px 0 0;
    font-size: 0.85rem;
  }
  .filters {
    padding: 12px 20px;
    border-top: 1px solid var(--vr-line);
    background: var(--vr-panel);
  }
  div.empty {
    padding: 32px 20px;
    border-top: 1px solid var(--vr-line);
    text-align: center;
  }
  div.empty p {
    margin: 0 0 12px;
  }
  .foot {
    padding: 12px 20px 16px;
    margin: 0;
    font-size: 0.82rem;
    color: var(--vr-ink-muted);
    border-top: 1px solid var(--vr-line);
  }
`;

/** A page around a filtered view (portfolio, matrix, trends, due list): cards, the filters' controls, the page, the view's card. */
export const viewPage = [card, forms, pageStyles, viewCard];
