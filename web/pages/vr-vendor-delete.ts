/**
 * "Delete vendor" on the dossier (admins): a question in a dialog that names what goes with the
 * vendor and asks for its name, typed, before anything is deleted. The deletion is audited and
 * stays in the full export's record of deleted vendors; on success the portfolio opens.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { ApiClient } from '../api/client.ts';
import { ApiError, isEditConflict } from '../api/api-error.ts';
import { apiContext } from '../state/contexts.ts';
import { NavigationRequested } from '../events.ts';
import { deleteConfirmed, deletionConsequences } from '../vendor-form.ts';
import { field, formText, outcomes, submitButton } from '../components/form-field.ts';
import { card, controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import '../components/vr-edit-dialog.ts';

function failureOf(error: unknown): string {
  if (error === undefined) return '';
  if (isEditConflict(error))
    return 'Someone changed this vendor since the page was loaded: reload the page, check the vendor, and delete it again if you still mean to.';
  if (error instanceof ApiError && error.code === 'forbidden') return 'Only admins may delete a vendor.';
  return error instanceof Error ? error.message : String(error);
}

@customElement('vr-vendor-delete')
export class VendorDelete extends LitElement {
  static override styles = [
    controls,
    card,
    forms,
    css`
      :host {
        display: block;
      }
      .question {
        margin: 0 0 12px;
      }
      .actions {
        justify-content: flex-end;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @property({ attribute: false }) vendor?: Vendor;
  @state() private _open = false;
  @state() private _busy = false;
  @state() private _error: unknown = undefined;
  @state() private _mismatch = '';
  @query('button.open') private _opener?: HTMLButtonElement;

  override render() {
    const v = this.vendor;
    if (!v) return nothing;
    return html`<section class="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete this vendor</h2>
      <p class="muted">Admins only. ${deletionConsequences(v)}</p>
      <button class="danger open" type="button" @click=${this._onOpen}>Delete vendor…</button>
      ${
        this._open
          ? html`<vr-edit-dialog heading=${`Delete ${v.name}?`} narrow open @edit-cancelled=${this._onClose}>${this._question(v)}</vr-edit-dialog>`
          : nothing
      }
    </section>`;
  }

  // The question lives in the dialog's light DOM (this shadow root), so these styles reach it.
  private _question(v: Vendor) {
    return html`<form method="post" novalidate @submit=${this._onSubmit}>
      ${outcomes('', failureOf(this._error))}
      <p class="question">${deletionConsequences(v)}</p>
      ${field({ id: 'delete-name', name: 'confirmName', label: `Type “${v.name}” to confirm`, autocomplete: 'off', error: this._mismatch })}
      <div class="actions">
        <button class="secondary" type="button" @click=${this._onClose}>Cancel</button>
        ${submitButton(this._busy, 'Delete vendor', 'Deleting…')}
      </div>
    </form>`;
  }

  private _onOpen(): void {
    this._error = undefined;
    this._mismatch = '';
    this._open = true;
  }

  // The dialog is in the page only while open (the dossier's own edit dialog is the page's one
  // closed dialog): taken out, it cannot give focus back itself, so the button takes it here.
  private async _onClose(): Promise<void> {
    if (this._busy) return;
    this._open = false;
    await this.updateComplete;
    this._opener?.focus();
  }

  private async _onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const v = this.vendor;
    if (!v || this._busy) return;
    const form = e.currentTarget as HTMLFormElement;
    if (!deleteConfirmed(v.name, formText(form, 'confirmName'))) {
      this._mismatch = `Type the vendor’s name, “${v.name}”, to delete it.`;
      await this.updateComplete;
      form.querySelector<HTMLInputElement>('#delete-name')?.focus();
      return;
    }
    this._mismatch = '';
    this._busy = true;
    try {
      await this._api.deleteVendor(v.id, v.version, v.incidentCount > 0);
      this._open = false;
      this.dispatchEvent(new NavigationRequested('/portfolio'));
    } catch (err) {
      this._error = err;
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-vendor-delete': VendorDelete;
  }
}
