/** Layout of <vr-account-page>: password and passkeys side by side, then sessions and tokens full width. */
import { css } from 'lit';

export const accountPageStyles = css`
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: 20px;
    align-items: start;
  }
  .grid + .card,
  .card + .card {
    margin-top: 20px;
  }
  .grid > .card {
    margin: 0;
  }
  .card > p.muted {
    margin: -4px 0 14px;
    font-size: 0.9rem;
  }
  h2:focus {
    outline: none;
  }
  @media (max-width: 900px) {
    .grid {
      grid-template-columns: 1fr;
    }
  }
`;
