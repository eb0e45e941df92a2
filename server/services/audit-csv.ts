/**
 * The audit log as CSV, PURE: one row per entry, newest first, with the names beside the ids and
 * the record before and after as JSON text; every text cell neutralized (a spreadsheet runs none).
 */
import type { AuditEntry } from '../domain/account.ts';
import { toCsv } from './imports/csv.ts';

/** At most this many entries in one download (the newest): the file is built in memory. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

const COLUMNS = [
  'id',
  'at',
  'actor',
  'actorId',
  'via',
  'action',
  'entity',
  'entityId',
  'entityName',
  'vendorId',
  'vendorName',
  'vendorDeleted',
  'before',
  'after',
] as const;

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export function auditToCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    COLUMNS,
    entries.map((e) => [
      e.id,
      e.at,
      e.actor,
      e.actorId,
      e.via,
      e.action,
      e.entity,
      e.entityId === null ? null : String(e.entityId),
      e.entityName,
      e.vendorId,
      e.vendorName,
      e.vendorId === null ? null : e.vendorDeleted,
      json(e.before),
      json(e.after),
    ]),
  );
}
