/**
 * What the "Add vendor" form sends, PURE: a submitted form's FormData read into the body of
 * POST /vendors (empty optional text is null, one alias a line), and the server's refusals by
 * the form's fields. Name and category go as typed, even empty, for the server to name the
 * problem beside them: nothing here second-guesses it.
 */
import type { DataAccess, EnvironmentAccess, VendorStatus } from '../server/domain/vocabulary.ts';
import type { VendorBody } from './api/client.ts';
import { lines, relationshipFieldErrors, textOrNull } from './vendor-edits.ts';

const text = (fd: FormData, name: string): string => textOrNull(fd, name) ?? '';

/**
 * The body of POST /vendors. Tier and the two accesses have no default in the form (they set the
 * vendor's impact, so someone must choose them): one not chosen is left out, and the server says
 * it is required.
 */
export function newVendorBody(fd: FormData): VendorBody {
  const chosen = <T>(name: string, as: (t: string) => T): Record<string, T> => {
    const t = textOrNull(fd, name);
    return t === null ? {} : { [name]: as(t) };
  };
  return {
    name: text(fd, 'name'),
    category: text(fd, 'category'),
    website: textOrNull(fd, 'website'),
    ...chosen('tier', Number),
    ...chosen('dataAccess', (t) => t as DataAccess),
    ...chosen('environmentAccess', (t) => t as EnvironmentAccess),
    status: (textOrNull(fd, 'status') ?? 'proposed') as VendorStatus,
    businessOwner: textOrNull(fd, 'businessOwner'),
    nextReviewOn: textOrNull(fd, 'nextReviewOn'),
    notes: textOrNull(fd, 'notes'),
    aliases: lines(fd, 'aliases'),
  } as VendorBody;
}

/** The server's refusals by field; one about an alias names the alias and its line, as the form shows them one a line. */
export const newVendorFieldErrors = (e: unknown, sent: VendorBody): Record<string, string> => relationshipFieldErrors(e, sent);

/** Whether the name typed to confirm a deletion is the vendor's (case and spacing aside, as names are compared). */
export const deleteConfirmed = (name: string, typed: string): boolean => {
  const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return typed.trim() !== '' && key(typed) === key(name);
};

/** What goes with a vendor when it is deleted, in words. */
export function deletionConsequences(v: { readonly name: string; readonly incidentCount: number }): string {
  const incidents = v.incidentCount === 0 ? '' : ` and its ${v.incidentCount === 1 ? 'incident' : `${v.incidentCount} incidents`}`;
  return `Deleting ${v.name} removes it${incidents}, its subprocessors, MFA posture, reviews, documents and scores from the portfolio. The audit log keeps a copy, and the full export lists it among the deleted vendors.`;
}
