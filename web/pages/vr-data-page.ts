/**
 * Data in and out (`/data`). Analysts and admins bring vendors in from a CSV (checked by a dry run
 * first; the real import only after a clean preview) and incidents from VERIS; a file of more than
 * 1,000 rows runs as a job on the server, whose progress is polled and shown until it ends (and
 * no longer once the page is left). Everyone may download the export; admins restore one.
 * The server decides who may do what; a refusal is shown in words.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, ImportOutcome, Job, Me, RestoreMode, VendorImport } from '../api/client.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { canEdit, isAdmin, ROLE_LABEL } from '../roles.ts';
import {
  CC_BY_SA_URL,
  importButtonLabel,
  isImportRefusal,
  refuseIfErrors,
  refusalText,
  restoreCounts,
  RESTORE_MODE_LABEL,
  settle,
  VCDB_URL,
  vendorImportSummary,
  vendorsToWrite,
  verisContentType,
  verisSummary,
  type VerisContentType,
  type WithErrors,
} from '../imports.ts';
import { card, controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { pageStyles } from '../styles/page.ts';
import { dataPageStyles } from './vr-data-page.styles.ts';
import type { ImportFileChosen } from '../components/vr-import-file.ts';
import type { RestoreRequested } from '../components/vr-restore-form.ts';
import '../components/vr-import-failure.ts';
import '../components/vr-import-file.ts';
import '../components/vr-import-preview.ts';
import '../components/vr-import-progress.ts';
import '../components/vr-restore-form.ts';

/** How often a running job is asked for its progress. */
const POLL_MS = 400;

const counts = (items: ReadonlyArray<readonly [string, number]>, name: string) =>
  html`<dl class="counts" data-counts=${name}>${items.map(([label, n]) => html`<div><dt>${label}</dt><dd>${n.toLocaleString('en-US')}</dd></div>`)}</dl>`;

@customElement('vr-data-page')
export class DataPage extends LitElement {
  static override styles = [controls, card, forms, pageStyles, dataPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  @state() private _csvName = '';
  /** Whether the vendors Task's run is the check (dry run) or the import. */
  @state() private _csvDryRun = true;
  @state() private _csvJob: Job | null = null;
  @state() private _verisName = '';
  @state() private _verisJob: Job | null = null;
  @state() private _restoreName = '';
  private _csvText = '';
  /** An element to focus after the next render. */
  private _focusNext = '';

  private _vendors = new Task(this, {
    autoRun: false,
    task: async ([text, dryRun]: readonly [string, boolean], { signal }) => {
      this._csvJob = null;
      return this._settle(await this._api.importVendors(text, dryRun), signal, (j) => (this._csvJob = j));
    },
    onComplete: (r) => {
      // The Import button is gone once the import is done: focus goes to what it did.
      if (!r.dryRun) this._focusNext = '#vendors-result';
    },
  });

  private _veris = new Task(this, {
    autoRun: false,
    task: async ([text, type]: readonly [string, VerisContentType], { signal }) => {
      this._verisJob = null;
      return this._settle(await this._api.importVeris(text, type), signal, (j) => (this._verisJob = j));
    },
  });

  private _restore = new Task(this, {
    autoRun: false,
    task: ([text, mode]: readonly [string, RestoreMode]) => this._api.restore(text, mode),
  });

  /**
   * An import's result, waited for when the server made it a job (its progress shown as it goes, but
   * never once a newer run replaced this one); a result that lists problems becomes a refusal.
   */
  private async _settle<T extends WithErrors>(outcome: ImportOutcome<T>, signal: AbortSignal, show: (j: Job) => void): Promise<T> {
    const get = (id: string) => this._api.job(id, { signal });
    return refuseIfErrors(await settle(outcome, get, { signal, intervalMs: POLL_MS, onProgress: (j) => signal.aborted || show(j) }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Stops polling: a job goes on on the server, but nobody here is waiting for it any more.
    for (const t of [this._vendors, this._veris, this._restore]) t.abort();
  }

  protected override updated(): void {
    document.title = 'Data · Vendorscope';
    if (this._focusNext) {
      this.renderRoot.querySelector<HTMLElement>(this._focusNext)?.focus();
      this._focusNext = '';
    }
  }

  override render() {
    const head = html`<header class="page-head">
      <div>
        <h1>Data</h1>
        <p class="lede">Bring vendors in from a spreadsheet and incidents from VERIS; take everything out as one file, and restore it.</p>
      </div>
    </header>`;
    if (this._me === undefined) return html`${head}<p class="loading" role="status">Loading…</p>`;
    const role = this._me?.role;
    const analyst = canEdit(role);
    return html`${head}
      <div class="stack">
        ${analyst
          ? html`${this._vendorsCard()} ${this._verisCard()}`
          : html`<p class="note" data-note="imports">
              Importing vendors and incidents needs the Analyst or Admin role; you are signed in as ${role ? ROLE_LABEL[role] : 'nobody'}. Ask an admin if you need
              it. The export below is open to you.
            </p>`}
        ${this._transferCard(isAdmin(role))}
      </div>`;
  }

  private _vendorsCard() {
    const t = this._vendors;
    const pending = t.status === TaskStatus.PENDING;
    // While the confirmed import runs, the preview it started from stays on screen.
    const report = t.status === TaskStatus.COMPLETE || (pending && !this._csvDryRun) ? t.value : undefined;
    return html`<section class="card" aria-labelledby="vendors-title" data-section="vendors">
      <h2 id="vendors-title">Vendors from CSV</h2>
      <p>
        Start from <a href=${`${this._api.base}/import/vendors/template.csv`} download="vendors-template.csv">the CSV template</a>: one vendor a row;
        <code>name</code>, <code>category</code>, <code>tier</code>, <code>dataAccess</code> and <code>environmentAccess</code> are required. A row
        whose name (case and spacing aside) or website domain matches a vendor updates it; the others are created.
      </p>
      <p>A file is checked first and nothing is written until you confirm the preview. The import is all or nothing.</p>
      <vr-import-file
        key="csv"
        label="CSV file of vendors"
        accept=".csv,text/csv"
        hint="Choosing a file checks it at once (a dry run)."
        pasteLabel="Or paste CSV text"
        ?busy=${pending}
        @import-file-chosen=${this._onCsv}
      ></vr-import-file>
      <p class="status" role="status">${this._csvStatus()}</p>
      <vr-import-progress .job=${this._csvJob} label=${this._csvDryRun ? `Checking ${this._csvName}` : `Importing ${this._csvName}`} unit="row"></vr-import-progress>
      ${t.status === TaskStatus.ERROR ? html`<vr-import-failure .error=${t.error} kind="csv" source=${this._csvName}></vr-import-failure>` : nothing}
      ${report
        ? html`<div class="result" data-result=${report.dryRun ? 'preview' : 'imported'}>
            <h3 id="vendors-result" tabindex="-1">${report.dryRun ? `Preview of ${this._csvName}` : `Imported from ${this._csvName}`}</h3>
            <vr-import-preview .report=${report}></vr-import-preview>
            ${report.dryRun ? this._confirmImport(report, pending) : nothing}
          </div>`
        : nothing}
    </section>`;
  }

  private _confirmImport(r: VendorImport, busy: boolean) {
    if (vendorsToWrite(r) === 0) return html`<p class="note">Nothing to import: every vendor in the file is already as it says.</p>`;
    return html`<div class="actions">
      <button type="button" class="primary" data-action="import" aria-disabled=${busy ? 'true' : 'false'} @click=${this._onImport}>
        ${busy ? 'Importing…' : importButtonLabel(r)}
      </button>
      <span class="muted">or choose another file.</span>
    </div>`;
  }

  private _csvStatus(): string {
    const t = this._vendors;
    const name = this._csvName;
    if (t.status === TaskStatus.PENDING) return this._csvDryRun ? `Checking ${name}…` : `Importing ${name}…`;
    if (t.status === TaskStatus.COMPLETE && t.value) return `${t.value.dryRun ? `${name} checked` : `${name} imported`}: ${vendorImportSummary(t.value)}`;
    if (t.status === TaskStatus.ERROR && isImportRefusal(t.error)) return refusalText(name, t.error);
    return '';
  }

  private _verisCard() {
    const t = this._veris;
    const name = this._verisName;
    const status =
      t.status === TaskStatus.PENDING
        ? `Importing ${name}…`
        : t.status === TaskStatus.COMPLETE && t.value
          ? `${name} imported: ${verisSummary(t.value)}`
          : t.status === TaskStatus.ERROR && isImportRefusal(t.error)
            ? refusalText(name, t.error)
            : '';
    return html`<section class="card" aria-labelledby="veris-title" data-section="veris">
      <h2 id="veris-title">Incidents from VERIS</h2>
      <p>
        A file of <a href="https://verisframework.org/">VERIS</a> incident records (one record, an array of them, or NDJSON with one a line) becomes
        incidents, each remembering its VERIS id: a record imported again updates its incident. The import is all or nothing.
      </p>
      <p>
        Each record's victim becomes the incident's vendor. A victim unknown to us becomes a new vendor with the status <strong>Not engaged</strong>, kept out
        of the portfolio views until someone engages it.
      </p>
      <p class="attribution" data-attribution>
        Source credit for VCDB records: <a href=${VCDB_URL}>VERIS Community Database (VCDB)</a>,
        <a href=${CC_BY_SA_URL} rel="license">CC BY-SA 4.0</a>. Each imported incident shows it.
      </p>
      <vr-import-file
        key="veris"
        label="VERIS file (.json, .ndjson or .jsonl)"
        accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson"
        hint="Choosing a file imports it."
        ?busy=${t.status === TaskStatus.PENDING}
        @import-file-chosen=${this._onVeris}
      ></vr-import-file>
      <p class="status" role="status">${status}</p>
      <vr-import-progress .job=${this._verisJob} label=${`Importing ${name}`} unit="record"></vr-import-progress>
      ${t.status === TaskStatus.ERROR ? html`<vr-import-failure .error=${t.error} kind="veris" source=${name}></vr-import-failure>` : nothing}
      ${t.status === TaskStatus.COMPLETE && t.value
        ? counts(
            [
              ['Incidents created', t.value.created],
              ['Incidents updated', t.value.updated],
              ['Vendors created (not engaged)', t.value.vendorsCreated],
            ],
            'veris',
          )
        : nothing}
    </section>`;
  }

  private _transferCard(admin: boolean) {
    const t = this._restore;
    const done = t.status === TaskStatus.COMPLETE && t.value ? t.value : undefined;
    return html`<section class="card" aria-labelledby="transfer-title" data-section="transfer">
      <h2 id="transfer-title">Export and restore</h2>
      <p>
        The export is one JSON document: every vendor with its incidents, subprocessors, MFA records and posture facts, the methodology versions, the quarter
        snapshots and the reports. Accounts, secrets and the audit log are not in it.
      </p>
      <p><a class="button" href=${`${this._api.base}/export`} download data-action="export">Download export</a></p>
      ${admin
        ? html`<h3 id="restore-title">Restore an export</h3>
            <vr-restore-form ?busy=${t.status === TaskStatus.PENDING} @restore-requested=${this._onRestore}></vr-restore-form>
            <p class="status" role="status">
              ${t.status === TaskStatus.PENDING
                ? `Restoring ${this._restoreName}…`
                : done
                  ? `${this._restoreName} restored (${RESTORE_MODE_LABEL[done.mode].toLowerCase()}).`
                  : ''}
            </p>
            ${t.status === TaskStatus.ERROR ? html`<vr-import-failure .error=${t.error} kind="restore" source=${this._restoreName}></vr-import-failure>` : nothing}
            ${done ? counts(restoreCounts(done), 'restore') : nothing}`
        : html`<p class="note" data-note="restore">Restoring an export needs the Admin role.</p>`}
    </section>`;
  }

  private readonly _onCsv = (e: ImportFileChosen) => {
    e.stopPropagation();
    this._csvName = e.name;
    this._csvText = e.text;
    this._csvDryRun = true;
    void this._vendors.run([e.text, true]);
  };

  private readonly _onImport = () => {
    if (this._vendors.status === TaskStatus.PENDING) return;
    this._csvDryRun = false;
    void this._vendors.run([this._csvText, false]);
  };

  private readonly _onVeris = (e: ImportFileChosen) => {
    e.stopPropagation();
    this._verisName = e.name;
    void this._veris.run([e.text, verisContentType(e.name)]);
  };

  private readonly _onRestore = (e: RestoreRequested) => {
    e.stopPropagation();
    this._restoreName = e.fileName;
    void this._restore.run([e.text, e.mode]);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-data-page': DataPage;
  }
}
