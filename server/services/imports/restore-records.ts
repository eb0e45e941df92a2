/**
 * What both ways of restoring (restore-exact.ts, restore-merge.ts) write a record with: a refused
 * write named by its record, a review with its conditions, and facts whose source is remapped to
 * this database's ids.
 */
import type { ExportDocument } from '../../domain/export.ts';
import type { MfaRecord } from '../../domain/mfa.ts';
import type { Store } from '../../db/store.ts';
import { ServiceError } from '../errors.ts';
import { remapSource, type SourceIds } from './evidence-transfer.ts';

type ExportedReview = ExportDocument['reviews'][number];

/** Adds a review and its conditions; `exact` keeps their ids and timestamps. */
export function addReview(store: Store, vendorId: number, r: ExportedReview, exact: boolean, now: string): void {
  const { id, createdAt, conditions, vendorId: _v, ...fields } = r;
  const reviewId = store.reviews.create({ ...fields, vendorId }, now, exact ? { id, createdAt } : undefined);
  for (const c of conditions) {
    const { id: cid, createdAt: cc, updatedAt: cu, ...cf } = c;
    store.reviews.addCondition(reviewId, cf, now, exact ? { id: cid, createdAt: cc, updatedAt: cu } : undefined);
  }
}

export type ExportedMfa = ExportDocument['mfa'][number];
/** An arrangement's provenance as the document gives it; a document from before it has none: recorded. */
// A fact's source names its request or sheet by the id it has in this database (`ids`).
export const provenanceOf = (s: ExportDocument['subprocessors'][number], ids: SourceIds) => ({
  confidence: s.confidence ?? 'recorded',
  source: remapSource(s.source ?? null, ids),
});
export const mfaKnown = ({ vendorId: _v, ...r }: ExportedMfa, recorded: string, ids: SourceIds): MfaRecord => ({
  ...r,
  source: remapSource(r.source, ids),
  knownFrom: r.knownFrom ?? recorded,
});
export const commitmentOf = (c: ExportDocument['commitments'][number], ids: SourceIds) => ({ ...c, source: remapSource(c.source, ids) });

/** SQLite's column names, as the document's fields: `incidents.vendor_id` → `vendorId`. */
const fieldsOf = (message: string): string =>
  (/failed: (.+)$/.exec(message)?.[1] ?? '')
    .split(', ')
    .map((c) => c.replace(/^\w+\./, '').replace(/_(\w)/g, (_m, x: string) => x.toUpperCase()))
    .join(', ');

/**
 * One record's write. A constraint the database refuses (a repeated key, a link to a record the
 * document lacks) names the record and what it breaks, not SQLite's words or a stack trace; the
 * transaction around the restore then writes nothing.
 */
export function atRecord<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const { code, message } = e as { code?: unknown; message?: string };
    if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) throw e;
    const why =
      code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
        ? 'refers to a record the document does not have'
        : code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
          ? `repeats another record's ${fieldsOf(message ?? '') || 'key'}`
          : 'breaks a rule of the stored data';
    throw new ServiceError(
      'conflict',
      'restore-conflict',
      `A record in the document conflicts with the rest of it (${path.replace(/^body\./, '')} ${why}); nothing was restored.`,
      [{ path, message: why }],
    );
  }
}
