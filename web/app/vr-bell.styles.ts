/** Styles of <vr-bell>: a quiet button on the dark header bar with a count, and a white panel below it. */
import { css } from 'lit';

export const bellStyles = css`
  :host {
    display: block;
    position: relative;
  }
  .toggle {
    display: flex;
    align-items: center;
    gap: 6px;
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
  /* The count is the visible cue; the label says it in words (hidden visually on narrow screens). */
  .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .count {
    font-size: 0.75rem;
    font-weight: 700;
    padding: 0 7px;
    border-radius: 999px;
    background: var(--vr-bar-ink);
    color: var(--vr-bar);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  .panel {
    position: absolute;
    right: 0;
    top: calc(100% + 6px);
    z-index: 10;
    width: min(420px, calc(100vw - 24px));
    max-height: 70vh;
    overflow: auto;
    padding: 8px 0;
    background: var(--vr-surface);
    color: var(--vr-ink);
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    box-shadow: 0 6px 20px rgb(0 0 0 / 25%);
  }
  .panel.start {
    right: auto;
    left: 0;
  }
  .panel[hidden] {
    display: none;
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    padding: 0 16px 6px;
  }
  h2 {
    font-size: 1rem;
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li a {
    display: block;
    padding: 8px 16px;
    color: var(--vr-ink);
    text-decoration: none;
    border-top: 1px solid var(--vr-line);
  }
  li a:hover,
  li a:focus-visible {
    background: var(--vr-surface-alt, #f1f3f6);
    text-decoration: underline;
  }
  li.unread a {
    border-left: 4px solid var(--vr-accent, #1f5fbf);
  }
  .new {
    font-size: 0.75rem;
    font-weight: 700;
    margin-right: 6px;
    text-transform: uppercase;
  }
  time {
    display: block;
    font-size: 0.8rem;
    color: var(--vr-ink-muted);
  }
  .muted,
  .foot,
  .failure {
    margin: 8px 16px;
    font-size: 0.9rem;
  }
  .muted {
    color: var(--vr-ink-muted);
  }
`;
