/**
 * Styles of <vr-reviews-page> beyond the view card (page.ts) the due list fills: its head's line
 * beside the title, the counts, the table, the feed below, and the review cadence last.
 */
import { css } from 'lit';

export const reviewsPageStyles = css`
  .card-head {
    align-items: baseline;
    gap: 8px 16px;
  }
  .card-head p {
    margin: 0;
    font-size: 0.88rem;
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
  vr-due-feed {
    margin-top: 20px;
  }
  .cadence {
    margin-top: 20px;
  }
  .cadence .pad {
    border-top: 1px solid var(--vr-line);
  }
  .cadence .words {
    margin: 0 0 6px;
    font-weight: 600;
  }
  .cadence p.muted {
    margin: 0;
    font-size: 0.88rem;
    max-width: 80ch;
  }
  vr-cadence-form {
    margin-top: 14px;
    padding-top: 14px;
    border-top: 1px solid var(--vr-line);
  }
`;
