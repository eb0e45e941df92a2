/**
 * Importing VERIS incidents: one record, an array, or NDJSON. Each record is checked against the
 * VERIS schema of its version; what is invalid but not needed is taken out with a warning
 * (veris-repair.ts), and only a record without a usable id, victim name or incident year is
 * invalid. Invalid records refuse the whole import (`onInvalid=reject`, the default: nothing is
 * written) or are left out and listed (`onInvalid=skip`). Victims become vendors, matched by name
 * or alias, or created as not engaged; a record imported again updates its incident. A dry run
 * says where each record would land, without writing.
 *
 * Reading and checking (veris-prepare.ts) needs no database and runs in the import worker; this
 * module writes what it prepared.
 */
import { SYSTEM, type Actor } from '../../domain/account.ts';
import { nameKey, vendorInput, type Vendor } from '../../domain/vendor.ts';
import type { Incident } from '../../domain/incident.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { breathe, type Progress } from '../jobs-service.ts';
import { LIST_LIMIT } from './capped.ts';
import { vendorIndex } from './vendor-index.ts';
import { VERIS_ATTRIBUTION } from './veris-map.ts';
import { prepareVeris, type OnInvalid, type Planned, type PreparedVeris, type VerisProblems } from './veris-prepare.ts';
import type { VerisProblem } from './veris-schema.ts';
import type { FeedEvents } from '../changes/feed-events.ts';

export { readVerisBody, UnreadableBody, type OnInvalid } from './veris-prepare.ts';

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

export interface VerisImportResult extends VerisProblems {
  readonly dryRun: boolean;
  readonly created: number;
  readonly updated: number;
  readonly vendorsCreated: number;
  /** A dry run's plan, record by record: the first 1,000 (the counts cover them all). */
  readonly records?: readonly RecordPlan[];
}

export interface VerisWriteOptions {
  readonly actor?: Actor;
  /** Records each new incident on What changed, in the batch's transaction. */
  readonly feed: Pick<FeedEvents, 'incidentsAdded'>;
  readonly dryRun?: boolean;
  /**
   * Records per transaction, with the event loop free between transactions; without it, one
   * transaction. Large imports (jobs) write in batches so other requests are served meanwhile; as
   * records are matched by their VERIS id, importing the same file again completes an interrupted one.
   */
  readonly batch?: number;
  /** How many records have been written. */
  readonly written?: Progress;
}

/** Writes what prepareVeris found (or, for a dry run, says where each record would land). */
export async function writeVeris(store: Store, clock: Clock, prepared: PreparedVeris, opts: VerisWriteOptions): Promise<VerisImportResult> {
  const dryRun = opts.dryRun ?? false;
  const { records: _count, planned: _planned, ...problems } = prepared;
  const base = { dryRun, ...problems };
  if (prepared.errorsTotal > 0) return { ...base, created: 0, updated: 0, vendorsCreated: 0 };

  const actor = opts.actor ?? { ...SYSTEM, via: 'import' };
  type Where = (p: Planned) => { existing: ReturnType<Store['incidents']['findBySource']>; landing: Landing };
  /** Where a record lands, by name or alias through `byName` (an index in memory, or the database's own). */
  const where =
    (byName: (name: string) => { vendor: Vendor; via: 'name' | 'alias' } | undefined): Where =>
    (p) => {
      const existing = store.incidents.findBySource('veris', p.id);
      if (existing)
        return { existing, landing: { vendorId: existing.vendorId, name: store.vendors.find(existing.vendorId)?.name ?? p.victim, match: 'incident' } };
      const known = byName(p.victim);
      if (known) return { existing, landing: { vendorId: known.vendor.id, name: known.vendor.name, match: known.via } };
      return { existing, landing: { vendorId: null, name: p.victim, match: 'new' } };
    };
  /** The database's own name lookup: no index of every vendor per batch, and always what is stored now. */
  const stored = (name: string) => {
    const vendor = store.vendors.findByNameOrAlias(name);
    return vendor && { vendor, via: nameKey(vendor.name) === nameKey(name) ? ('name' as const) : ('alias' as const) };
  };

  if (dryRun) {
    const land = where(vendorIndex(store.vendors.all()).byName);
    const previews: RecordPlan[] = [];
    const newVendors = new Set<string>();
    let created = 0;
    for (const p of prepared.planned) {
      const { existing, landing } = land(p);
      if (!existing) created++;
      if (landing.match === 'new') newVendors.add(nameKey(p.victim));
      if (previews.length < LIST_LIMIT)
        previews.push({ index: p.index, id: p.id, title: p.incident.title, action: existing ? 'update' : 'create', vendor: landing, warnings: p.warnings });
    }
    return { ...base, created, updated: prepared.planned.length - created, vendorsCreated: newVendors.size, records: previews };
  }

  const now = clock.now();
  let created = 0;
  let updated = 0;
  let vendorsCreated = 0;
  // Each batch matches against what is stored when it runs, so an edit made between batches is seen.
  const writeBatch = (batch: readonly Planned[]) => {
    const land = where(stored);
    const made = new Map<string, number>();
    const added: Incident[] = [];
    const vendorFor = (p: Planned, landing: Landing): number => {
      if (landing.vendorId !== null) return landing.vendorId;
      const key = nameKey(p.victim);
      const known = made.get(key);
      if (known !== undefined) return known;
      // A victim we do not do business with stays out of the portfolio until someone engages it.
      const input = vendorInput.parse({
        name: p.victim,
        category: p.victimCategory,
        tier: 4,
        dataAccess: 'none',
        environmentAccess: 'none',
        status: 'not-engaged',
        notes: `Created by a VERIS import. ${VERIS_ATTRIBUTION}.`,
      });
      const id = store.vendors.create(input, now);
      store.audit.append(actor, { action: 'create', entity: 'vendor', entityId: id, vendorId: id, after: store.vendors.find(id) }, now);
      made.set(key, id);
      return id;
    };
    for (const p of batch) {
      const { existing, landing } = land(p);
      if (existing) {
        // The record is refreshed from VERIS; a root cause, entry path or campaign an analyst gave it stays where VERIS says nothing.
        store.incidents.update(
          existing.id,
          {
            ...p.incident,
            ref: existing.ref,
            rootCause: p.incident.rootCause ?? existing.rootCause,
            entryPath: p.incident.entryPath ?? existing.entryPath,
            continuationOf: existing.continuationOf,
          },
          now,
        );
        store.audit.append(
          actor,
          {
            action: 'update',
            entity: 'incident',
            entityId: existing.id,
            vendorId: existing.vendorId,
            before: existing,
            after: store.incidents.find(existing.id),
          },
          now,
        );
        updated++;
      } else {
        const vendorId = vendorFor(p, landing);
        const source = { format: 'veris' as const, id: p.id, attribution: VERIS_ATTRIBUTION };
        const id = store.incidents.create(vendorId, p.incident, now, source);
        store.audit.append(actor, { action: 'create', entity: 'incident', entityId: id, vendorId, after: { ...p.incident, source } }, now);
        added.push(store.incidents.find(id)!);
        created++;
      }
    }
    vendorsCreated += made.size;
    opts.feed.incidentsAdded(added);
  };
  const summary = () =>
    store.audit.append(
      actor,
      {
        action: 'import',
        entity: 'veris',
        entityId: null,
        after: { created, updated, vendorsCreated, skipped: prepared.invalid, warnings: prepared.warningsTotal },
      },
      now,
    );

  const size = opts.batch ?? Number.POSITIVE_INFINITY;
  if (prepared.planned.length <= size) {
    store.transaction(() => {
      writeBatch(prepared.planned);
      summary();
    });
  } else {
    for (let from = 0; from < prepared.planned.length; from += size) {
      store.transaction(() => writeBatch(prepared.planned.slice(from, from + size)));
      opts.written?.(Math.min(from + size, prepared.planned.length));
      await breathe();
    }
    summary();
  }
  return { ...base, created, updated, vendorsCreated };
}

export interface VerisImportOptions extends VerisWriteOptions {
  readonly onInvalid?: OnInvalid;
  /** How many records have been read and checked. */
  readonly progress?: Progress;
}

/** Reads, checks and writes records in this thread (the CLI, the benchmark); the API reads them in the import worker. */
export async function importVeris(
  store: Store,
  clock: Clock,
  validate: (r: Record<string, unknown>) => VerisProblem[],
  records: Iterable<unknown>,
  opts: VerisImportOptions,
): Promise<VerisImportResult> {
  const prepared = prepareVeris(records, validate, { onInvalid: opts.onInvalid, progress: opts.progress });
  return writeVeris(store, clock, prepared, opts);
}
