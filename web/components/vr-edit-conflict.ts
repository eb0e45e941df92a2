/**
 * "Changed by someone else since you opened it": a save the server refused (412 edit-conflict),
 * with both versions side by side where they differ, and the two ways on: load their version into
 * the form, or save yours over it. It takes focus when it appears (its heading), and is announced.
 *
 * @fires conflict-choice - the analyst chose their version (`theirs`) or to save theirs over it (`mine`)
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConflictRow } from '../edit-conflict.ts';
import { ConflictChoice } from '../vendor-events.ts';
import { controls, dataTable, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

@customElement('vr-edit-conflict')
export class EditConflictNotice extends LitElement {
  static override styles = [
    controls,
    forms,
    dataTable,
    srOnly,
    css`
      :host {
        display: block;
        margin: 0 0 16px;
        padding: 12px 14px;
        border: 1px solid var(--vr-danger-line);
        border-left: 4px solid var(--vr-danger);
        border-radius: var(--vr-radius);
        background: var(--vr-danger-soft);
      }
      h3 {
        margin: 0 0 6px;
        font-size: 1rem;
      }
      h3:focus {
        outline: none;
      }
      p {
        margin: 0 0 10px;
      }
      table {
        width: 100%;
        margin: 0 0 12px;
        background: var(--vr-surface);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
    `,
  ];

  /** What was refused, in words ("incident", "relationship", …). */
  @property() what = 'record';
  @property({ attribute: false }) rows: readonly ConflictRow[] = [];
  /** A delete was refused (there are no fields to compare). */
  @property({ type: Boolean }) deleting = false;
  @property({ type: Boolean }) busy = false;

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  override render() {
    return html`<div role="alert">
        <h3 tabindex="-1">This ${this.what} was changed by someone else since you opened it</h3>
        <p>
          Nothing was saved.
          ${
            this.deleting
              ? 'Load their version to see it before deciding, or delete it anyway.'
              : this.rows.length > 0
                ? 'Where your version and theirs differ:'
                : 'Your version and theirs now say the same in the fields you sent.'
          }
        </p>
      </div>
      ${
        this.rows.length > 0
          ? html`<table>
            <caption class="sr-only">Your version and theirs, field by field where they differ</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Yours (not saved)</th>
                <th scope="col">Theirs (saved now)</th>
              </tr>
            </thead>
            <tbody>
              ${this.rows.map(
                (r) => html`<tr data-field=${r.field}>
                  <th scope="row">${r.label}</th>
                  <td data-side="yours">${r.yours}</td>
                  <td data-side="theirs">${r.theirs}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }
      <div class="actions">
        <button type="button" class="secondary" data-action="reload-theirs" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new ConflictChoice('theirs'))}>
          Load their version
        </button>
        <button type="button" class="secondary" data-action="reapply" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new ConflictChoice('mine'))}>
          ${this.deleting ? 'Delete it anyway' : 'Save mine over theirs'}
        </button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-edit-conflict': EditConflictNotice;
  }
}
