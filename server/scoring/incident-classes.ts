/**
 * What makes two incidents "the same way twice". Methodology 1.x derived coarse classes from an
 * incident's vectors and support involvement (`recurrence.matchOn: classes`): "stolen credentials"
 * was in most incidents, so unrelated breaches repeated each other. Methodology 2 matches on the
 * incident's root cause and entry path (server/domain/root-cause.ts), set by an analyst or derived.
 */
import type { IncidentClass } from '../domain/methodology.ts';
import { entryPathOf, rootCauseOf } from '../domain/root-cause.ts';
import type { AccessVector, EntryPath, RootCause, SupportInvolvementType } from '../domain/vocabulary.ts';
import type { Policy } from './policy.ts';
import type { IncidentFacts } from './types.ts';

const BY_VECTOR: Partial<Record<AccessVector, IncidentClass>> = {
  'token-theft': 'token-theft',
  'stolen-credentials': 'credential-theft',
  'phishing-social-engineering': 'social-engineering',
  'mfa-fatigue': 'social-engineering',
  'sim-swap': 'social-engineering',
  'malicious-update-build-compromise': 'software-supply-chain',
  'vulnerability-exploit': 'vulnerability',
  'insider-bribery': 'insider',
  'subprocessor-compromise': 'subprocessor',
};

/** Support paths that run through another company. */
const THIRD_PARTY_PATHS: ReadonlySet<SupportInvolvementType> = new Set([
  'outsourced-support-provider',
  'outsourced-it-provider',
  'third-party-support-system',
  'external-contractor',
  'telephony-subprocessor',
  'support-platform-vendor',
]);

/** What a repeat can share: a 1.x class, a root cause or an entry path. */
export type RepeatClass = IncidentClass | RootCause | EntryPath;

/** Each as it reads in "happened through … again". */
export const CLASS_LABELS: Readonly<Record<RepeatClass, string>> = {
  'support-channel': 'the support channel',
  subprocessor: 'a subprocessor or contractor',
  'token-theft': 'stolen session or API tokens',
  'credential-theft': 'stolen credentials',
  'social-engineering': 'social engineering of staff',
  'software-supply-chain': 'a compromised build or update',
  vulnerability: 'an exploited vulnerability',
  insider: 'an insider',
  'support-credential-theft': "a support agent's stolen credentials or session",
  'support-social-engineering': 'social engineering of support staff',
  'artefact-session-tokens': 'session tokens taken from troubleshooting artefacts',
  'subprocessor-compromise': 'a compromised subprocessor or contractor',
  'exploited-vulnerability': 'an exploited vulnerability',
  'token-forgery': 'forged tokens or a stolen signing key',
  'credential-stuffing': 'credential stuffing or password spraying',
  'employee-social-engineering': 'social engineering of employees',
  'sim-swap': 'a SIM swap',
  'stolen-credentials': 'stolen credentials',
  employee: "an employee's account or device",
  product: 'the product itself',
  unknown: 'an unknown way in',
};

/** Shares that make a repeat critical: the support channel or a third party, again. */
const CRITICAL: ReadonlySet<RepeatClass> = new Set([
  'support-channel',
  'subprocessor',
  'support-credential-theft',
  'support-social-engineering',
  'artefact-session-tokens',
  'subprocessor-compromise',
]);

/** Methodology 1.x's classes of an incident. */
export function incidentClasses(i: Pick<IncidentFacts, 'initialAccessVectors' | 'supportInvolved' | 'supportInvolvementType'>): Set<IncidentClass> {
  const out = new Set<IncidentClass>();
  if (i.supportInvolved === true || i.supportInvolvementType !== 'none') out.add('support-channel');
  if (THIRD_PARTY_PATHS.has(i.supportInvolvementType)) out.add('subprocessor');
  for (const v of i.initialAccessVectors) {
    const c = BY_VECTOR[v];
    if (c) out.add(c);
  }
  return out;
}

/** How a later incident matches an earlier one: what they share, how telling that is, and whether it is critical. */
export interface Match {
  readonly shared: readonly RepeatClass[];
  readonly weight: number;
  readonly critical: boolean;
}

/** An incident's root cause and entry path in force (root-cause.ts). */
export interface Classification {
  readonly cause: RootCause;
  readonly path: EntryPath;
}
export const classificationOf = (i: IncidentFacts): Classification => ({ cause: rootCauseOf(i), path: entryPathOf(i) });

/**
 * Whether `later` happened the way `earlier` did, under the policy; null when not. `classify` gives
 * an incident's root cause and entry path: a caller comparing many pairs passes them found once.
 */
export function matchOf(
  later: IncidentFacts,
  earlier: IncidentFacts,
  policy: Policy,
  classify: (i: IncidentFacts) => Classification = classificationOf,
): Match | null {
  const r = policy.recurrence;
  const path = classify(later).path;
  if (r.requireSameEntryPath && (path === 'unknown' || path !== classify(earlier).path)) return null;
  if (r.matchOn === 'classes') {
    const classes = incidentClasses(later);
    const shared: RepeatClass[] = [...incidentClasses(earlier)].filter((c) => classes.has(c));
    if (shared.length === 0) return null;
    const weight = Math.max(...shared.map((c) => r.classWeights[c as IncidentClass]));
    if (r.requireSameEntryPath && !shared.includes(path)) shared.push(path);
    return { shared, weight, critical: shared.some((c) => CRITICAL.has(c)) };
  }
  const cause = classify(later).cause;
  if (cause === 'unknown' || cause !== classify(earlier).cause) return null;
  const shared: RepeatClass[] = r.requireSameEntryPath ? [cause, path] : [cause];
  return { shared, weight: r.rootCauseWeights[cause], critical: shared.some((c) => CRITICAL.has(c)) };
}
