/**
 * What VERIS files would do (a dry run) or did: the counts; on a dry run every record (its file and
 * place, VERIS id, title, create or update, and the vendor it lands on: an existing one by name or
 * alias, its incident's, or a new one that is not engaged); and the warnings, each naming the
 * record, the field and the value left out. Long lists show their first rows until asked.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { VerisImport } from '../api/client.ts';
import type { RecordPlace } from '../imports.ts';
import { controls, dataTable } from '../styles/shared.ts';
import { importTables } from './vr-import-problems.ts';

type RecordPlan = NonNullable<VerisImport['records']>[number];

const FIRST = 200;
const LANDING: Readonly<Record<RecordPlan['vendor']['match'], string>> = {
  name: 'by name',
  alias: 'by alias',
  incident: 'its incident’s vendor',
  new: 'new vendor, not engaged',
};
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

@customElement('vr-veris-preview')
export class VerisPreview extends LitElement {
  static override styles = [
    controls,
    dataTable,
    importTables,
    css`
      :host {
        display: block;
        margin: 12px 0;
      }
      h4 {
        margin: 16px 0 6px;
      }
      .how {
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
      td.title {
        max-width: 28rem;
      }
    `,
  ];

  @property({ attribute: false }) report: VerisImport | null = null;
  @property({ attribute: false }) place: RecordPlace = (i) => `record ${i + 1}`;
  @state() private _all = false;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('report')) this._all = false;
  }

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const n = (x: number) => x.toLocaleString('en-US');
    return html`<dl class="counts" data-counts="veris">
        <div><dt>${r.dryRun ? 'Incidents to create' : 'Incidents created'}</dt><dd data-count="created">${n(r.created)}</dd></div>
        <div><dt>${r.dryRun ? 'Incidents to update' : 'Incidents updated'}</dt><dd data-count="updated">${n(r.updated)}</dd></div>
        <div><dt>${r.dryRun ? 'Vendors to create (not engaged)' : 'Vendors created (not engaged)'}</dt><dd data-count="vendors">${n(r.vendorsCreated)}</dd></div>
        <div><dt>Warnings</dt><dd data-count="warnings">${n(r.warningsTotal)}</dd></div>
        ${r.invalid > 0 ? html`<div><dt>${r.dryRun ? 'Invalid records, to leave out' : 'Invalid records, left out'}</dt><dd data-count="invalid">${n(r.invalid)}</dd></div>` : nothing}
      </dl>
      ${r.records ? this._records(r.records, r.created + r.updated) : nothing} ${r.warnings.length > 0 ? this._warnings(r) : nothing}`;
  }

  private _records(records: readonly RecordPlan[], total: number) {
    const shown = this._all ? records : records.slice(0, FIRST);
    return html`<h4>Records</h4>
      <div class="scroll" role="region" aria-label="Records as checked" tabindex="0">
        <table data-table="records">
          <thead>
            <tr><th scope="col">Record</th><th scope="col">VERIS id</th><th scope="col">Incident</th><th scope="col">Would</th><th scope="col">Vendor</th><th scope="col" class="num">Warnings</th></tr>
          </thead>
          <tbody>
            ${shown.map(
              (p) => html`<tr data-index=${p.index} data-match=${p.vendor.match}>
                <td>${this.place(p.index)}</td>
                <td><code>${p.id}</code></td>
                <td class="title">${p.title}</td>
                <td>${p.action === 'create' ? 'Create' : 'Update'}</td>
                <td>
                  ${p.vendor.vendorId === null ? p.vendor.name : html`<a href="/vendors/${p.vendor.vendorId}">${p.vendor.name}</a>`}
                  <span class="how">(${LANDING[p.vendor.match]})</span>
                </td>
                <td class="num">${p.warnings}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        shown.length < total
          ? html`<p class="how">
            The first ${shown.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records; the counts cover them all.
            ${shown.length < records.length ? html`<button type="button" class="secondary" @click=${() => (this._all = true)}>Show ${records.length.toLocaleString('en-US')} records</button>` : nothing}
          </p>`
          : nothing
      }`;
  }

  private _warnings(r: VerisImport) {
    return html`<h4>Warnings: fields left out, the records import without them</h4>
      <div class="scroll" role="region" aria-label="Warnings" tabindex="0">
        <table data-table="warnings">
          <thead>
            <tr><th scope="col">Record</th><th scope="col">Field</th><th scope="col">Value</th><th scope="col">What happens</th></tr>
          </thead>
          <tbody>
            ${r.warnings.map((w) => {
              const index = typeof w.index === 'number' ? w.index : -1;
              return html`<tr class="warning">
                <td>${index >= 0 ? this.place(index) : ''}${typeof w.id === 'string' ? html` (<code>${w.id}</code>)` : nothing}</td>
                <td><code>${String(w.field ?? '')}</code></td>
                <td><code>${show(w.value)}</code></td>
                <td>${w.message}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${r.warningsTotal > r.warnings.length ? html`<p class="how">The first ${r.warnings.length.toLocaleString('en-US')} of ${r.warningsTotal.toLocaleString('en-US')} warnings.</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-veris-preview': VerisPreview;
  }
}
