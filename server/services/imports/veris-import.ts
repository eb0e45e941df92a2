/**
 * Importing VERIS incidents: one record, an array, or NDJSON. Every record is checked against the
 * VERIS schema of its version and mapped; if any fails, nothing is written and every failure is
 * reported with the record's id and the path. Victims become vendors (matched by name, or created
 * as not engaged); a record imported again updates its incident.
 */
import { SYSTEM, type Actor } from '../../domain/account.ts';
import { fieldProblems } from '../../domain/field-problems.ts';
import { incidentInput, type IncidentInput } from '../../domain/incident.ts';
import { nameKey, vendorInput } from '../../domain/vendor.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { breathe, type JobError, type Progress } from '../jobs-service.ts';
import { mapVeris, VERIS_ATTRIBUTION } from './veris-map.ts';
import { smoothQuirks, type VerisProblem } from './veris-schema.ts';

export interface VerisImportResult {
  readonly created: number;
  readonly updated: number;
  readonly vendorsCreated: number;
  readonly errors: readonly JobError[];
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
  const errors: JobError[] = [];
  trimmed.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch (e) {
      errors.push({ path: `lines.${i + 1}`, line: i + 1, message: `not valid JSON: ${(e as Error).message}` });
    }
  });
  return { records, errors };
}

const CHUNK = 500;

export async function importVeris(
  store: Store,
  clock: Clock,
  validate: (r: Record<string, unknown>) => VerisProblem[],
  records: readonly unknown[],
  opts: { actor?: Actor; progress?: Progress } = {},
): Promise<VerisImportResult> {
  const errors: JobError[] = [];
  // The last occurrence of a repeated incident_id wins: an upsert, never two rows (guide, quirk 2).
  const planned = new Map<string, { index: number; id: string; victim: string; victimCategory: string; incident: IncidentInput }>();
  for (const [index, raw] of records.entries()) {
    if (index % CHUNK === 0) {
      opts.progress?.(index);
      await breathe();
    }
    const fail = (path: string, message: string, id: string | null = null) => errors.push({ path: `records.${index}${path ? `.${path}` : ''}`, index, id, message });
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      fail('', 'expected a VERIS incident object');
      continue;
    }
    const record = smoothQuirks(raw as Record<string, unknown>);
    const id = typeof record.incident_id === 'string' ? record.incident_id : null;
    const problems = validate(record);
    if (problems.length > 0) {
      for (const p of problems) fail(p.path, p.message, id);
      continue;
    }
    const mapped = mapVeris(record);
    const parsed = incidentInput.safeParse(mapped.incident);
    if (!parsed.success) {
      for (const p of fieldProblems(parsed.error, '')) fail(`mapped.${p.path}`, p.message, id);
      continue;
    }
    planned.set(mapped.id.toLowerCase(), { index, id: mapped.id, victim: mapped.victim, victimCategory: mapped.victimCategory, incident: parsed.data });
  }
  opts.progress?.(records.length);
  if (errors.length > 0 || records.length === 0) {
    return { created: 0, updated: 0, vendorsCreated: 0, errors: records.length === 0 && errors.length === 0 ? [{ path: '', message: 'no records' }] : errors };
  }

  const actor = opts.actor ?? { ...SYSTEM, via: 'import' };
  return store.transaction(() => {
    const now = clock.now();
    const vendors = new Map(store.vendors.all().map((v) => [nameKey(v.name), v.id]));
    let created = 0;
    let updated = 0;
    let vendorsCreated = 0;
    const vendorFor = (name: string, category: string) => {
      const known = vendors.get(nameKey(name));
      if (known !== undefined) return known;
      // A victim we do not do business with stays out of the portfolio until someone engages it.
      const input = vendorInput.parse({ name, category, tier: 4, dataAccess: 'none', environmentAccess: 'none', status: 'not-engaged', notes: `Created by a VERIS import. ${VERIS_ATTRIBUTION}.` });
      const id = store.vendors.create(input, now);
      store.audit.append(actor, { action: 'create', entity: 'vendor', entityId: id, vendorId: id, after: store.vendors.find(id) }, now);
      vendors.set(nameKey(name), id);
      vendorsCreated++;
      return id;
    };
    for (const p of planned.values()) {
      const existing = store.incidents.findBySource('veris', p.id);
      if (existing) {
        store.incidents.update(existing.id, { ...p.incident, ref: existing.ref }, now);
        store.audit.append(actor, { action: 'update', entity: 'incident', entityId: existing.id, vendorId: existing.vendorId, before: existing, after: store.incidents.find(existing.id) }, now);
        updated++;
      } else {
        const vendorId = vendorFor(p.victim, p.victimCategory);
        const source = { format: 'veris' as const, id: p.id, attribution: VERIS_ATTRIBUTION };
        const id = store.incidents.create(vendorId, p.incident, now, source);
        store.audit.append(actor, { action: 'create', entity: 'incident', entityId: id, vendorId, after: { ...p.incident, source } }, now);
        created++;
      }
    }
    store.audit.append(actor, { action: 'import', entity: 'veris', entityId: null, after: { created, updated, vendorsCreated } }, now);
    return { created, updated, vendorsCreated, errors: [] };
  });
}
