/**
 * The data page's CSV of vendors: the check (a dry run that imports nothing and leaves invalid rows
 * out of its plan), the preview (creates, updates with their changes, possible duplicates and the
 * choice they need, the rows with problems), then the import the analyst confirms: every vendor, or
 * "the N valid rows" when some are not.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Job, VendorImport } from '../api/client.ts';
import { csvProblems, importButtonLabel, isImportRefusal, refusalText, vendorImportSummary } from '../imports.ts';
import { somethingToImport, undecided, type OnDuplicate } from '../vendor-import.ts';
import type { DuplicateChoiceChanged } from '../components/vr-duplicate-choice.ts';
import type { ImportFileChosen } from '../components/vr-import-file.ts';
import { settled, type PageHooks } from './data-import-run.ts';
import '../components/vr-csv-vocabulary.ts';
import '../components/vr-duplicate-choice.ts';
import '../components/vr-import-failure.ts';
import '../components/vr-import-file.ts';
import '../components/vr-import-preview.ts';
import '../components/vr-import-problems.ts';
import '../components/vr-import-progress.ts';

interface Run {
  readonly dryRun: boolean;
  readonly onInvalid: 'reject' | 'skip';
  readonly onDuplicate: OnDuplicate | undefined;
  /** The preview's: rows whose vendor changed since it are refused, not applied unseen. */
  readonly expectVersions?: string | undefined;
}

export class VendorsImport {
  private _name = '';
  private _text = '';
  /** Whether the Task's run is the check (dry run) or the import. */
  private _checking = true;
  private _job: Job | null = null;
  private _onDuplicate: OnDuplicate | undefined;
  private _choiceError = '';
  readonly task: Task<readonly [string, Run], VendorImport>;

  constructor(
    host: ReactiveControllerHost,
    private readonly _page: PageHooks,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      task: async ([text, run]: readonly [string, Run], { signal }) => {
        this._job = null;
        return settled(this._page.api(), await this._page.api().importVendors(text, run), signal, (j) => (this._job = j));
      },
      onComplete: (r) => {
        // The Import button is gone once the import is done: focus goes to what it did.
        if (!r.dryRun) this._page.focusAfterRender('#vendors-result');
      },
    });
  }

  render(templateUrl: string) {
    const t = this.task;
    const pending = t.status === TaskStatus.PENDING;
    // While the confirmed import runs, the preview it started from stays on screen.
    const report = t.status === TaskStatus.COMPLETE || (pending && !this._checking) ? t.value : undefined;
    const name = this._name;
    return html`<section class="card" aria-labelledby="vendors-title" data-section="vendors">
      <h2 id="vendors-title">Vendors from CSV</h2>
      <p>
        Start from <a href=${templateUrl} download="vendors-template.csv">the CSV template</a>: one vendor a row; <code>name</code>, <code>category</code>,
        <code>tier</code>, <code>dataAccess</code> and <code>environmentAccess</code> are required to create one. A row with an <code>id</code> updates
        that vendor (the only way to rename it); a row without one updates the vendor whose name or alias it gives (case and spacing aside); the others
        are created. Tier, access and status take the words shown here (“User-level”) or the stored values; several aliases share a cell, separated by
        “;”.
      </p>
      <vr-csv-vocabulary></vr-csv-vocabulary>
      <p>
        A file is checked first, and nothing is written until you confirm the preview, which shows each update's changes. A row whose website shares only
        its domain with another vendor is a possible duplicate: you choose to create or skip it. Rows with problems are listed; import the valid rows, or fix
        the file.
      </p>
      <vr-import-file
        key="csv"
        label="CSV file of vendors"
        accept=".csv,text/csv"
        hint="Choosing a file checks it at once (a dry run)."
        pasteLabel="Or paste CSV text"
        ?busy=${pending}
        @import-file-chosen=${this._onFile}
      ></vr-import-file>
      <p class="status" role="status">${this._status()}</p>
      <vr-import-progress .job=${this._job} label=${this._checking ? `Checking ${name}` : `Importing ${name}`} unit="row"></vr-import-progress>
      ${t.status === TaskStatus.ERROR ? html`<vr-import-failure .error=${t.error} kind="csv" source=${name}></vr-import-failure>` : nothing}
      ${report ? this._result(report, pending) : nothing}
    </section>`;
  }

  private _result(r: VendorImport, busy: boolean) {
    const name = this._name;
    const n = r.invalid;
    return html`<div class="result" data-result=${r.dryRun ? 'preview' : 'imported'}>
      <h3 id="vendors-result" tabindex="-1">${r.dryRun ? `Preview of ${name}` : `Imported from ${name}`}</h3>
      <vr-import-preview .report=${r}></vr-import-preview>
      ${
        r.skipped.length > 0
          ? html`<vr-import-problems
            data-problems="skipped"
            .problems=${csvProblems(r.skipped)}
            .total=${r.skippedTotal}
            source=${name}
            heading=${r.dryRun ? `${n.toLocaleString('en-US')} ${n === 1 ? 'row has problems' : 'rows have problems'}: left out unless you fix the file` : `${n.toLocaleString('en-US')} ${n === 1 ? 'row was' : 'rows were'} left out for these problems`}
            advice=${r.dryRun ? 'Import the valid rows now, or fix these and choose the file again.' : 'Fix these and import those rows again.'}
          ></vr-import-problems>`
          : nothing
      }
      ${r.dryRun ? this._confirm(r, busy) : nothing}
    </div>`;
  }

  private _confirm(r: VendorImport, busy: boolean) {
    if (!somethingToImport(r)) {
      return html`<p class="note">
        ${r.invalid > 0 ? 'Nothing to import: no valid row would change anything.' : 'Nothing to import: every vendor in the file is already as it says.'}
      </p>`;
    }
    const waiting = undecided(r);
    return html`${
      waiting > 0
        ? html`<vr-duplicate-choice
            id="dup-choice"
            .count=${waiting}
            .value=${this._onDuplicate}
            error=${this._choiceError}
            @duplicate-choice-changed=${this._onChoice}
          ></vr-duplicate-choice>`
        : nothing
    }
      <div class="actions">
        <button type="button" class="primary" data-action="import" aria-disabled=${busy ? 'true' : 'false'} @click=${this._onImport}>
          ${busy ? 'Importing…' : importButtonLabel(r, this._onDuplicate)}
        </button>
        <span class="muted">or choose another file.</span>
      </div>`;
  }

  private _status(): string {
    const t = this.task;
    const name = this._name;
    if (t.status === TaskStatus.PENDING) return this._checking ? `Checking ${name}…` : `Importing ${name}…`;
    if (t.status === TaskStatus.COMPLETE && t.value) return `${t.value.dryRun ? `${name} checked` : `${name} imported`}: ${vendorImportSummary(t.value)}`;
    if (t.status === TaskStatus.ERROR && isImportRefusal(t.error)) return refusalText(name, t.error);
    return '';
  }

  private readonly _onFile = (e: ImportFileChosen) => {
    e.stopPropagation();
    this._name = e.name;
    this._text = e.text;
    this._checking = true;
    this._onDuplicate = undefined;
    this._choiceError = '';
    void this.task.run([e.text, { dryRun: true, onInvalid: 'skip', onDuplicate: undefined }]);
  };

  private readonly _onChoice = (e: DuplicateChoiceChanged) => {
    e.stopPropagation();
    this._onDuplicate = e.choice;
    this._choiceError = '';
    this._page.requestUpdate();
  };

  private readonly _onImport = () => {
    const r = this.task.value;
    if (this.task.status === TaskStatus.PENDING || !r) return;
    if (undecided(r) > 0 && !this._onDuplicate) {
      this._choiceError = 'Choose whether to create or skip the possible duplicates; nothing is imported until you do.';
      this._page.focusAfterRender('#dup-choice');
      this._page.requestUpdate();
      return;
    }
    this._checking = false;
    void this.task.run([
      this._text,
      { dryRun: false, onInvalid: r.invalid > 0 ? 'skip' : 'reject', onDuplicate: this._onDuplicate, expectVersions: r.expectVersions },
    ]);
  };
}
