/**
 * A change the server refused because someone else changed the record since it was opened (412
 * edit-conflict), PURE: the two versions side by side, field by field where they differ: what
 * the analyst sent ("yours") and the record as the server now has it ("theirs").
 */
import type { VendorEdit } from './vendor-edits.ts';

export interface ConflictRow {
  readonly field: string;
  readonly label: string;
  readonly yours: string;
  readonly theirs: string;
}

/** `businessOwner` → "Business owner". */
export const fieldLabel = (field: string): string => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A value as a cell's text; nothing (null, empty) reads as an em dash. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const same = (a: unknown, b: unknown) => valueText(a) === valueText(b);

/** The fields both sides have, where they differ, in the order sent. */
function diff(yours: Readonly<Record<string, unknown>>, theirs: Readonly<Record<string, unknown>>): ConflictRow[] {
  return Object.keys(yours)
    .filter((k) => k !== 'version' && k in theirs && !same(yours[k], theirs[k]))
    .map((k) => ({ field: k, label: fieldLabel(k), yours: valueText(yours[k]), theirs: valueText(theirs[k]) }));
}

interface MfaLine {
  readonly population: string;
  readonly method: string;
  readonly enforced: boolean;
  readonly evidence: string;
  readonly assessedOn: string;
}
const mfaText = (r: MfaLine | undefined) =>
  r ? `${r.method}, ${r.enforced ? 'enforced' : 'not enforced'} (${r.evidence}, assessed ${r.assessedOn})` : 'Unknown';

/** The MFA posture population by population (a population left out is unknown). */
function mfaDiff(yours: readonly MfaLine[], theirs: readonly MfaLine[]): ConflictRow[] {
  const populations = [...new Set([...yours, ...theirs].map((r) => r.population))];
  return populations
    .map((p) => ({
      field: p,
      label: fieldLabel(p),
      yours: mfaText(yours.find((r) => r.population === p)),
      theirs: mfaText(theirs.find((r) => r.population === p)),
    }))
    .filter((r) => r.yours !== r.theirs);
}

/** Where the refused change and the record as it is now differ; empty for a delete (nothing was edited). */
export function conflictRows(sent: VendorEdit, current: unknown): ConflictRow[] {
  if (!current || typeof current !== 'object') return [];
  const theirs = current as Record<string, unknown>;
  switch (sent.kind) {
    case 'incident':
    case 'subprocessor':
      return diff(sent.body, theirs);
    case 'relationship':
      return diff(sent.patch, theirs);
    case 'mfa':
      return mfaDiff(sent.posture.items, Array.isArray(theirs.items) ? (theirs.items as MfaLine[]) : []);
    default:
      return [];
  }
}
