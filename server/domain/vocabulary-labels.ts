/**
 * The words the app shows for our relationship's vocabularies, so that a spreadsheet may say
 * "User-level" where the API says `user`. PURE and dependency-free (its one import is a type), so
 * the web shows these same words (web/format.ts imports them).
 */
import type { DataAccess, EnvironmentAccess, VendorStatus } from './vocabulary.ts';

export const DATA_ACCESS_LABELS: Readonly<Record<DataAccess, string>> = {
  none: 'None',
  internal: 'Internal data',
  confidential: 'Confidential data',
  restricted: 'Restricted data',
};

export const ENVIRONMENT_ACCESS_LABELS: Readonly<Record<EnvironmentAccess, string>> = {
  none: 'None',
  user: 'User-level',
  admin: 'Admin',
  'identity-provider': 'Identity provider for everything',
};

export const VENDOR_STATUS_LABELS: Readonly<Record<VendorStatus, string>> = {
  proposed: 'Proposed',
  'under-review': 'Under review',
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  rejected: 'Rejected',
  offboarded: 'Offboarded',
  'not-engaged': 'Not engaged',
};

/** Case, spacing, hyphens and underscores aside: "Under review", "under-review" and "UNDER_REVIEW" are one key. */
const key = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** The stored value a label or a stored value names, or undefined when it names none. */
export function valueOfLabel<T extends string>(labels: Readonly<Record<T, string>>, text: string): T | undefined {
  const k = key(text);
  return (Object.keys(labels) as T[]).find((v) => key(v) === k || key(labels[v]) === k);
}

/** The allowed values in words, each with its stored value: `None (none), User-level (user), …`. */
export const allowedInWords = <T extends string>(labels: Readonly<Record<T, string>>): string =>
  (Object.keys(labels) as T[]).map((v) => (labels[v] === v ? v : `${labels[v]} (${v})`)).join(', ');
