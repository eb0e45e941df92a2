/** Styles of <vr-app>: the header bar, the page column and the footer. */
import { css } from 'lit';

export const appStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 16px;
    padding: 0 32px;
    height: 56px;
    background: #14213d;
    color: #fff;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 10px;
    color: #fff;
    font-weight: 700;
    font-size: 1.2rem;
    letter-spacing: 0.01em;
    text-decoration: none;
  }
  .mark {
    width: 18px;
    height: 18px;
    border-radius: 4px;
    background: linear-gradient(135deg, #fcd48a 0%, #e8596b 50%, #3b0f70 100%);
  }
  .tagline {
    color: #c7cfdd;
    font-size: 0.9rem;
    border-left: 1px solid #3c4a66;
    padding-left: 16px;
  }
  nav {
    margin-left: auto;
  }
  nav a {
    color: #fff;
    text-decoration: none;
    padding: 6px 10px;
    border-radius: 4px;
  }
  nav a[aria-current='page'] {
    background: rgb(255 255 255 / 14%);
  }
  .bar :focus-visible {
    outline-color: #9cc3ff;
  }
  main {
    flex: 1;
    width: 100%;
    max-width: 1440px;
    margin: 0 auto;
    padding: 24px 32px 40px;
  }
  main:focus {
    outline: none;
  }
  footer {
    padding: 16px 32px;
    border-top: 1px solid var(--vr-line);
    color: var(--vr-ink-muted);
    font-size: 0.82rem;
    background: var(--vr-surface);
  }
  /* Narrow screens: the tagline gives way to the menu. */
  @media (max-width: 760px) {
    .bar {
      padding: 0 16px;
      gap: 8px;
    }
    .tagline {
      display: none;
    }
    main {
      padding: 16px;
    }
  }
`;
