/**
 * Vendors from a spreadsheet: the template, and an all-or-nothing import that matches existing
 * vendors by name (case and spacing ignored) or by website domain and updates them. A dry run
 * reports what would happen, and every bad row, without writing.
 */
import { fieldProblems } from '../../domain/field-problems.ts';
import { domainOf, nameKey, vendorInput, type Vendor, type VendorInput } from '../../domain/vendor.ts';
import { type Actor } from '../../domain/account.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { breathe, type JobError, type Progress } from '../jobs-service.ts';
import { CsvSyntaxError, parseCsv, toCsv } from './csv.ts';

export const VENDOR_COLUMNS = ['name', 'category', 'website', 'tier', 'dataAccess', 'environmentAccess', 'status', 'businessOwner', 'nextReviewOn', 'notes'] as const;
const REQUIRED = ['name', 'category', 'tier', 'dataAccess', 'environmentAccess'] as const;
type Column = (typeof VENDOR_COLUMNS)[number];

export const VENDOR_TEMPLATE = toCsv(VENDOR_COLUMNS, [
  ['Example Identity Inc.', 'identity provider', 'https://www.example.com', 1, 'confidential', 'identity-provider', 'under-review', 'IT Operations', '2027-06-30', 'Replace these two example rows'],
  ['Example Mail Ltd', 'email marketing', '', 3, 'internal', 'none', 'proposed', '', '', ''],
]);

export interface RowPlan {
  readonly row: number;
  readonly action: 'create' | 'update' | 'unchanged';
  readonly name: string;
  readonly vendorId: number | null;
}

export interface VendorImportReport {
  readonly dryRun: boolean;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rows: readonly RowPlan[];
  readonly errors: readonly JobError[];
}

const rowError = (row: number, column: string | null, message: string): JobError => ({
  path: column ? `rows.${row}.${column}` : `rows.${row}`,
  row,
  column,
  message,
});

/** Cell text to the value the vendor schema expects; blank means "not given". */
function value(column: Column, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return undefined;
  if (column === 'tier') return /^\d+$/.test(text) ? Number(text) : text;
  return text;
}

const CHUNK = 500;

export async function importVendorsCsv(
  store: Store,
  clock: Clock,
  actor: Actor,
  text: string,
  opts: { dryRun: boolean; progress?: Progress },
): Promise<VendorImportReport> {
  const errors: JobError[] = [];
  const empty = (rows: RowPlan[] = []): VendorImportReport => ({ dryRun: opts.dryRun, created: 0, updated: 0, unchanged: 0, rows, errors });
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    errors.push(rowError(e.line, null, e.message));
    return empty();
  }
  const [head, ...data] = records;
  if (!head) {
    errors.push(rowError(1, null, 'the file is empty; start from the template'));
    return empty();
  }
  const header = head.cells.map((h) => h.trim());
  header.forEach((h, i) => {
    if (!(VENDOR_COLUMNS as readonly string[]).includes(h)) errors.push(rowError(1, h || `column ${i + 1}`, `unknown column; expected ${VENDOR_COLUMNS.join(', ')}`));
    else if (header.indexOf(h) !== i) errors.push(rowError(1, h, 'the column appears twice'));
  });
  for (const r of REQUIRED) if (!header.includes(r)) errors.push(rowError(1, r, 'required column is missing'));
  if (errors.length > 0) return empty();

  const existing = store.vendors.all();
  const byName = new Map(existing.map((v) => [nameKey(v.name), v]));
  const byDomain = new Map(existing.filter((v) => v.domain).map((v) => [v.domain!, v]));
  const seenName = new Map<string, number>();
  const seenDomain = new Map<string, number>();
  const plans: Array<RowPlan & { input?: VendorInput; target?: Vendor }> = [];

  for (const [n, rec] of data.entries()) {
    if (n % CHUNK === 0) {
      opts.progress?.(n);
      await breathe();
    }
    const row = rec.line;
    if (rec.cells.length !== header.length) {
      errors.push(rowError(row, null, `has ${rec.cells.length} cells; the header has ${header.length}`));
      continue;
    }
    const given: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const v = value(h as Column, rec.cells[i]!);
      if (v !== undefined) given[h] = v;
    });
    const name = typeof given.name === 'string' ? given.name : '';
    const domain = typeof given.website === 'string' ? domainOf(given.website) : null;
    const earlier = seenName.get(nameKey(name)) ?? (domain ? seenDomain.get(domain) : undefined);
    if (name && earlier !== undefined) {
      errors.push(rowError(row, 'name', `duplicates row ${earlier}`));
      continue;
    }
    if (name) seenName.set(nameKey(name), row);
    if (domain) seenDomain.set(domain, row);

    const target = byName.get(nameKey(name)) ?? (domain ? byDomain.get(domain) : undefined);
    const { id: _i, domain: _d, incidentCount: _c, createdAt: _ca, updatedAt: _u, ...current } = target ?? ({} as Vendor);
    const parsed = vendorInput.safeParse(target ? { ...current, ...given } : given);
    if (!parsed.success) {
      for (const p of fieldProblems(parsed.error, '')) errors.push(rowError(row, p.path.split('.')[0] || null, p.message));
      continue;
    }
    const changed = !target || VENDOR_COLUMNS.some((c) => JSON.stringify(parsed.data[c]) !== JSON.stringify(target[c]));
    plans.push({ row, action: !target ? 'create' : changed ? 'update' : 'unchanged', name: parsed.data.name, vendorId: target?.id ?? null, input: parsed.data, target });
  }
  opts.progress?.(data.length);

  const rows = plans.map(({ row, action, name, vendorId }) => ({ row, action, name, vendorId }));
  const count = (a: RowPlan['action']) => rows.filter((r) => r.action === a).length;
  if (errors.length > 0) return empty(rows);
  if (data.length === 0) return { ...empty(), errors: [rowError(1, null, 'the file has a header but no vendors')] };
  if (opts.dryRun) return { dryRun: true, created: count('create'), updated: count('update'), unchanged: count('unchanged'), rows, errors };

  const written = store.transaction(() => {
    const now = clock.now();
    return plans.map((p) => {
      if (p.action === 'unchanged') return p;
      if (p.action === 'create') {
        const id = store.vendors.create(p.input!, now);
        store.audit.append(actor, { action: 'create', entity: 'vendor', entityId: id, vendorId: id, after: store.vendors.find(id) }, now);
        return { ...p, vendorId: id };
      }
      store.vendors.update(p.target!.id, p.input!, now);
      store.audit.append(actor, { action: 'update', entity: 'vendor', entityId: p.target!.id, vendorId: p.target!.id, before: p.target, after: store.vendors.find(p.target!.id) }, now);
      return p;
    });
  });
  const report = { dryRun: false, created: count('create'), updated: count('update'), unchanged: count('unchanged'), rows: written.map(({ row, action, name, vendorId }) => ({ row, action, name, vendorId })), errors };
  store.audit.append(actor, { action: 'import', entity: 'vendors-csv', entityId: null, after: { created: report.created, updated: report.updated, unchanged: report.unchanged } }, clock.now());
  return report;
}

export const vendorCsvRowCount = (text: string): number => Math.max(0, text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);

/** Vendors as CSV, the template's columns first. */
export function vendorsToCsv(vendors: readonly Vendor[]): string {
  return toCsv(
    ['id', ...VENDOR_COLUMNS, 'domain', 'incidentCount', 'relationshipIsExample', 'createdAt', 'updatedAt'],
    vendors.map((v) => [v.id, ...VENDOR_COLUMNS.map((c) => v[c] ?? null), v.domain, v.incidentCount, v.relationshipIsExample, v.createdAt, v.updatedAt]),
  );
}

