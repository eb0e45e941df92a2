/**
 * Importing VERIS incidents: one record, an array, or NDJSON. Each record is checked against the
 * VERIS schema of its version; what is invalid but not needed is taken out with a warning
 * (veris-repair.ts), and only a record without a usable id, victim name or incident year is
 * invalid. Invalid records refuse the whole import (`onInvalid=reject`, the default: nothing is
 * written) or are left out and listed (`onInvalid=skip`). Victims become vendors, matched by name
 * or alias, or created as not engaged; a record imported again updates its incident. A dry run
 * says where each record would land, without writing.
 */
import { SYSTEM, type Actor } from '../../domain/account.ts';
import { fieldProblems } from '../../domain/field-problems.ts';
import { incidentInput, type IncidentInput } from '../../domain/incident.ts';
import { nameKey, vendorInput } from '../../domain/vendor.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { breathe, type JobError, type Progress } from '../jobs-service.ts';
import { Capped, LIST_LIMIT } from './capped.ts';
import { vendorIndex } from './vendor-index.ts';
import { mapVeris, VERIS_ATTRIBUTION } from './veris-map.ts';
import { repairVeris } from './veris-repair.ts';
import { smoothQuirks, type VerisProblem } from './veris-schema.ts';

export type OnInvalid = 'reject' | 'skip';

/** Where a record lands: an existing vendor (by name or alias, or its incident's), or a new one. */
export interface Landing {
  readonly vendorId: number | null;
  readonly name: string;
  readonly match: 'name' | 'alias' | 'incident' | 'new';
}

export interface RecordPlan {
  /** The record's position in the request (0 is the first). */
  readonly index: number;
  readonly id: string;
  readonly title: string;
  /** update: an incident with this VERIS id exists (in any case) and is updated. */
  readonly action: 'create' | 'update';
  readonly vendor: Landing;
  readonly warnings: number;
}

export interface VerisImportResult {
  readonly dryRun: boolean;
  readonly created: number;
  readonly updated: number;
  readonly vendorsCreated: number;
  /** Records without a usable id, victim name or incident year (or not JSON). */
  readonly invalid: number;
  /** Problems that refuse the import; nothing was (or would be) written. */
  readonly errors: readonly JobError[];
  /** With onInvalid=skip, the problems of the records left out: the first 1,000. */
  readonly skipped: readonly JobError[];
  readonly skippedTotal: number;
  /** Fields taken out of records that import without them: the first 1,000. */
  readonly warnings: readonly JobError[];
  readonly warningsTotal: number;
  /** A dry run's plan, record by record: the first 1,000 (the counts cover them all). */
  readonly records?: readonly RecordPlan[];
}

/**
 * An NDJSON line that is not JSON keeps its place among the records, so that indices stay those of
 * the lines. A class, so that no parsed record can pass for one.
 */
export class BrokenLine {
  constructor(
    readonly line: number,
    readonly message: string,
  ) {}
}

/** Records from a request body: a JSON object, a JSON array, or one JSON object per line. */
export function parseVerisText(text: string): { records: unknown[]; errors: JobError[] } {
  const trimmed = text.trim();
  if (trimmed === '') return { records: [], errors: [{ path: '', message: 'the body is empty' }] };
  try {
    const whole = JSON.parse(trimmed) as unknown;
    return { records: Array.isArray(whole) ? whole : [whole], errors: [] };
  } catch (e) {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length < 2) return { records: [], errors: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const records: unknown[] = [];
  trimmed.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch (e) {
      records.push(new BrokenLine(i + 1, `not valid JSON: ${(e as Error).message}`));
    }
  });
  return { records, errors: [] };
}

interface Planned {
  readonly index: number;
  readonly id: string;
  readonly victim: string;
  readonly victimCategory: string;
  readonly incident: IncidentInput;
  readonly warnings: number;
}

/** The mapped incident, or its problems; a field that fails our own rules is left out with a warning, as in the repair. */
function parseMapped(mapped: Record<string, unknown>, warn: (field: string, value: unknown, message: string) => void): { incident?: IncidentInput; problems: VerisProblem[] } {
  let candidate = { ...mapped };
  for (let pass = 0; pass < 3; pass++) {
    const parsed = incidentInput.safeParse(candidate);
    if (parsed.success) return { incident: parsed.data, problems: [] };
    const fields = [...new Set(fieldProblems(parsed.error, '').map((p) => p.path.split('.')[0]!))];
    const droppable = fields.filter((f) => f !== 'title' && f in candidate);
    if (droppable.length === 0) return { problems: fieldProblems(parsed.error, '').map((p) => ({ path: `mapped.${p.path}`, message: p.message })) };
    for (const f of droppable) {
      warn(`mapped.${f}`, candidate[f], `the record's ${f} ${JSON.stringify(candidate[f])} is not valid here; imported without it`);
      candidate = { ...candidate, [f]: Array.isArray(candidate[f]) ? [] : null };
    }
  }
  return { problems: [{ path: 'mapped', message: 'the record could not be mapped to an incident' }] };
}

const CHUNK = 500;

export interface VerisImportOptions {
  readonly actor?: Actor;
  readonly progress?: Progress;
  readonly dryRun?: boolean;
  readonly onInvalid?: OnInvalid;
}

export async function importVeris(
  store: Store,
  clock: Clock,
  validate: (r: Record<string, unknown>) => VerisProblem[],
  records: readonly unknown[],
  opts: VerisImportOptions = {},
): Promise<VerisImportResult> {
  const dryRun = opts.dryRun ?? false;
  const skipInvalid = opts.onInvalid === 'skip';
  const errors: JobError[] = [];
  const skipped = new Capped<JobError>();
  const warnings = new Capped<JobError>();
  let invalid = 0;
  // The last occurrence of a repeated incident_id wins: an upsert, never two rows (guide, quirk 2).
  const planned = new Map<string, Planned>();
  for (const [index, raw] of records.entries()) {
    if (index % CHUNK === 0) {
      opts.progress?.(index);
      await breathe();
    }
    const problems: JobError[] = [];
    const fail = (path: string, message: string, id: string | null = null, extra: object = {}) =>
      problems.push({ path: path.startsWith('lines.') ? path : `records.${index}${path ? `.${path}` : ''}`, index, id, field: path.startsWith('lines.') ? null : path || null, message, ...extra });
    let id: string | null = null;
    let count = 0;
    const warn = (field: string, value: unknown, message: string) => {
      count++;
      warnings.push({ path: `records.${index}.${field}`, index, id, field, value, message });
    };
    if (raw instanceof BrokenLine) fail(`lines.${raw.line}`, raw.message, null, { line: raw.line });
    else if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('', 'expected a VERIS incident object');
    else {
      const smoothed = smoothQuirks(raw as Record<string, unknown>);
      id = typeof smoothed.incident_id === 'string' && smoothed.incident_id.trim() !== '' ? smoothed.incident_id : null;
      const repaired = repairVeris(smoothed, validate);
      if (repaired.problems.length > 0) for (const p of repaired.problems) fail(p.path, p.message, id);
      else {
        for (const w of repaired.warnings) warn(w.field, w.value, w.message);
        const mapped = mapVeris(repaired.record);
        const { incident, problems: mapProblems } = parseMapped(mapped.incident, warn);
        for (const p of mapProblems) fail(p.path, p.message, id);
        if (incident) planned.set(mapped.id.toLowerCase(), { index, id: mapped.id, victim: mapped.victim, victimCategory: mapped.victimCategory, incident, warnings: count });
      }
    }
    if (problems.length > 0) {
      invalid++;
      for (const p of problems) (skipInvalid ? skipped.push(p) : errors.push(p));
    }
  }
  opts.progress?.(records.length);
  const base = { dryRun, invalid, skipped: skipped.items, skippedTotal: skipped.total, warnings: warnings.items, warningsTotal: warnings.total };
  if (records.length === 0) errors.push({ path: '', message: 'no records' });
  if (errors.length > 0) return { ...base, created: 0, updated: 0, vendorsCreated: 0, errors };

  const actor = opts.actor ?? { ...SYSTEM, via: 'import' };
  const plan = () => {
    const index = vendorIndex(store.vendors.all());
    return (p: Planned): { existing: ReturnType<Store['incidents']['findBySource']>; landing: Landing } => {
      const existing = store.incidents.findBySource('veris', p.id);
      if (existing) return { existing, landing: { vendorId: existing.vendorId, name: store.vendors.find(existing.vendorId)?.name ?? p.victim, match: 'incident' } };
      const known = index.byName(p.victim);
      if (known) return { existing, landing: { vendorId: known.vendor.id, name: known.vendor.name, match: known.via } };
      return { existing, landing: { vendorId: null, name: p.victim, match: 'new' } };
    };
  };

  if (dryRun) {
    const where = plan();
    const previews: RecordPlan[] = [];
    const newVendors = new Set<string>();
    let created = 0;
    for (const p of planned.values()) {
      const { existing, landing } = where(p);
      if (!existing) created++;
      if (landing.match === 'new') newVendors.add(nameKey(p.victim));
      if (previews.length < LIST_LIMIT) previews.push({ index: p.index, id: p.id, title: p.incident.title, action: existing ? 'update' : 'create', vendor: landing, warnings: p.warnings });
    }
    return { ...base, created, updated: planned.size - created, vendorsCreated: newVendors.size, errors, records: previews };
  }

  return store.transaction(() => {
    const now = clock.now();
    const where = plan();
    const made = new Map<string, number>();
    let created = 0;
    let updated = 0;
    const vendorFor = (p: Planned, landing: Landing): number => {
      if (landing.vendorId !== null) return landing.vendorId;
      const key = nameKey(p.victim);
      const known = made.get(key);
      if (known !== undefined) return known;
      // A victim we do not do business with stays out of the portfolio until someone engages it.
      const input = vendorInput.parse({ name: p.victim, category: p.victimCategory, tier: 4, dataAccess: 'none', environmentAccess: 'none', status: 'not-engaged', notes: `Created by a VERIS import. ${VERIS_ATTRIBUTION}.` });
      const id = store.vendors.create(input, now);
      store.audit.append(actor, { action: 'create', entity: 'vendor', entityId: id, vendorId: id, after: store.vendors.find(id) }, now);
      made.set(key, id);
      return id;
    };
    for (const p of planned.values()) {
      const { existing, landing } = where(p);
      if (existing) {
        // The record is refreshed from VERIS; a root cause, entry path or campaign an analyst gave it stays where VERIS says nothing.
        store.incidents.update(
          existing.id,
          { ...p.incident, ref: existing.ref, rootCause: p.incident.rootCause ?? existing.rootCause, entryPath: p.incident.entryPath ?? existing.entryPath, continuationOf: existing.continuationOf },
          now,
        );
        store.audit.append(actor, { action: 'update', entity: 'incident', entityId: existing.id, vendorId: existing.vendorId, before: existing, after: store.incidents.find(existing.id) }, now);
        updated++;
      } else {
        const vendorId = vendorFor(p, landing);
        const source = { format: 'veris' as const, id: p.id, attribution: VERIS_ATTRIBUTION };
        const id = store.incidents.create(vendorId, p.incident, now, source);
        store.audit.append(actor, { action: 'create', entity: 'incident', entityId: id, vendorId, after: { ...p.incident, source } }, now);
        created++;
      }
    }
    const vendorsCreated = made.size;
    store.audit.append(actor, { action: 'import', entity: 'veris', entityId: null, after: { created, updated, vendorsCreated, skipped: invalid, warnings: warnings.total } }, now);
    return { ...base, created, updated, vendorsCreated, errors: [] };
  });
}
