/** Styles of <vr-incident-list>; also used by the other evidence lists for their section heads. */
import { css } from 'lit';
import { controls, severityTones } from '../styles/shared.ts';

export const sectionHead = css`
  .section-head {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 6px 12px;
    margin-bottom: 12px;
  }
  .section-head h2 {
    margin: 0;
  }
  .count {
    color: var(--vr-ink-muted);
    font-weight: 400;
  }
  .unknown {
    color: var(--vr-ink-muted);
    font-style: italic;
  }
  .pill {
    display: inline-block;
    font-size: 0.78rem;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--vr-canvas);
    border: 1px solid var(--vr-line);
  }
`;

export const incidentStyles = [
  controls,
  sectionHead,
  css`
    :host {
      display: block;
    }
    ol.incidents {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ol.incidents > li + li {
      margin-top: 16px;
      padding-top: 16px;
      border-top: 1px solid var(--vr-line);
    }
    h3 {
      font-size: 1.02rem;
      margin: 0 0 6px;
    }
    .badges {
      display: flex;
      gap: 6px;
      flex-wrap: wrap;
      margin: 0 0 10px;
    }
    .sev {
      font-size: 0.78rem;
      font-weight: 700;
      padding: 1px 8px;
      border-radius: 999px;
      border: 1px solid currentColor;
    }
    ${severityTones}
    dl.dates {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 8px 16px;
      margin: 0 0 8px;
      padding: 10px 12px;
      background: var(--vr-canvas);
      border-radius: var(--vr-radius);
    }
    dl.dates dt {
      font-size: 0.75rem;
      color: var(--vr-ink-muted);
    }
    dl.dates dd {
      margin: 0;
      font-weight: 600;
      font-size: 0.9rem;
    }
    .timeline {
      margin: 0 0 20px;
      padding: 0 0 16px;
      border-bottom: 1px solid var(--vr-line);
    }
    .timeline h3 {
      font-size: 0.95rem;
      margin: 0 0 8px;
    }
    vr-incident-timeline {
      margin: 0 0 12px;
    }
    .by {
      display: block;
      font-weight: 400;
      font-size: 0.8rem;
      color: var(--vr-ink-muted);
    }
    .lag {
      font-weight: 600;
      margin: 0 0 8px;
    }
    .known {
      font-size: 0.85rem;
      color: var(--vr-ink-muted);
    }
    /* Not yet known on the day shown: greyed, and said in words. */
    article.not-yet {
      color: var(--vr-ink-muted);
      border-left: 3px dashed var(--vr-line-strong);
      padding-left: 12px;
    }
    .not-yet-note {
      font-size: 0.85rem;
      font-style: italic;
    }
    p {
      margin: 0 0 8px;
      max-width: 100ch;
    }
    details {
      margin: 0 0 8px;
      font-size: 0.88rem;
    }
    summary {
      cursor: pointer;
      color: var(--vr-accent);
    }
    dl.more {
      display: grid;
      grid-template-columns: 12em 1fr;
      gap: 6px 12px;
      margin: 8px 0 0;
    }
    dl.more dt {
      font-weight: 600;
    }
    dl.more dd {
      margin: 0;
    }
    /* Where an imported incident came from, and the credit its licence asks for. */
    .imported {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 8px;
      margin: 8px 0 0;
      font-size: 0.85rem;
      color: var(--vr-ink-muted);
    }
    .tag.import {
      color: var(--vr-ink);
      background: var(--vr-canvas);
      border-style: dashed;
    }
    .imported a {
      white-space: nowrap;
    }
    .source-id {
      font-family: var(--vr-font-mono);
      font-size: 0.95em;
      overflow-wrap: anywhere;
    }
  `,
];
