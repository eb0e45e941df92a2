/**
 * A vendor's commitments (days to notify customers of a breach, its security contact) as the
 * dossier lists them: in a fixed order, each with its value in words and where it came from.
 */
import type { Commitment, CommitmentField } from '../server/domain/commitment.ts';

/** The fields in the order people read them, with their labels (the server's COMMITMENT_LABELS, restated: the web takes types only). */
export const COMMITMENT_ORDER: ReadonlyArray<[CommitmentField, string]> = [
  ['notifyWithinDays', 'Notifies customers of a breach within'],
  ['securityContactName', 'Security contact'],
  ['securityContactEmail', 'Security contact e-mail'],
];

export interface CommitmentRow {
  readonly field: CommitmentField;
  readonly label: string;
  readonly value: string;
  readonly knownFrom: string;
  readonly commitment: Commitment;
}

/** The value in words: days with their unit, text as given (never markup). */
export function commitmentValue(c: Pick<Commitment, 'field' | 'value'>): string {
  if (c.field === 'notifyWithinDays') return `${c.value} ${c.value === 1 ? 'day' : 'days'}`;
  return String(c.value);
}

/** The rows to show, in order; fields with nothing on record are left out. */
export function commitmentRows(items: readonly Commitment[]): CommitmentRow[] {
  return COMMITMENT_ORDER.flatMap(([field, label]) => {
    const c = items.find((x) => x.field === field);
    return c ? [{ field, label, value: commitmentValue(c), knownFrom: c.knownFrom, commitment: c }] : [];
  });
}
