/**
 * Styles of <vr-app>: the header bar, the page column and the footer. Below 1000 px the main
 * navigation folds behind a Menu button and unfolds under the bar, so nothing leaves the dark bar
 * (white text on the light canvas) and nothing scrolls the page sideways.
 */
import { css } from 'lit';

export const appStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    padding: 0 32px;
    min-height: 56px;
    background: var(--vr-bar);
    color: var(--vr-bar-ink);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 10px;
    color: var(--vr-bar-ink);
    font-weight: 700;
    font-size: 1.2rem;
    letter-spacing: 0.01em;
    text-decoration: none;
    white-space: nowrap;
  }
  .mark {
    width: 18px;
    height: 18px;
    border-radius: 4px;
    background: linear-gradient(135deg, #fcd48a 0%, #e8596b 50%, #3b0f70 100%);
  }
  .tagline {
    color: var(--vr-bar-muted);
    font-size: 0.9rem;
    border-left: 1px solid var(--vr-bar-line);
    padding-left: 16px;
    white-space: nowrap;
  }
  nav {
    margin-left: auto;
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
  }
  nav a {
    color: var(--vr-bar-ink);
    text-decoration: none;
    padding: 6px 10px;
    border-radius: 4px;
    white-space: nowrap;
  }
  nav a:hover {
    background: rgb(255 255 255 / 8%);
  }
  nav a[aria-current='page'] {
    background: rgb(255 255 255 / 16%);
    box-shadow: inset 0 -2px 0 var(--vr-bar-ink);
  }
  .nav-toggle {
    display: none;
    align-items: center;
    gap: 8px;
    margin-left: auto;
    padding: 5px 12px;
    border: 1px solid var(--vr-bar-line);
    border-radius: 4px;
    background: transparent;
    color: var(--vr-bar-ink);
    cursor: pointer;
  }
  .nav-toggle[aria-expanded='true'] {
    background: rgb(255 255 255 / 12%);
  }
  .burger,
  .burger::before,
  .burger::after {
    display: block;
    width: 14px;
    height: 2px;
    background: currentColor;
    border-radius: 1px;
  }
  .burger {
    position: relative;
  }
  .burger::before,
  .burger::after {
    content: '';
    position: absolute;
    left: 0;
  }
  .burger::before {
    top: -5px;
  }
  .burger::after {
    top: 5px;
  }
  /* The bell and the user menu, side by side at the end of the bar. */
  .account {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .bar :focus-visible {
    outline-color: var(--vr-bar-focus);
  }
  main {
    flex: 1;
    width: 100%;
    max-width: 1440px;
    margin: 0 auto;
    padding: 24px 32px 40px;
    min-width: 0;
  }
  main:focus {
    outline: none;
  }
  /* Off screen until focused: the first Tab of every page lands here. */
  .skip-link {
    position: absolute;
    left: 8px;
    top: -200px;
    z-index: 100;
    padding: 10px 16px;
    border-radius: 6px;
    border: 2px solid var(--vr-accent);
    background: var(--vr-surface);
    color: var(--vr-accent);
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  .skip-link:focus {
    top: 8px;
  }
  footer {
    padding: 16px 32px;
    border-top: 1px solid var(--vr-line);
    color: var(--vr-ink-muted);
    font-size: 0.82rem;
    background: var(--vr-surface);
  }
  @media (max-width: 1180px) {
    .tagline {
      display: none;
    }
  }
  /* The navigation folds: the Menu button shows, and the links unfold in a column under the bar. */
  @media (max-width: 1000px) {
    .nav-toggle {
      display: inline-flex;
    }
    nav {
      display: none;
      order: 10;
      flex-basis: 100%;
      flex-direction: column;
      margin: 0 0 10px;
      padding-top: 6px;
      border-top: 1px solid var(--vr-bar-line);
    }
    nav.open {
      display: flex;
    }
    nav a {
      padding: 9px 10px;
    }
  }
  @media (max-width: 760px) {
    .bar {
      padding: 0 12px;
      gap: 8px;
    }
    main {
      padding: 16px 12px 32px;
    }
    footer {
      padding: 16px 12px;
    }
  }
  /* On paper only the page shows: no bar, navigation or footer, and the page takes the printable width. */
  @media print {
    :host {
      display: block;
      min-height: 0;
    }
    .bar,
    footer,
    vr-passkey-banner {
      display: none;
    }
    main {
      max-width: none;
      padding: 0;
    }
  }
`;
