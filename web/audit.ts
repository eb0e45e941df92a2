/**
 * The audit trail in words, PURE: what an entry did ("Updated vendor #3"), and which fields its
 * before and after differ in. Nested objects are compared field by field (`address.city`); arrays
 * and other values as a whole, so a list that changed shows once, old next to new.
 */
import type { AuditEntry } from '../server/domain/account.ts';

export interface FieldChange {
  /** Dotted path of the field, e.g. `tier` or `relationship.dataAccess`. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditDiff {
  readonly changes: FieldChange[];
  /** Fields present on both sides with equal values (left out of `changes`). */
  readonly unchanged: number;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf values by dotted path: plain objects are entered; anything else is a leaf. */
function flatten(v: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (!isPlainObject(v)) {
    if (prefix !== '' || (v !== null && v !== undefined)) out.set(prefix || '(value)', v);
    return out;
  }
  for (const [k, child] of Object.entries(v)) flatten(child, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The fields `before` and `after` differ in, in the order they appear (before's first). */
export function auditDiff(before: unknown, after: unknown): AuditDiff {
  const b = flatten(before, '', new Map());
  const a = flatten(after, '', new Map());
  const changes: FieldChange[] = [];
  let unchanged = 0;
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    const inB = b.has(path);
    const inA = a.has(path);
    if (inB && inA && same(b.get(path), a.get(path))) unchanged++;
    else changes.push({ path, kind: !inB ? 'added' : !inA ? 'removed' : 'changed', before: b.get(path), after: a.get(path) });
  }
  return { changes, unchanged };
}

/** Fields every record updates on every change: the entry's own time says as much, so summaries leave them out. */
const BOOKKEEPING = new Set(['updatedAt']);

/** The changes a reader cares about: without the bookkeeping fields. */
export const meaningfulChanges = (changes: readonly FieldChange[]): FieldChange[] => changes.filter((c) => !BOOKKEEPING.has(c.path));

/** A value as one line of text: strings bare, everything else as compact JSON; absent as an em dash. */
export function showValue(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const ACTION_LABEL: Readonly<Record<string, string>> = {
  create: 'Created',
  'create-first-admin': 'Created the first admin',
  update: 'Updated',
  replace: 'Replaced',
  delete: 'Deleted',
  revoke: 'Revoked',
  recompute: 'Recomputed',
  seed: 'Seeded',
  'reset-and-seed': 'Reset and seeded',
  'sign-in': 'Signed in',
  'sign-in-failed': 'Failed sign-in',
  'sign-out': 'Signed out',
  'change-password': 'Changed the password of',
  'reset-password': 'Reset the password of',
};

/** The entity names the audit trail uses, for the filter (the server accepts any string). */
export const AUDIT_ENTITIES = [
  'vendor',
  'incident',
  'subprocessor',
  'mfa',
  'methodology',
  'snapshot',
  'demo-portfolio',
  'user',
  'session',
  'token',
  'passkey',
] as const;

/** "Updated vendor #3", "Signed in (session #12)", "Created the first admin user #1". */
export function describeEntry(e: Pick<AuditEntry, 'action' | 'entity' | 'entityId'>): string {
  const verb = ACTION_LABEL[e.action] ?? e.action;
  const what = `${e.entity}${e.entityId === null ? '' : ` #${e.entityId}`}`;
  if (e.entity === 'session' && e.action.startsWith('sign-')) return e.entityId === null ? verb : `${verb} (${what})`;
  if (e.action === 'create-first-admin') return `${verb}, ${what}`;
  return `${verb} ${what}`;
}

/** The audit log's filters, as the URL and the API name them. */
export const AUDIT_FILTERS = ['entity', 'entityId', 'vendorId', 'actor', 'from', 'to'] as const;
export type AuditFilterValues = Partial<Record<(typeof AUDIT_FILTERS)[number], string>>;

/** The filters in force: the URL's, empty ones left out. */
export const auditFiltersOf = (query: URLSearchParams): AuditFilterValues =>
  Object.fromEntries(AUDIT_FILTERS.flatMap((k) => (query.get(k) ? [[k, query.get(k)!.trim()] as const] : [])).filter(([, v]) => v !== ''));

/** As the server's AUDIT_CSV_MAX_ROWS (server/services/audit-csv.ts; the web takes only types from it): the newest entries a download holds. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

/** The CSV download of the log as filtered (GET /audit?format=csv, the same filters). */
export function auditCsvHref(f: AuditFilterValues, base = '/api/v1'): string {
  const p = new URLSearchParams(AUDIT_FILTERS.flatMap((k) => (f[k] ? [[k, f[k]]] : [])));
  p.set('format', 'csv');
  return `${base}/audit?${p}`;
}

/** "Okta", "Okta (deleted)", or "vendor #7" when the trail does not know its name. */
export const vendorLabel = (e: Pick<AuditEntry, 'vendorId' | 'vendorName' | 'vendorDeleted'>): string =>
  e.vendorId === null ? '' : `${e.vendorName ?? `vendor #${e.vendorId}`}${e.vendorDeleted ? ' (deleted)' : ''}`;
