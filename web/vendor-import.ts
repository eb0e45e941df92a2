/**
 * A vendor CSV's preview in words, PURE: each update's changes ("Tier: Tier 1 → Tier 3", values
 * with the labels the app shows), a possible duplicate's line, and what a confirmed import would
 * write, given the choice made for possible duplicates. Tested in node.
 */
import type { VendorImport } from './api/client.ts';
import type { FieldChange, OnDuplicate } from '../server/http/contract.ts';
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, partialDate, STATUS_LABEL } from './format.ts';

export type { FieldChange, OnDuplicate };
export type CsvRow = VendorImport['rows'][number];

/** As the relationship panel and the CSV template name them. */
export const FIELD_LABEL: Readonly<Record<FieldChange['field'], string>> = {
  name: 'Name',
  category: 'Category',
  website: 'Website',
  tier: 'Tier',
  dataAccess: 'Data access',
  environmentAccess: 'Access into our environment',
  status: 'Review status',
  businessOwner: 'Business owner',
  nextReviewOn: 'Next review',
  engagedSince: 'Engaged since',
  aliases: 'Also known as',
  notes: 'Notes',
};

const label = (labels: Readonly<Record<string, string>>, v: string) => labels[v] ?? v;

/** A field's value as the app shows it; "none" for nothing. */
export function changeValue(field: FieldChange['field'], v: FieldChange['from']): string {
  if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) return 'none';
  if (Array.isArray(v)) return v.join('; ');
  const text = String(v);
  switch (field) {
    case 'tier':
      return `Tier ${text}`;
    case 'dataAccess':
      return label(DATA_ACCESS_LABEL, text);
    case 'environmentAccess':
      return label(ENVIRONMENT_ACCESS_LABEL, text);
    case 'status':
      return label(STATUS_LABEL, text);
    case 'nextReviewOn':
    case 'engagedSince':
      return partialDate(text);
    case 'notes':
      return text.length > 80 ? `${text.slice(0, 80)}…` : text;
    default:
      return text;
  }
}

/** "Tier: Tier 1 → Tier 3". */
export const changeText = (c: FieldChange): string => `${FIELD_LABEL[c.field]}: ${changeValue(c.field, c.from)} → ${changeValue(c.field, c.to)}`;

/** Rows that resemble a vendor by website domain alone and wait for a choice. */
export const undecided = (r: VendorImport): number => r.rows.filter((row) => row.action === 'duplicate').length;

/** How many vendors a confirmed import would write: creates and updates, and the possible duplicates when they are to be created. */
export const vendorsToWrite = (r: VendorImport, onDuplicate?: OnDuplicate): number => r.created + r.updated + (onDuplicate === 'create' ? undecided(r) : 0);

/** Whether a confirmed import would do anything at all. */
export const somethingToImport = (r: VendorImport): boolean => r.created + r.updated + undecided(r) > 0;
