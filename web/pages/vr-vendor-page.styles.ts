/** Styles of <vr-vendor-page>: the title row, the score beside the relationship, and the stacked sections. */
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
  .top {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 20px;
    margin-bottom: 20px;
    align-items: start;
  }
  .stack > * + *,
  .stack + .stack,
  .stack + vr-what-if-panel,
  vr-what-if-panel + .stack {
    margin-top: 20px;
  }
  @media (max-width: 900px) {
    .top {
      grid-template-columns: 1fr;
    }
  }
`;
