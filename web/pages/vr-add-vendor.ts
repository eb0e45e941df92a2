/**
 * The portfolio's "Add vendor" (analysts and admins): a button that opens the form in a dialog,
 * posts it, shows the server's refusals beside their fields, and on success opens the new
 * vendor's dossier.
 */
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ApiClient, VendorBody } from '../api/client.ts';
import { ApiError } from '../api/api-error.ts';
import { apiContext } from '../state/contexts.ts';
import { NavigationRequested } from '../events.ts';
import { newVendorFieldErrors } from '../vendor-form.ts';
import type { VendorAddRequested } from '../components/vr-vendor-form.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import '../components/vr-edit-dialog.ts';
import '../components/vr-vendor-form.ts';

/** The failure in words when the server named no field (a field's message shows beside the field). */
function failureOf(error: unknown, errors: Readonly<Record<string, string>>): string {
  if (error === undefined || Object.keys(errors).length > 0) return '';
  if (error instanceof ApiError && error.code === 'forbidden') return 'Your role may not add vendors: analysts and admins may.';
  return error instanceof Error ? error.message : String(error);
}

@customElement('vr-add-vendor')
export class AddVendor extends LitElement {
  static override styles = [
    controls,
    forms,
    css`
      :host {
        display: block;
        margin-top: 10px;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @state() private _open = false;
  @state() private _busy = false;
  @state() private _error: unknown = undefined;
  @state() private _sent: VendorBody | undefined = undefined;
  @state() private _refusals = 0;

  override render() {
    const errors = this._sent ? newVendorFieldErrors(this._error, this._sent) : {};
    return html`<button class="primary" type="button" @click=${this._onOpen}>Add vendor</button>
      <vr-edit-dialog heading="Add a vendor" ?open=${this._open} @edit-cancelled=${this._onClose}>
        ${
          this._open
            ? html`<vr-vendor-form
              .errors=${errors}
              failure=${failureOf(this._error, errors)}
              refusals=${this._refusals}
              ?busy=${this._busy}
              @vendor-add-requested=${this._onAdd}
            ></vr-vendor-form>`
            : null
        }
      </vr-edit-dialog>`;
  }

  private _onOpen(): void {
    this._error = undefined;
    this._sent = undefined;
    this._open = true;
  }

  private _onClose(): void {
    if (!this._busy) this._open = false;
  }

  private async _onAdd(e: VendorAddRequested): Promise<void> {
    this._busy = true;
    this._sent = e.body;
    try {
      const made = await this._api.createVendor(e.body);
      this._open = false;
      this.dispatchEvent(new NavigationRequested(`/vendors/${made.id}`));
    } catch (err) {
      this._error = err;
      this._refusals += 1;
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-add-vendor': AddVendor;
  }
}
