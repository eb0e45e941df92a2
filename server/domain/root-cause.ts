/**
 * An incident's root cause and entry path, derived from what the record says: its access vectors,
 * its support involvement and, where the vectors cannot tell (a forged token from a stolen one, a
 * password spray from a stolen password, staff from customers), the words of its access detail.
 * An analyst can set either; null means "derived". The rules, in order, are the table in
 * docs/METHODOLOGY.md ("Root causes and entry paths"): the first rule that applies wins.
 */
import type { AccessVector, EntryPath, RootCause, SupportInvolvementType } from './vocabulary.ts';

export interface Classifiable {
  readonly initialAccessVectors: readonly AccessVector[];
  readonly supportInvolved: boolean | null;
  readonly supportInvolvementType: SupportInvolvementType;
  /** Absent in records written before it was read (scored as no words). */
  readonly initialAccessDetail?: string | null | undefined;
}

export interface Classified extends Classifiable {
  readonly rootCause?: RootCause | null | undefined;
  readonly entryPath?: EntryPath | null | undefined;
}

/** Support involvement that is the vendor's own support channel, run by its staff or by a provider on its behalf. */
const OWN_SUPPORT: ReadonlySet<SupportInvolvementType> = new Set([
  'outsourced-support-provider',
  'in-house-support-system',
  'in-house-support-tool',
  'internal-admin-tools',
  'support-agent-endpoint',
]);

/** Involvement of a third party that is not the vendor's support channel: an IT provider, a contractor, someone else's support system, a telephony provider. */
const THIRD_PARTY: ReadonlySet<SupportInvolvementType> = new Set([
  'outsourced-it-provider',
  'external-contractor',
  'third-party-support-system',
  'telephony-subprocessor',
]);

/** The detail names the vendor's own people or corporate systems. */
const STAFF = /\b(employee|engineer|developer|staff|corporate|workforce|personnel)s?\b/i;
/** The detail names customers' own logins or instances of the product. */
const CUSTOMER_LOGINS = /\bcustomers?(?:'s?)?\s+(?:[\w-]+\s+)?(?:usernames?|passwords?|credentials?|accounts?|instances?|logins?|tenants?)\b/i;
const FORGERY = /\bforg(?:e|ed|ery|ing)\b|\bsigning[- ]key/i;
const SPRAY = /\bpassword[- ]spray|\bcredential[- ]stuffing|\bbrute[- ]forc/i;
const ARTEFACTS = /\bHAR\b|\btroubleshooting (?:files?|artefacts?|artifacts?)\b/i;

const has = (i: Classifiable, ...vectors: AccessVector[]) => vectors.some((v) => i.initialAccessVectors.includes(v));
const says = (i: Classifiable, words: RegExp) => words.test(i.initialAccessDetail ?? '');

/** Where the attacker came in, by the rules of docs/METHODOLOGY.md. */
export function deriveEntryPath(i: Classifiable): EntryPath {
  const type = i.supportInvolvementType;
  if (OWN_SUPPORT.has(type) || (i.supportInvolved === true && type === 'none')) return 'support-channel';
  if (THIRD_PARTY.has(type) || has(i, 'subprocessor-compromise')) return 'subprocessor';
  if (type === 'support-platform-vendor' || has(i, 'malicious-update-build-compromise')) return 'product';
  if (says(i, STAFF)) return 'employee';
  if (has(i, 'vulnerability-exploit') || says(i, CUSTOMER_LOGINS)) return 'product';
  if (i.initialAccessVectors.length > 0) return 'employee';
  return 'unknown';
}

/** How it began, by the rules of docs/METHODOLOGY.md; the entry path is the derived one unless given. */
export function deriveRootCause(i: Classifiable, path: EntryPath = deriveEntryPath(i)): RootCause {
  if (has(i, 'insider-bribery')) return 'insider';
  if (has(i, 'sim-swap')) return 'sim-swap';
  if (path === 'support-channel') {
    if (has(i, 'phishing-social-engineering', 'mfa-fatigue')) return 'support-social-engineering';
    if (has(i, 'token-theft') && !has(i, 'stolen-credentials') && says(i, ARTEFACTS)) return 'artefact-session-tokens';
    if (has(i, 'stolen-credentials', 'token-theft', 'subprocessor-compromise')) return 'support-credential-theft';
    if (has(i, 'vulnerability-exploit')) return 'exploited-vulnerability';
    return 'unknown';
  }
  if (path === 'subprocessor') {
    if (i.supportInvolvementType === 'third-party-support-system' && has(i, 'token-theft', 'stolen-credentials')) return 'artefact-session-tokens';
    if (has(i, 'malicious-update-build-compromise')) return 'software-supply-chain';
    return 'subprocessor-compromise';
  }
  if (has(i, 'vulnerability-exploit')) return 'exploited-vulnerability';
  if (has(i, 'malicious-update-build-compromise')) return 'software-supply-chain';
  if (has(i, 'token-theft') && says(i, FORGERY)) return 'token-forgery';
  if (has(i, 'stolen-credentials') && (says(i, SPRAY) || path === 'product')) return 'credential-stuffing';
  if (has(i, 'token-theft')) return 'token-theft';
  if (has(i, 'phishing-social-engineering', 'mfa-fatigue')) return 'employee-social-engineering';
  if (has(i, 'stolen-credentials')) return 'stolen-credentials';
  return 'unknown';
}

/** The entry path in force: the analyst's, else the derived one. */
export const entryPathOf = (i: Classified): EntryPath => i.entryPath ?? deriveEntryPath(i);

/** The root cause in force: the analyst's, else the one derived (from the entry path in force). */
export const rootCauseOf = (i: Classified): RootCause => i.rootCause ?? deriveRootCause(i, entryPathOf(i));
