/**
 * Why an import or a restore did not happen: the bad rows or records as a table when the server
 * listed them (nothing was written), a refusal of the role in words, or any other error as is
 * (a restore into a database that is not empty, a file too large, the server unreachable).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiError } from '../api/api-error.ts';
import { csvProblems, isImportRefusal, verisProblems, type RecordPlace } from '../imports.ts';
import './vr-error.ts';
import './vr-import-problems.ts';

export type TransferKind = 'csv' | 'veris' | 'restore';

@customElement('vr-import-failure')
export class ImportFailure extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property({ attribute: false }) error: unknown;
  @property() kind: TransferKind = 'csv';
  /** The file's name, for the headings. */
  @property() source = 'the file';
  /** How a VERIS record is named: its file and place when several files were sent. */
  @property({ attribute: false }) place: RecordPlace | undefined;

  override render() {
    const e = this.error;
    if (e === undefined) return nothing;
    if (isImportRefusal(e) && this.kind !== 'restore') {
      return this.kind === 'csv'
        ? html`<vr-import-problems .problems=${csvProblems(e.fields)} source=${this.source} whereLabel="Row" fieldLabel="Column"></vr-import-problems>`
        : html`<vr-import-problems .problems=${verisProblems(e.fields, this.place)} source=${this.source} whereLabel="Record" fieldLabel="Field"></vr-import-problems>`;
    }
    const restore = this.kind === 'restore';
    if (e instanceof ApiError && e.status === 403) {
      return html`<vr-error heading=${restore ? 'Your role may not restore an export' : 'Your role may not import'} .error=${e}>
        <p>${restore ? 'Restoring needs the Admin role.' : 'Imports need the Analyst or Admin role.'} Ask an admin; nothing was written.</p>
      </vr-error>`;
    }
    return html`<vr-error heading=${restore ? `Nothing was restored from ${this.source}` : `The import of ${this.source} failed`} .error=${e}></vr-error>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-import-failure': ImportFailure;
  }
}
