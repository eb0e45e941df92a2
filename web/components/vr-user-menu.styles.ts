/** Styles of <vr-user-menu>: a quiet button on the dark header bar, and a white panel below it. */
import { css } from 'lit';

export const userMenuStyles = css`
  :host {
    display: block;
    position: relative;
  }
  .toggle {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 5px 10px;
    border: 1px solid var(--vr-bar-line);
    border-radius: 4px;
    background: transparent;
    color: var(--vr-bar-ink);
    cursor: pointer;
  }
  .toggle:hover,
  .toggle[aria-expanded='true'] {
    background: rgb(255 255 255 / 12%);
  }
  .toggle:focus-visible {
    outline-color: var(--vr-bar-focus);
  }
  .email {
    max-width: 32vw;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .role {
    font-size: 0.75rem;
    font-weight: 700;
    padding: 0 7px;
    border-radius: 999px;
    background: var(--vr-bar-ink);
    color: var(--vr-bar);
  }
  .caret {
    width: 0;
    height: 0;
    border-left: 4px solid transparent;
    border-right: 4px solid transparent;
    border-top: 5px solid currentColor;
  }
  /* On a narrow screen the role stands for the account (the e-mail is still read out). */
  @media (max-width: 560px) {
    .email {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
  .panel {
    position: absolute;
    right: 0;
    top: calc(100% + 6px);
    z-index: 10;
    min-width: 260px;
    padding: 12px 0 8px;
    background: var(--vr-surface);
    color: var(--vr-ink);
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    box-shadow: 0 6px 20px rgb(0 0 0 / 25%);
    max-width: calc(100vw - 24px);
  }
  .panel[hidden] {
    display: none;
  }
  .who {
    margin: 0 16px 8px;
    font-size: 0.85rem;
    color: var(--vr-ink-muted);
  }
  .who strong {
    color: var(--vr-ink);
  }
  .warn {
    color: var(--vr-example);
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 6px 0;
    border-top: 1px solid var(--vr-line);
    border-bottom: 1px solid var(--vr-line);
  }
  a,
  .sign-out {
    display: block;
    width: 100%;
    padding: 7px 16px;
    text-align: left;
    text-decoration: none;
    color: var(--vr-ink);
    background: none;
    border: 0;
    cursor: pointer;
  }
  a:hover,
  .sign-out:hover {
    background: var(--vr-canvas);
  }
  a[aria-current='page'] {
    font-weight: 700;
    box-shadow: inset 3px 0 0 var(--vr-accent);
  }
  .sign-out {
    margin-top: 4px;
    color: var(--vr-danger);
  }
`;
