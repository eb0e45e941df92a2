/**
 * The words of a vendor's dossier on paper (the print view), PURE: how each fact reads in a cell,
 * and the links to the same dossier as a download. The view renders; this says what it says.
 */
import type { Dossier } from '../server/http/contract.ts';
import { urlWith } from './urls.ts';

export type { Dossier };

/** The dossier's downloads, from the API: Markdown (always an attachment) and JSON (`download=1`). */
export const dossierDownloads = (base: string, vendorId: number, asOf: string) => ({
  md: urlWith(`${base}/vendors/${vendorId}/dossier`, { format: 'md', asOf: asOf || undefined }),
  json: urlWith(`${base}/vendors/${vendorId}/dossier`, { download: '1', asOf: asOf || undefined }),
});

/** The print view of a dossier, as of a day (or today). */
export const printHref = (vendorId: number, asOf: string) => urlWith(`/vendors/${vendorId}/print`, { asOf: asOf || undefined });

/** The conditions agreed for a finding in the decisions shown, in words: "Enforce FIDO2 (Open)". */
export function agreedFor(d: Pick<Dossier, 'review'>, findingId: string, stateLabel: (s: 'open' | 'met' | 'waived') => string): string {
  const agreed = d.review.decisions.flatMap((r) => r.conditions).filter((c) => c.findingId === findingId);
  return agreed.length ? agreed.map((c) => `${c.text} (${stateLabel(c.state)})`).join('; ') : 'None agreed';
}

/** What the dossier leaves out because it was recorded after its day, in words; '' when nothing is. */
export function leftOutLine(d: Pick<Dossier, 'leftOut' | 'asOf'>): string {
  const l = d.leftOut;
  const parts = [
    [l.incidents, 'incident', 'incidents'],
    [l.supportChain, 'support arrangement', 'support arrangements'],
    [l.mfa, 'MFA record', 'MFA records'],
    [l.statements, 'statement', 'statements'],
    [l.decisions, 'decision', 'decisions'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return said.length ? `Recorded after ${d.asOf} and left out: ${said.join(', ')}.` : '';
}
