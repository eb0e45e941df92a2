/**
 * Vendors from a spreadsheet: the template, and an import that matches rows to vendors by `id`,
 * or by name or alias (vendor-rows.ts), shows every update field by field, and never applies a
 * match by website domain alone. A dry run reports what would happen without writing. Bad rows
 * refuse the whole file (`onInvalid=reject`, the default) or are left out and listed
 * (`onInvalid=skip`); possible duplicates refuse it unless `onDuplicate` says create or skip.
 */
import { type Actor } from '../../domain/account.ts';
import type { Vendor } from '../../domain/vendor.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { breathe, type JobError, type Progress } from '../jobs-service.ts';
import { Capped } from './capped.ts';
import { CsvSyntaxError, parseCsv, toCsv, type CsvRecord } from './csv.ts';
import { ALIAS_SEPARATOR, EXPORT_ONLY_COLUMNS, readCell, VENDOR_COLUMNS, type Column } from './vendor-cells.ts';
import { vendorIndex } from './vendor-index.ts';
import { duplicateMessage, FileClaims, planRow, type OnDuplicate, type RowPlan } from './vendor-rows.ts';
import { departure, expectVersionsOf, type ExpectedVersions } from './expected-versions.ts';

export { VENDOR_COLUMNS } from './vendor-cells.ts';
export type { DuplicateOf, FieldChange, OnDuplicate, RowPlan } from './vendor-rows.ts';
export type OnInvalid = 'reject' | 'skip';

/** Columns a file must have: a row that creates a vendor needs them all (an update may leave cells blank). */
const REQUIRED_COLUMNS = ['name', 'category', 'tier', 'dataAccess', 'environmentAccess'] as const;

export const VENDOR_TEMPLATE = toCsv(VENDOR_COLUMNS, [
  [
    '',
    'Example Identity Inc.',
    'identity provider',
    'https://www.example.com',
    1,
    'Confidential data',
    'Identity provider for everything',
    'Under review',
    'IT Operations',
    '2027-06-30',
    '2024-01-15',
    'Example Identity; ExampleID',
    `Replace these example rows. Leave id empty to create a vendor; give a vendor's id (from the export) to update or rename it; a row without id updates the vendor it names by name or alias. Several aliases go in one cell, separated by "${ALIAS_SEPARATOR}". Tier, access and status take the words the app shows (User-level) or the stored values (user). engagedSince is the day the relationship began (default: today).`,
  ],
  ['', 'Example Mail Ltd', 'email marketing', '', 3, 'internal', 'none', 'proposed', '', '', '', '', ''],
]);

export interface VendorImportReport {
  readonly dryRun: boolean;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows that resemble an existing vendor by website domain alone (created, skipped or awaiting a choice). */
  readonly duplicates: number;
  /** Rows with problems: refused with the file (`errors`), or left out (`skipped`). */
  readonly invalid: number;
  readonly rows: readonly RowPlan[];
  /** Problems that refuse the import, the first 1,000; nothing was (or would be) written. */
  readonly errors: readonly JobError[];
  /** How many problems refuse the import in all. */
  readonly errorsTotal: number;
  /** With onInvalid=skip, the problems of the rows left out: the first 1,000. */
  readonly skipped: readonly JobError[];
  /** How many problems the skipped rows have in all. */
  readonly skippedTotal: number;
  /**
   * Each row that matched an existing vendor, with that vendor's version ("row:vendorId:version",
   * comma-separated): give it to the import as ?expectVersions= to apply only what was previewed.
   */
  readonly expectVersions: string;
}

const rowError = (row: number, column: string | null, message: string, extra: object = {}): JobError => ({
  path: column ? `rows.${row}.${column}` : `rows.${row}`,
  row,
  column,
  message,
  ...extra,
});

const CHUNK = 500;

/** Rolls back an import's write transaction when rows conflict with edits made while it ran. */
class RefusedRows extends Error {}

export interface VendorImportOptions {
  readonly dryRun: boolean;
  readonly onInvalid?: OnInvalid;
  readonly onDuplicate?: OnDuplicate | undefined;
  /** What a dry run saw (its `expectVersions`): rows that depart from it are refused. */
  readonly expectVersions?: ExpectedVersions | undefined;
  readonly progress?: Progress;
}

/** `source`: the CSV text, or its records as the import worker parsed them. */
export async function importVendorsCsv(
  store: Store,
  clock: Clock,
  actor: Actor,
  source: string | Promise<readonly CsvRecord[]>,
  opts: VendorImportOptions,
): Promise<VendorImportReport> {
  const skipInvalid = opts.onInvalid === 'skip';
  const errors = new Capped<JobError>();
  const skipped = new Capped<JobError>();
  const refusal = (rows: RowPlan[] = [], invalid = 0): VendorImportReport => ({
    dryRun: opts.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    invalid,
    rows,
    errors: errors.items,
    errorsTotal: errors.total,
    skipped: skipped.items,
    skippedTotal: skipped.total,
    expectVersions: expectVersionsOf(rows),
  });
  let records: readonly CsvRecord[];
  try {
    records = typeof source === 'string' ? parseCsv(source) : await source;
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    errors.push(rowError(e.line, null, e.message));
    return refusal();
  }
  const [head, ...data] = records;
  if (!head) {
    errors.push(rowError(1, null, 'the file is empty; start from the template'));
    return refusal();
  }
  const header = head.cells.map((h) => h.trim());
  const known = [...VENDOR_COLUMNS, ...EXPORT_ONLY_COLUMNS] as readonly string[];
  header.forEach((h, i) => {
    if (!known.includes(h)) errors.push(rowError(1, h || `column ${i + 1}`, `unknown column; the columns are ${VENDOR_COLUMNS.join(', ')}`));
    else if (header.indexOf(h) !== i) errors.push(rowError(1, h, 'the column appears twice'));
  });
  for (const r of REQUIRED_COLUMNS) if (!header.includes(r)) errors.push(rowError(1, r, 'required column is missing'));
  if (errors.total > 0) return refusal();
  if (data.length === 0) {
    errors.push(rowError(1, null, 'the file has a header but no vendors'));
    return refusal();
  }

  const ctx = { index: vendorIndex(store.vendors.all()), claims: new FileClaims(), onDuplicate: opts.onDuplicate, today: clock.today() };
  const plans: Array<RowPlan & { input: Parameters<Store['vendors']['create']>[0]; target: Vendor | null }> = [];
  let invalid = 0;
  for (const [n, rec] of data.entries()) {
    if (n % CHUNK === 0) {
      opts.progress?.(n);
      await breathe();
    }
    const row = rec.line;
    const problems: Array<{ column: string | null; message: string }> = [];
    const given: Partial<Record<Column, unknown>> = {};
    if (rec.cells.length !== header.length) problems.push({ column: null, message: `has ${rec.cells.length} cells; the header has ${header.length}` });
    else {
      header.forEach((h, i) => {
        if (!(VENDOR_COLUMNS as readonly string[]).includes(h)) return;
        const cell = readCell(h as Column, rec.cells[i]!);
        if (cell === undefined) return;
        if (cell.ok) given[h as Column] = cell.value;
        else problems.push({ column: h, message: cell.message });
      });
    }
    if (problems.length === 0) {
      const planned = planRow(ctx, row, given);
      if (planned.ok) plans.push({ ...planned.plan, input: planned.input, target: planned.target });
      else problems.push(...planned.problems);
    }
    if (problems.length > 0) {
      invalid++;
      for (const p of problems) (skipInvalid ? skipped.push.bind(skipped) : errors.push.bind(errors))(rowError(row, p.column, p.message));
    }
  }
  opts.progress?.(data.length);

  // A row whose vendor changed since the preview is refused like an invalid one: nobody saw what it would do now.
  if (opts.expectVersions && !opts.dryRun) {
    const expected = opts.expectVersions;
    for (let i = plans.length - 1; i >= 0; i--) {
      const why = departure(plans[i]!, expected);
      if (why === null) continue;
      invalid++;
      const problem = rowError(plans[i]!.row, null, why, { changedSince: true });
      if (skipInvalid) skipped.push(problem);
      else errors.push(problem);
      plans.splice(i, 1);
    }
    errors.items.sort((a, b) => Number(a.row) - Number(b.row));
  }

  let rows: RowPlan[] = plans.map(({ input: _i, target: _t, ...plan }) => plan);
  const count = (a: RowPlan['action']) => rows.filter((r) => r.action === a).length;
  const report = (): VendorImportReport => ({
    dryRun: opts.dryRun,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    duplicates: rows.filter((r) => r.duplicateOf).length,
    invalid,
    rows,
    errors: errors.items,
    errorsTotal: errors.total,
    skipped: skipped.items,
    skippedTotal: skipped.total,
    expectVersions: expectVersionsOf(rows),
  });
  if (opts.dryRun || errors.total > 0) return errors.total > 0 ? refusal(rows, invalid) : report();
  // Undecided possible duplicates refuse the import: a domain alone never decides.
  for (const r of rows)
    if (r.action === 'duplicate' && r.duplicateOf) errors.push(rowError(r.row, 'website', duplicateMessage(r.duplicateOf), { duplicateOf: r.duplicateOf }));
  if (errors.total > 0) return refusal(rows, invalid);

  // Rows were planned over several turns of the event loop (a job yields between chunks): an edit
  // that landed meanwhile is not overwritten, because each update is written only at the version
  // its row was computed against. Such a row is refused (the whole import, unless onInvalid=skip).
  const conflicts: JobError[] = [];
  const write = () =>
    store.transaction(() => {
      const now = clock.now();
      const out: RowPlan[] = [];
      for (const { input, target, ...p } of plans) {
        if (p.action === 'create') {
          const id = store.vendors.create(input, now);
          store.audit.append(actor, { action: 'create', entity: 'vendor', entityId: id, vendorId: id, after: store.vendors.find(id) }, now);
          out.push({ ...p, vendorId: id });
          continue;
        }
        if (p.action === 'update' && target) {
          if (!store.vendors.update(target.id, input, now, target.version)) {
            const nowAt = store.vendors.find(target.id)?.version;
            const what = nowAt === undefined ? 'was deleted' : `was changed (version ${target.version}, now ${nowAt})`;
            conflicts.push(
              rowError(
                p.row,
                null,
                `${target.name} (id ${target.id}) ${what} by someone else while this import ran; this row was not applied: import it again`,
                { changedSince: true },
              ),
            );
            continue;
          }
          store.audit.append(
            actor,
            { action: 'update', entity: 'vendor', entityId: target.id, vendorId: target.id, before: target, after: store.vendors.find(target.id) },
            now,
          );
        }
        out.push(p);
      }
      // Refused as a whole: throwing rolls back what this transaction wrote.
      if (conflicts.length > 0 && !skipInvalid) throw new RefusedRows();
      return out;
    });
  let written: RowPlan[];
  try {
    written = write();
  } catch (e) {
    if (!(e instanceof RefusedRows)) throw e;
    for (const c of conflicts) errors.push(c);
    return refusal(rows, invalid + conflicts.length);
  }
  invalid += conflicts.length;
  for (const c of conflicts) skipped.push(c);
  rows = written;
  const done = { ...report(), dryRun: false, rows: written };
  store.audit.append(
    actor,
    {
      action: 'import',
      entity: 'vendors-csv',
      entityId: null,
      after: { created: done.created, updated: done.updated, unchanged: done.unchanged, skipped: done.invalid + count('skip') },
    },
    clock.now(),
  );
  return done;
}

export const vendorCsvRowCount = (text: string): number => Math.max(0, text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);

/** Vendors as CSV: the template's columns (aliases joined by "; "), then what the server keeps itself. */
export function vendorsToCsv(vendors: readonly Vendor[]): string {
  return toCsv(
    [...VENDOR_COLUMNS, ...EXPORT_ONLY_COLUMNS],
    vendors.map((v) => [
      ...VENDOR_COLUMNS.map((c) => (c === 'aliases' ? v.aliases.join(`${ALIAS_SEPARATOR} `) : (v[c] ?? null))),
      v.domain,
      v.incidentCount,
      v.relationshipIsExample,
      v.createdAt,
      v.updatedAt,
    ]),
  );
}
