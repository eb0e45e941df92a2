/**
 * The data page's VERIS import: one file or several at once (sent together, one record a line),
 * checked first by a dry run (each record, the vendor it would land on, the warnings of fields left
 * out, the invalid records), then imported when the analyst confirms: every record, or "the N valid
 * records" when some are not.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Job, VerisImport } from '../api/client.ts';
import { CC_BY_SA_URL, isImportRefusal, refusalText, VCDB_URL, verisButtonLabel, verisProblems, verisSummary } from '../imports.ts';
import { combineVerisFiles, filesLabel, placeIn, type Segment } from '../veris-files.ts';
import type { ImportFileChosen } from '../components/vr-import-file.ts';
import { settled, type PageHooks } from './data-import-run.ts';
import '../components/vr-import-failure.ts';
import '../components/vr-import-file.ts';
import '../components/vr-import-problems.ts';
import '../components/vr-import-progress.ts';
import '../components/vr-veris-preview.ts';

interface Run {
  readonly dryRun: boolean;
  readonly onInvalid: 'reject' | 'skip';
}

export class VerisImportCard {
  private _name = '';
  private _text = '';
  private _segments: readonly Segment[] = [];
  private _checking = true;
  private _job: Job | null = null;
  /** A chosen file that is neither JSON nor NDJSON: nothing was sent. */
  private _fileError = '';
  readonly task: Task<readonly [string, Run], VerisImport>;

  constructor(
    host: ReactiveControllerHost,
    private readonly _page: PageHooks,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      task: async ([text, run]: readonly [string, Run], { signal }) => {
        this._job = null;
        return settled(this._page.api(), await this._page.api().importVeris(text, 'application/x-ndjson', run), signal, (j) => (this._job = j));
      },
      onComplete: (r) => {
        if (!r.dryRun) this._page.focusAfterRender('#veris-result');
      },
    });
  }

  render() {
    const t = this.task;
    const pending = t.status === TaskStatus.PENDING;
    const report = t.status === TaskStatus.COMPLETE || (pending && !this._checking) ? t.value : undefined;
    const name = this._name;
    const place = placeIn(this._segments);
    return html`<section class="card" aria-labelledby="veris-title" data-section="veris">
      <h2 id="veris-title">Incidents from VERIS</h2>
      <p>
        Files of <a href="https://verisframework.org/">VERIS</a> incident records (one record, an array of them, or NDJSON with one a line; choose several
        at once if you like) become incidents, each remembering its VERIS id: a record imported again updates its incident. They are checked first: each
        record, the vendor it would land on, and what would be left out. Nothing is written until you confirm.
      </p>
      <p>
        Each record's victim becomes the incident's vendor, matched by name or alias. A victim unknown to us becomes a new vendor with the status
        <strong>Not engaged</strong>, kept out of the portfolio views until someone engages it (the portfolio's status filter finds it). A field that is
        invalid but not needed (an unknown value, an impossible date) is left out with a warning; a record without a usable id, victim name or incident
        year is invalid.
      </p>
      <p class="attribution" data-attribution>
        Source credit for VCDB records: <a href=${VCDB_URL}>VERIS Community Database (VCDB)</a>,
        <a href=${CC_BY_SA_URL} rel="license">CC BY-SA 4.0</a>. Each imported incident shows it.
      </p>
      <vr-import-file
        key="veris"
        label="VERIS files (.json, .ndjson or .jsonl)"
        accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson"
        hint="Choosing files checks them at once (a dry run)."
        multiple
        ?busy=${pending}
        @import-file-chosen=${this._onFiles}
      ></vr-import-file>
      <p class="status" role="status">${this._status()}</p>
      ${this._fileError ? html`<p class="field-error" role="alert" data-file-error>${this._fileError}; nothing was sent.</p>` : nothing}
      <vr-import-progress .job=${this._job} label=${this._checking ? `Checking ${name}` : `Importing ${name}`} unit="record"></vr-import-progress>
      ${t.status === TaskStatus.ERROR ? html`<vr-import-failure .error=${t.error} kind="veris" source=${name} .place=${place}></vr-import-failure>` : nothing}
      ${
        report && !this._fileError
          ? html`<div class="result" data-result=${report.dryRun ? 'preview' : 'imported'}>
            <h3 id="veris-result" tabindex="-1">${report.dryRun ? `Preview of ${name}` : `Imported from ${name}`}</h3>
            <vr-veris-preview .report=${report} .place=${place}></vr-veris-preview>
            ${
              report.skipped.length > 0
                ? html`<vr-import-problems
                  data-problems="skipped"
                  .problems=${verisProblems(report.skipped, place)}
                  .total=${report.skippedTotal}
                  source=${name}
                  whereLabel="Record"
                  fieldLabel="Field"
                  heading=${report.dryRun ? `${report.invalid.toLocaleString('en-US')} invalid ${report.invalid === 1 ? 'record' : 'records'}: left out unless you fix them` : `${report.invalid.toLocaleString('en-US')} invalid ${report.invalid === 1 ? 'record was' : 'records were'} left out`}
                  advice=${report.dryRun ? 'Import the valid records now, or fix these and choose the files again.' : 'Fix these and import those records again.'}
                ></vr-import-problems>`
                : nothing
            }
            ${report.dryRun ? this._confirm(report, pending) : nothing}
          </div>`
          : nothing
      }
    </section>`;
  }

  private _confirm(r: VerisImport, busy: boolean) {
    if (r.created + r.updated === 0) return html`<p class="note">Nothing to import: no record is valid.</p>`;
    return html`<div class="actions">
      <button type="button" class="primary" data-action="import-veris" aria-disabled=${busy ? 'true' : 'false'} @click=${this._onImport}>
        ${busy ? 'Importing…' : verisButtonLabel(r)}
      </button>
      <span class="muted">or choose other files.</span>
    </div>`;
  }

  private _status(): string {
    const t = this.task;
    const name = this._name;
    if (this._fileError) return '';
    if (t.status === TaskStatus.PENDING) return this._checking ? `Checking ${name}…` : `Importing ${name}…`;
    if (t.status === TaskStatus.COMPLETE && t.value) return `${t.value.dryRun ? `${name} checked` : `${name} imported`}: ${verisSummary(t.value)}`;
    if (t.status === TaskStatus.ERROR && isImportRefusal(t.error)) return refusalText(name, t.error);
    return '';
  }

  private readonly _onFiles = (e: ImportFileChosen) => {
    e.stopPropagation();
    this._name = filesLabel(e.files);
    const combined = combineVerisFiles(e.files);
    this._checking = true;
    if (!combined.ok) {
      this._fileError = combined.message;
      this._page.requestUpdate();
      return;
    }
    this._fileError = '';
    this._text = combined.text;
    this._segments = combined.segments;
    void this.task.run([combined.text, { dryRun: true, onInvalid: 'skip' }]);
  };

  private readonly _onImport = () => {
    const r = this.task.value;
    if (this.task.status === TaskStatus.PENDING || !r) return;
    this._checking = false;
    void this.task.run([this._text, { dryRun: false, onInvalid: r.invalid > 0 ? 'skip' : 'reject' }]);
  };
}
