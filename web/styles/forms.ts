/** Forms: labelled fields with their hint and error beside them, and the three kinds of button. */
import { css } from 'lit';
import { blockHost, controls } from './shared.ts';

export const forms = css`
  form {
    margin: 0;
  }
  .field {
    display: grid;
    align-content: start;
    gap: 4px;
    margin: 0 0 14px;
    min-width: 0;
  }
  .field label {
    font-weight: 600;
    font-size: 0.9rem;
  }
  .field input,
  .field select,
  .field textarea {
    width: 100%;
    padding: 7px 10px;
    border: 1px solid var(--vr-line-strong);
    border-radius: 4px;
    background: var(--vr-surface);
    font: inherit;
    color: inherit;
  }
  .field input,
  .field select {
    height: 36px;
  }
  /* A file input (an import, a restore) is not a text box: its own height, and no wider than a line of text. */
  .field input[type='file'] {
    height: auto;
    padding: 6px;
    max-width: 34rem;
  }
  .field textarea {
    resize: vertical;
  }
  fieldset.field {
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    padding: 8px 12px 10px;
  }
  fieldset.field legend {
    font-weight: 600;
    font-size: 0.9rem;
    padding: 0 4px;
  }
  .checks .options {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
    gap: 4px 16px;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 8px;
    font-weight: 400;
    font-size: 0.9rem;
    cursor: pointer;
  }
  label.check input {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--vr-accent);
  }
  .field input[aria-invalid='true'],
  .field select[aria-invalid='true'],
  .field textarea[aria-invalid='true'] {
    border-color: var(--vr-danger);
    box-shadow: inset 3px 0 0 var(--vr-danger);
  }
  .hint {
    margin: 0;
    font-size: 0.82rem;
    color: var(--vr-ink-muted);
  }
  .field-error {
    margin: 0;
    font-size: 0.84rem;
    font-weight: 600;
    color: var(--vr-danger);
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  button.primary,
  button.secondary,
  button.danger {
    font: inherit;
    font-weight: 600;
    padding: 7px 16px;
    border-radius: 4px;
    border: 1px solid var(--vr-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--vr-accent);
    color: var(--vr-on-accent);
  }
  button.primary:hover {
    background: var(--vr-accent-strong);
  }
  button.secondary {
    background: var(--vr-surface);
    color: var(--vr-accent);
  }
  button.secondary:hover {
    background: var(--vr-accent-soft);
  }
  button.danger {
    background: var(--vr-surface);
    color: var(--vr-danger);
    border-color: var(--vr-danger-line);
    padding: 3px 12px;
    font-size: 0.85rem;
  }
  button.danger:hover {
    background: var(--vr-danger-soft);
    border-color: var(--vr-danger);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  /* A form's outcome, announced: a failure in the danger colours, a success in the fact colours. */
  .outcome {
    margin: 0 0 14px;
    padding: 8px 12px;
    border-radius: var(--vr-radius);
    border: 1px solid var(--vr-danger-line);
    border-left: 4px solid var(--vr-danger);
    background: var(--vr-danger-soft);
    font-size: 0.9rem;
  }
  .outcome.ok {
    border-color: var(--vr-fact-line);
    border-left-color: var(--vr-fact);
    background: var(--vr-fact-soft);
  }
  .outcome:empty {
    display: none;
  }
`;

/**
 * A row of compact fields that wraps, above what it filters or picks (the portfolio's and the due
 * list's filters, the trend and report controls): smaller labels and controls, a Clear or Print
 * button level with them, and the count of what is shown below. Each sets its fields' widths.
 */
export const filterBar = css`
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px 12px;
  }
  .field {
    margin: 0;
    flex: 0 1 170px;
  }
  .field label {
    font-size: 0.82rem;
  }
  .field input,
  .field select {
    height: 34px;
    padding: 5px 8px;
  }
  button.secondary {
    height: 34px;
    padding: 4px 14px;
  }
  .count {
    margin: 10px 0 0;
    font-size: 0.88rem;
    color: var(--vr-ink-muted);
  }
  .count strong {
    color: var(--vr-ink);
  }
`;

/** The narrow centred card of the sign-in and setup pages. */
export const authCard = css`
  :host {
    display: block;
  }
  .auth {
    max-width: 440px;
    margin: 32px auto 0;
    padding: 28px 32px 24px;
    background: var(--vr-surface);
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    box-shadow: var(--vr-shadow);
  }
  .auth h1 {
    font-size: 1.5rem;
    margin: 0 0 4px;
  }
  .auth .lede {
    margin: 0 0 20px;
    color: var(--vr-ink-muted);
  }
  .auth button.primary,
  .auth button.secondary {
    width: 100%;
    padding: 9px 16px;
  }
  .or {
    display: flex;
    align-items: center;
    gap: 12px;
    margin: 18px 0;
    color: var(--vr-ink-muted);
    font-size: 0.85rem;
  }
  .or::before,
  .or::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--vr-line);
  }
  .note {
    margin: 12px 0 0;
    font-size: 0.85rem;
    color: var(--vr-ink-muted);
  }
`;

/** What a form element starts from: links and focus rings, the form controls, a block host. */
export const formElement = [controls, forms, blockHost];
