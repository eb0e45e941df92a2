/**
 * "Delete this incident?": the question before a delete, naming the record and what follows
 * (the score is recomputed without it; the audit trail keeps a copy). Cancel takes focus first,
 * so that Enter on a dialog opened by mistake deletes nothing.
 *
 * @fires edit-submitted - the delete, confirmed
 * @fires edit-cancelled - Cancel
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { EditCancelled, EditSubmitted } from '../vendor-events.ts';
import { outcomes } from './form-field.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

@customElement('vr-delete-confirm')
export class DeleteConfirm extends LitElement {
  static override styles = [
    controls,
    forms,
    css`
      p.question {
        margin: 0 0 16px;
      }
      .actions {
        justify-content: flex-end;
      }
      button.danger {
        padding: 7px 16px;
        font-size: 1rem;
      }
    `,
  ];

  @property() what: 'incident' | 'subprocessor' = 'incident';
  @property({ type: Number }) recordId = 0;
  @property() label = '';
  /** The version of the record shown when the question was asked: a record changed since is not deleted (412). */
  @property({ type: Number }) version: number | undefined = undefined;
  @property() failure = '';
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`${outcomes('', this.failure)}
      <p class="question">
        Delete the ${this.what} <strong>${this.label}</strong>? The score is recomputed without it; the change history keeps a copy of what was deleted.
      </p>
      <div class="actions">
        <button class="secondary" type="button" autofocus @click=${() => this.dispatchEvent(new EditCancelled())}>Cancel</button>
        <button class="danger" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this._onDelete}>${this.busy ? 'Deleting…' : `Delete ${this.what}`}</button>
      </div>`;
  }

  private _onDelete(): void {
    if (this.busy) return;
    const kind = this.what === 'incident' ? 'delete-incident' : 'delete-subprocessor';
    this.dispatchEvent(new EditSubmitted({ kind, id: this.recordId, label: this.label, version: this.version }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-delete-confirm': DeleteConfirm;
  }
}
