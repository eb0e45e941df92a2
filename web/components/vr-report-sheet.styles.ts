/**
 * What the report's parts share: a sheet (a card on screen, a bare page on paper), its small
 * "where am I" line, compact tables, and the print rules. Shadow roots keep the document's print
 * stylesheet out, so each part carries its own `@media print`; the page breaks are set on the
 * hosts (`:host`), which sit in the document's flow. Text on paper uses the document's root size,
 * which web/styles/print.css makes smaller, so everything here is in rem.
 */
import { css } from 'lit';
import { scrollBox } from '../styles/shared.ts';

/** The small "where am I" line over a title ("Executive summary", "Appendix · lists"); the page's head has one too. */
export const eyebrow = css`
  .eyebrow {
    margin: 0 0 2px;
    font-size: 0.78rem;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--vr-ink-muted);
  }
`;

export const reportSheet = css`
  :host {
    display: block;
    margin-top: 20px;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .sheet {
    background: var(--vr-surface);
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    box-shadow: var(--vr-shadow);
    padding: var(--vr-space-4) var(--vr-space-5);
  }
  ${eyebrow}
  h2 {
    font-size: 1.2rem;
    margin: 0 0 var(--vr-space-3);
  }
  h3 {
    font-size: 1rem;
    margin: var(--vr-space-4) 0 var(--vr-space-2);
  }
  p {
    margin: 0 0 var(--vr-space-2);
  }
  .muted {
    color: var(--vr-ink-muted);
  }
  .note {
    font-size: 0.82rem;
    color: var(--vr-ink-muted);
  }
  .print-only {
    display: none;
  }
  ${scrollBox}
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.85rem;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding: 0 0 4px;
  }
  th,
  td {
    text-align: left;
    padding: 5px 6px;
    border-bottom: 1px solid var(--vr-line);
    vertical-align: top;
  }
  thead th {
    font-size: 0.76rem;
    color: var(--vr-ink-muted);
    font-weight: 600;
    border-bottom: 1px solid var(--vr-line-strong);
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .sub {
    display: block;
    font-size: 0.8rem;
    color: var(--vr-ink-muted);
  }
  .sev {
    font-weight: 700;
    white-space: nowrap;
  }
  .sev.critical {
    color: var(--vr-critical);
  }
  .sev.high {
    color: var(--vr-high);
  }
  @media print {
    :host {
      margin-top: 0;
    }
    .sheet {
      border: 0;
      border-radius: 0;
      box-shadow: none;
      padding: 0;
      background: none;
    }
    .print-only {
      display: inline;
    }
    .screen-only {
      display: none;
    }
    .scroll {
      overflow: visible;
    }
    tr,
    figure,
    .keep {
      break-inside: avoid;
    }
    h2,
    h3 {
      break-after: avoid;
    }
  }
`;
