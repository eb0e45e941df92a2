/** Styles of <vr-decision-form>: the disclosure, the radio groups, the findings checklist and the condition rows. */
import { css } from 'lit';

export const decisionFormStyles = css`
  :host {
    display: block;
  }
  details > summary {
    cursor: pointer;
    font-weight: 700;
    font-size: 1rem;
    padding: 4px 0;
  }
  details[open] > summary {
    margin-bottom: 12px;
  }
  .lede {
    margin: 0 0 12px;
    font-size: 0.9rem;
    color: var(--vr-ink-muted);
  }
  .choices {
    display: grid;
    gap: 6px;
  }
  label.check.radio {
    align-items: flex-start;
  }
  label.check.radio input {
    margin-top: 3px;
  }
  .choice-hint {
    display: block;
    margin-left: 24px;
    font-size: 0.82rem;
    color: var(--vr-ink-muted);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13em, 1fr));
    gap: 0 14px;
  }
  .next-on {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
  }
  .next-on input {
    height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--vr-line-strong);
    border-radius: 4px;
    background: var(--vr-surface);
  }
  .next-on input[aria-invalid='true'] {
    border-color: var(--vr-danger);
    box-shadow: inset 3px 0 0 var(--vr-danger);
  }
  fieldset.group {
    margin: 0 0 14px;
    padding: 8px 12px 4px;
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    min-width: 0;
  }
  fieldset.group > legend {
    font-weight: 700;
    padding: 0 4px;
  }
  fieldset.group[data-invalid] {
    border-color: var(--vr-danger);
  }
  fieldset.group h4 {
    font-size: 0.92rem;
    margin: 10px 0 6px;
  }
  ul.picks {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  ul.picks > li {
    padding: 8px 10px;
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
  }
  ul.picks > li[data-picked] {
    border-color: var(--vr-accent);
    background: var(--vr-accent-soft);
  }
  .suggested {
    margin: 4px 0 0 24px;
    font-size: 0.86rem;
    overflow-wrap: anywhere;
  }
  .pick-fields {
    margin: 8px 0 0 24px;
  }
  .free {
    padding: 8px 10px 0;
    margin: 0 0 10px;
    border: 1px dashed var(--vr-line-strong);
    border-radius: var(--vr-radius);
  }
  .free-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    margin: 0 0 6px;
    font-weight: 600;
    font-size: 0.9rem;
  }
  .add-row {
    margin: 0 0 12px;
  }
  .field input[type='date'] {
    max-width: 16em;
  }
`;
