/**
 * Data in and out (`/data`). Analysts and admins bring vendors in from a CSV and incidents from
 * VERIS files, each checked by a dry run first and imported only when the preview is confirmed
 * (data-vendors.ts, data-veris.ts); a file of more than 1,000 rows runs as a job on the server, whose
 * progress is polled and shown until it ends (and no longer once the page is left). Everyone may
 * download the export; admins restore one. The server decides who may do what; a refusal is shown
 * in words.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, Me, RestoreMode } from '../api/client.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { canEdit, isAdmin, ROLE_LABEL } from '../roles.ts';
import { restoreCounts, RESTORE_MODE_LABEL } from '../imports.ts';
import { card, controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { pageStyles } from '../styles/page.ts';
import { dataPageStyles } from './vr-data-page.styles.ts';
import type { RestoreRequested } from '../components/vr-restore-form.ts';
import { VendorsImport } from './data-vendors.ts';
import { VerisImportCard } from './data-veris.ts';
import type { PageHooks } from './data-import-run.ts';
import '../components/vr-import-failure.ts';
import '../components/vr-restore-form.ts';

const counts = (items: ReadonlyArray<readonly [string, number]>, name: string) =>
  html`<dl class="counts" data-counts=${name}>${items.map(([label, n]) => html`<div><dt>${label}</dt><dd>${n.toLocaleString('en-US')}</dd></div>`)}</dl>`;

@customElement('vr-data-page')
export class DataPage extends LitElement {
  static override styles = [controls, card, forms, pageStyles, dataPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  @state() private _restoreName = '';
  /** An element to focus after the next render. */
  private _focusNext = '';
  private readonly _hooks: PageHooks = {
    api: () => this._api,
    focusAfterRender: (selector) => (this._focusNext = selector),
    requestUpdate: () => this.requestUpdate(),
  };
  private readonly _vendors = new VendorsImport(this, this._hooks);
  private readonly _veris = new VerisImportCard(this, this._hooks);

  private _restore = new Task(this, {
    autoRun: false,
    task: ([text, mode]: readonly [string, RestoreMode]) => this._api.restore(text, mode),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Stops polling: a job goes on on the server, but nobody here is waiting for it any more.
    for (const t of [this._vendors.task, this._veris.task, this._restore]) t.abort();
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
        ${
          analyst
            ? html`${this._vendors.render(`${this._api.base}/import/vendors/template.csv`)} ${this._veris.render()}`
            : html`<p class="note" data-note="imports">
              Importing vendors and incidents needs the Analyst or Admin role; you are signed in as ${role ? ROLE_LABEL[role] : 'nobody'}. Ask an admin if you need
              it. The export below is open to you.
            </p>`
        }
        ${this._transferCard(isAdmin(role))}
      </div>`;
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
      ${
        admin
          ? html`<h3 id="restore-title">Restore an export</h3>
            <vr-restore-form ?busy=${t.status === TaskStatus.PENDING} @restore-requested=${this._onRestore}></vr-restore-form>
            <p class="status" role="status">
              ${
                t.status === TaskStatus.PENDING
                  ? `Restoring ${this._restoreName}…`
                  : done
                    ? `${this._restoreName} restored (${RESTORE_MODE_LABEL[done.mode].toLowerCase()}).`
                    : ''
              }
            </p>
            ${t.status === TaskStatus.ERROR ? html`<vr-import-failure .error=${t.error} kind="restore" source=${this._restoreName}></vr-import-failure>` : nothing}
            ${done ? counts(restoreCounts(done), 'restore') : nothing}`
          : html`<p class="note" data-note="restore">Restoring an export needs the Admin role.</p>`
      }
    </section>`;
  }

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
