/** Styles of <vr-reviews-page>: the due list's card (head, filters, counts, table, foot) and the feed below. */
import { css } from 'lit';

export const reviewsPageStyles = css`
  .card.due {
    padding: 0;
  }
  .card-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px 16px;
    flex-wrap: wrap;
    padding: 16px 20px 12px;
  }
  .card-head h2 {
    margin: 0;
  }
  .card-head p {
    margin: 0;
    font-size: 0.88rem;
  }
  .filters {
    padding: 12px 20px;
    border-top: 1px solid var(--vr-line);
    background: var(--vr-panel);
  }
  .summary {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 8px 24px;
    padding: 12px 20px;
    border-top: 1px solid var(--vr-line);
  }
  .summary .count {
    margin: 0;
  }
  .pad {
    padding: 12px 20px;
  }
  vr-due-table {
    border-top: 1px solid var(--vr-line);
    padding: 0 12px;
  }
  .empty {
    padding: 32px 20px;
    border-top: 1px solid var(--vr-line);
    text-align: center;
  }
  .empty p {
    margin: 0 0 12px;
  }
  .foot {
    padding: 12px 20px 16px;
    margin: 0;
    font-size: 0.82rem;
    color: var(--vr-ink-muted);
    border-top: 1px solid var(--vr-line);
  }
  vr-due-feed {
    margin-top: 20px;
  }
`;
