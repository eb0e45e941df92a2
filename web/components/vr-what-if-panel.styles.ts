/** Styles of <vr-what-if-panel>: the controls beside the result, stacked on narrow screens. */
import { css } from 'lit';

export const whatIfPanelStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 6px 12px;
    margin-bottom: 12px;
  }
  .head h2 {
    margin: 0;
  }
  .head .reset {
    margin-left: auto;
    padding: 4px 14px;
  }
  button.secondary:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
    gap: 20px;
    align-items: start;
  }
  fieldset {
    margin: 0 0 12px;
    padding: 6px 12px 10px;
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 4px;
  }
  label {
    font-size: 0.88rem;
  }
  select {
    height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--vr-line-strong);
    border-radius: 4px;
    background: var(--vr-surface);
    color: inherit;
    font: inherit;
    font-size: 0.88rem;
    max-width: 100%;
  }
  .scenario {
    padding: 4px 0;
  }
  .scenario label {
    font-weight: 600;
  }
  .scenario .detail {
    margin: 0 0 0 1.9em;
    font-size: 0.8rem;
    color: var(--vr-ink-muted);
  }
  .fine {
    margin: 0 0 8px;
    font-size: 0.88rem;
  }
  .mfa {
    display: grid;
    grid-template-columns: 8.5em minmax(0, 1fr) auto;
    align-items: center;
    gap: 2px 10px;
    padding: 6px 0;
  }
  .mfa + .mfa {
    border-top: 1px solid var(--vr-line);
  }
  .mfa > label:first-child {
    font-weight: 600;
  }
  .now {
    grid-column: 2 / -1;
    margin: 0;
    font-size: 0.8rem;
    color: var(--vr-ink-muted);
  }
  .sub {
    padding: 6px 0;
  }
  .sub + .sub {
    border-top: 1px solid var(--vr-line);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    cursor: pointer;
  }
  .check input {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--vr-accent);
  }
  .check.name {
    display: flex;
    margin-bottom: 4px;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 6px 12px;
  }
  .pair.three {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .pick {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .pick label {
    color: var(--vr-ink-muted);
  }
  .pair select {
    width: 100%;
    color: var(--vr-ink);
  }
  vr-what-if-result {
    position: sticky;
    top: 12px;
  }
  @media (max-width: 980px) {
    .layout {
      grid-template-columns: 1fr;
    }
    .pair.three {
      grid-template-columns: 1fr;
    }
  }
  @media (max-width: 560px) {
    .mfa {
      grid-template-columns: 1fr;
    }
    .now {
      grid-column: auto;
    }
    .pair {
      grid-template-columns: 1fr;
    }
  }
`;
