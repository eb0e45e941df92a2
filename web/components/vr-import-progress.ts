/**
 * A large import's progress: a bar of rows (or records) done out of the total, and the same in
 * words in a polite live region, so a screen reader hears it advance and end without losing its
 * place. It stays once the job ends, showing how it ended.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Job } from '../api/client.ts';
import { progressText } from '../imports.ts';

@customElement('vr-import-progress')
export class ImportProgress extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 12px 0;
    }
    label {
      display: block;
      font-weight: 600;
      font-size: 0.9rem;
      margin-bottom: 4px;
    }
    progress {
      display: block;
      width: 100%;
      max-width: 40rem;
      height: 1rem;
      accent-color: var(--vr-accent);
    }
    p {
      margin: 4px 0 0;
      font-size: 0.9rem;
      font-variant-numeric: tabular-nums;
    }
    p[data-state='failed'] {
      color: var(--vr-danger);
      font-weight: 600;
    }
  `;

  @property({ attribute: false }) job: Pick<Job, 'state' | 'done' | 'total'> | null = null;
  /** What the job does, as the bar's label ("Checking vendors"). */
  @property() label = 'Import';
  /** What it counts ("row", "record"). */
  @property() unit = 'row';

  override render() {
    const j = this.job;
    if (!j) return nothing;
    return html`<label for="bar">${this.label}</label>
      <progress id="bar" max=${Math.max(j.total, 1)} value=${j.done} data-state=${j.state}></progress>
      <p aria-live="polite" data-state=${j.state}>${progressText(j, this.unit)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-import-progress': ImportProgress;
  }
}
