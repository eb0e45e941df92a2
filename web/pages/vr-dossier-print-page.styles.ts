/**
 * Styles of <vr-dossier-print-page>: plain tables that fit an A4 page (cells wrap, long URLs
 * break), sections that start on their own heading and keep a heading with what follows; the
 * screen-only row of actions is not printed (web/styles/print.css sets the paper).
 */
import { css } from 'lit';

export const printPageStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 16px;
    align-items: center;
    margin: 0 0 16px;
  }
  .eyebrow {
    margin: 0;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    font-size: 0.8rem;
    color: var(--vr-ink-muted);
  }
  .sub {
    margin: 2px 0;
    color: var(--vr-ink-muted);
  }
  section {
    margin: 0 0 20px;
  }
  h2 {
    font-size: 1.25rem;
    margin: 16px 0 8px;
    border-bottom: 1px solid var(--vr-line);
    padding-bottom: 4px;
  }
  h3 {
    font-size: 1rem;
    margin: 12px 0 6px;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 4px 0;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 4px 6px;
    border-bottom: 1px solid var(--vr-line);
    overflow-wrap: break-word;
  }
  thead th {
    border-bottom: 1px solid var(--vr-line-strong);
    font-weight: 600;
  }
  tbody th {
    font-weight: 500;
  }
  .pairs {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 16px;
    margin: 0;
  }
  .pairs dt {
    color: var(--vr-ink-muted);
  }
  .pairs dd {
    margin: 0;
  }
  .sources .url {
    overflow-wrap: anywhere;
  }
  /* On a phone the page is read, not printed: cells may break anywhere, so a table fits the width and never scrolls the page. */
  @media screen and (max-width: 700px) {
    th,
    td {
      overflow-wrap: anywhere;
      hyphens: auto;
      padding: 4px 3px;
    }
    .pairs {
      grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
      overflow-wrap: anywhere;
    }
  }
  @media print {
    .actions {
      display: none;
    }
    h2,
    h3 {
      break-after: avoid;
    }
    tr {
      break-inside: avoid;
    }
    .page-head {
      margin: 0 0 8px;
    }
  }
`;
