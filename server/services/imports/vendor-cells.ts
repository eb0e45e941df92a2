/**
 * A vendor CSV's columns, and each cell read into the value the vendor schema takes, or into a
 * problem in words: the column, the value given and what is allowed (never schema text). The
 * relationship's vocabularies take the words the app shows ("User-level") as well as the stored
 * values (`user`); a tier may be "3" or "Tier 3". PURE.
 */
import { httpUrl, isoDay } from '../../domain/fields.ts';
import { unneutralize } from './csv.ts';
import { MAX_ALIASES, nameKey } from '../../domain/vendor.ts';
import { allowedInWords, DATA_ACCESS_LABELS, ENVIRONMENT_ACCESS_LABELS, valueOfLabel, VENDOR_STATUS_LABELS } from '../../domain/vocabulary-labels.ts';

export const VENDOR_COLUMNS = [
  'id',
  'name',
  'category',
  'website',
  'tier',
  'dataAccess',
  'environmentAccess',
  'status',
  'businessOwner',
  'nextReviewOn',
  'engagedSince',
  'aliases',
  'notes',
] as const;
export type Column = (typeof VENDOR_COLUMNS)[number];
/** The vendor fields a row sets (all but `id`, which only says which vendor). */
export type FieldColumn = Exclude<Column, 'id'>;
export const FIELD_COLUMNS = VENDOR_COLUMNS.filter((c): c is FieldColumn => c !== 'id');

/** Columns of the CSV export that the server keeps itself: an exported file imports as it is, and these are ignored. */
export const EXPORT_ONLY_COLUMNS = ['domain', 'incidentCount', 'relationshipIsExample', 'createdAt', 'updatedAt'] as const;

/** What a new vendor needs: a row that creates one must fill these. */
export const REQUIRED_FOR_NEW = ['name', 'category', 'tier', 'dataAccess', 'environmentAccess'] as const satisfies readonly FieldColumn[];

/** Several aliases share one cell, separated by this. */
export const ALIAS_SEPARATOR = ';';

export type Cell = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const ok = (value: unknown): Cell => ({ ok: true, value });
const no = (message: string): Cell => ({ ok: false, message });

/** A value as a message quotes it, cut short when long. */
export const quoted = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;

const text = (column: string, max: number) => (t: string) =>
  t.length <= max ? ok(t) : no(`${column} is ${t.length} characters long; at most ${max} are allowed`);

const vocabulary =
  <T extends string>(column: string, labels: Readonly<Record<T, string>>) =>
  (t: string): Cell => {
    const v = valueOfLabel(labels, t);
    return v !== undefined ? ok(v) : no(`${column} ${quoted(t)} is not one of the allowed values: ${allowedInWords(labels)}`);
  };

const day = (column: string) => (t: string) =>
  isoDay.safeParse(t).success ? ok(t) : no(`${column} ${quoted(t)} is not a calendar day; write it as YYYY-MM-DD, such as 2027-06-30`);

function aliases(t: string): Cell {
  const names = t
    .split(ALIAS_SEPARATOR)
    .map((a) => a.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (names.length > MAX_ALIASES) return no(`aliases has ${names.length} names; at most ${MAX_ALIASES} are allowed`);
  const long = names.find((a) => a.length > 200);
  if (long) return no(`aliases ${quoted(long)} is ${long.length} characters long; at most 200 are allowed`);
  const twice = names.find((a, i) => names.findIndex((b) => nameKey(b) === nameKey(a)) !== i);
  if (twice) return no(`aliases ${quoted(twice)} is given twice (case and spacing are ignored)`);
  return ok(names);
}

const READ: Readonly<Record<Column, (t: string) => Cell>> = {
  id: (t) =>
    /^[1-9]\d{0,14}$/.test(t)
      ? ok(Number(t))
      : no(`id ${quoted(t)} is not a vendor id; use the number the export (or the vendor's address, /vendors/12) gives, or leave it empty`),
  name: text('name', 200),
  category: text('category', 100),
  website: (t) =>
    httpUrl.safeParse(t).success
      ? ok(t)
      : no(`website ${quoted(t)} is not a web address; write one starting with https:// or http://, such as https://www.example.com`),
  tier: (t) => {
    const m = /^(?:tier\s*)?([1-4])$/i.exec(t);
    return m ? ok(Number(m[1])) : no(`tier ${quoted(t)} is not a tier; use 1, 2, 3 or 4 (1 = most critical to us, 4 = least)`);
  },
  dataAccess: vocabulary('dataAccess', DATA_ACCESS_LABELS),
  environmentAccess: vocabulary('environmentAccess', ENVIRONMENT_ACCESS_LABELS),
  status: vocabulary('status', VENDOR_STATUS_LABELS),
  businessOwner: text('businessOwner', 200),
  nextReviewOn: day('nextReviewOn'),
  engagedSince: day('engagedSince'),
  aliases,
  notes: text('notes', 5000),
};

/** A cell's value, or its problem; undefined when it is blank (not given). */
export function readCell(column: Column, cell: string): Cell | undefined {
  const trimmed = unneutralize(cell.trim());
  const t = column === 'notes' ? trimmed : trimmed.replace(/\s+/g, ' ');
  if (t === '') return undefined;
  return READ[column](t);
}
