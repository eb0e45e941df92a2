/**
 * Styles of <vr-report-page>: the title row with its controls on screen; on paper only the title,
 * over the summary's first page (the parts set their own page breaks).
 */
import { css } from 'lit';

export const reportPageStyles = css`
  .page-head {
    align-items: flex-start;
  }
  .eyebrow {
    margin: 0 0 2px;
    font-size: 0.78rem;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--vr-ink-muted);
  }
  .errors a {
    margin-right: 16px;
  }
  @media print {
    .page-head {
      margin: 0 0 8px;
      display: block;
    }
    h1 {
      font-size: 1.5rem;
    }
    .lede {
      display: none;
    }
    .loading {
      display: none;
    }
  }
`;
