/** Styles of <vr-vendor-page>: the title row, the score beside the relationship, the stacked sections and the procurement review. */
import { css } from 'lit';

export const vendorPageStyles = css`
  .back {
    display: inline-block;
    margin: 0 0 12px;
    font-size: 0.9rem;
  }
  .sub {
    margin: 0;
    color: var(--vr-ink-muted);
    overflow-wrap: anywhere;
  }
  .head-tools {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 8px;
  }
  .paper {
    margin: 0;
    display: flex;
    gap: 12px;
    font-size: 0.9rem;
  }
  /* A section the menu moved focus to: the focus is shown by the menu's mark, not a ring around the whole card. */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
  .top {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 20px;
    margin-bottom: 20px;
    align-items: start;
  }
  .stack + .stack,
  .stack + vr-what-if-panel,
  vr-what-if-panel + .stack {
    margin-top: 20px;
  }
  /* The procurement review: one card, its parts (status, conditions, decisions, the form) set apart by rules. */
  section.reviews {
    margin-top: 20px;
    background: var(--vr-surface);
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    box-shadow: var(--vr-shadow);
    padding: 16px 24px;
  }
  section.reviews + vr-what-if-panel {
    margin-top: 20px;
  }
  section.reviews > h2 {
    font-size: 1.15rem;
    margin: 0 0 12px;
  }
  section.reviews > * + :not(h2) {
    margin-top: 16px;
    padding-top: 16px;
    border-top: 1px solid var(--vr-line);
  }
  section.reviews > h2 + * {
    margin-top: 0;
    padding-top: 0;
    border-top: 0;
  }
  section.reviews .muted {
    color: var(--vr-ink-muted);
    margin-bottom: 0;
  }
  @media (max-width: 640px) {
    section.reviews {
      padding: 12px 14px;
    }
  }
  @media (max-width: 900px) {
    .top {
      grid-template-columns: 1fr;
    }
  }
`;
