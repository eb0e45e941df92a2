/**
 * Styles of <vr-report-page>: the title row with its controls on screen; on paper only the title,
 * over the summary's first page (the parts set their own page breaks). Its eyebrow line is the
 * sheets' (vr-report-sheet.styles.ts).
 */
import { css } from 'lit';

export const reportPageStyles = css`
  .page-head {
    align-items: flex-start;
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
