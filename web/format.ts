/**
 * Words and numbers for the screen, PURE. Vocabulary maps are typed by the server's unions, so a new
 * value fails the type check here; the words the server also uses come from its dependency-free
 * domain modules (labels.ts, vocabulary-labels.ts), written once.
 */
import type {
  AccessLevel,
  AccessVector,
  Confidence,
  DataAccess,
  EnvironmentAccess,
  MfaMethod,
  MfaPopulation,
  MfaRelevance,
  PostureFactType,
  Severity,
  SupportInvolvementType,
  VendorStatus,
} from '../server/domain/vocabulary.ts';
import type { Incident } from '../server/domain/incident.ts';
import type { MfaRecord } from '../server/domain/mfa.ts';
import { FACTOR_LABELS, FINDING_RULE_LABELS, type FactorId } from '../server/domain/labels.ts';
import { DATA_ACCESS_LABELS, ENVIRONMENT_ACCESS_LABELS, VENDOR_STATUS_LABELS } from '../server/domain/vocabulary-labels.ts';

/** As the engine names its factors: the server's own words (dependency-free domain/labels.ts); typed, so a new factor needs one. */
export const FACTOR_LABEL: Readonly<Record<FactorId, string>> = FACTOR_LABELS;

/** Short names of the engine's finding rules (row headings in compare, what-if lists); a rule not listed is named by its finding's title. */
export const FINDING_RULE_LABEL: Readonly<Record<string, string>> = FINDING_RULE_LABELS;

/** Our relationship's vocabularies in words, as a CSV import reads them back (dependency-free domain/vocabulary-labels.ts). */
export const DATA_ACCESS_LABEL: Readonly<Record<DataAccess, string>> = DATA_ACCESS_LABELS;
export const ENVIRONMENT_ACCESS_LABEL: Readonly<Record<EnvironmentAccess, string>> = ENVIRONMENT_ACCESS_LABELS;
export const STATUS_LABEL: Readonly<Record<VendorStatus, string>> = VENDOR_STATUS_LABELS;

export const ACCESS_LEVEL_LABEL: Readonly<Record<AccessLevel, string>> = {
  none: 'No access to customer tenants',
  metadata: 'Ticket metadata',
  'customer-data': 'Customer data',
  'session-artifacts': 'Troubleshooting artefacts that can carry session tokens (HAR files, logs)',
  admin: 'Impersonation or admin access to customer tenants',
};

export const MFA_METHOD_LABEL: Readonly<Record<MfaMethod, string>> = {
  none: 'No MFA',
  sms: 'SMS codes',
  totp: 'Authenticator codes (TOTP)',
  push: 'Push approval',
  'push-number-matching': 'Push with number matching',
  fido2: 'FIDO2 / passkeys (phishing-resistant)',
};

/** Column headings of the MFA grid, weakest first (MFA_METHODS order). */
export const MFA_METHOD_SHORT: Readonly<Record<MfaMethod, string>> = {
  none: 'None',
  sms: 'SMS',
  totp: 'TOTP',
  push: 'Push',
  'push-number-matching': 'Push + number match',
  fido2: 'FIDO2 / passkey',
};

export const MFA_EVIDENCE_LABEL: Readonly<Record<MfaRecord['evidence'], string>> = {
  'public-statement': 'Public statement',
  attestation: 'Attestation',
  'audit-report': 'Audit report',
  observed: 'Observed',
};

/** In the order the methodology weighs them, most at stake first. */
export const MFA_POPULATIONS = ['admins', 'support', 'workforce', 'contractors', 'customers'] as const satisfies readonly MfaPopulation[];
export const MFA_POPULATION_LABEL: Readonly<Record<MfaPopulation, string>> = {
  admins: 'Admins',
  support: 'Support staff',
  workforce: 'Workforce',
  contractors: 'Contractors and subprocessor staff',
  customers: 'Customer-facing login',
};

export const FACT_TYPE_LABEL: Readonly<Record<PostureFactType, string>> = {
  'mfa-posture': 'MFA posture',
  'support-outsourcing': 'Support outsourcing',
  'support-access-control': 'Support access control',
  'subprocessor-disclosure': 'Subprocessor disclosure',
};

export const ACCESS_VECTOR_LABEL: Readonly<Record<AccessVector, string>> = {
  'stolen-credentials': 'Stolen credentials',
  'phishing-social-engineering': 'Phishing or social engineering',
  'mfa-fatigue': 'MFA fatigue (push bombing)',
  'sim-swap': 'SIM swap',
  'vulnerability-exploit': 'Vulnerability exploit',
  'malicious-update-build-compromise': 'Malicious update or build compromise',
  'subprocessor-compromise': 'Subprocessor compromise',
  'token-theft': 'Session or token theft',
  'insider-bribery': 'Insider or bribery',
};

export const SUPPORT_INVOLVEMENT_LABEL: Readonly<Record<SupportInvolvementType, string>> = {
  none: 'None',
  'outsourced-support-provider': 'Outsourced support provider',
  'in-house-support-system': 'In-house support system',
  'in-house-support-tool': 'In-house support tool',
  'internal-admin-tools': 'Internal admin tools',
  'support-agent-endpoint': "A support agent's device",
  'outsourced-it-provider': 'Outsourced IT provider',
  'third-party-support-system': 'Third-party support system',
  'external-contractor': 'External contractor',
  'telephony-subprocessor': 'Telephony subprocessor',
  'support-platform-vendor': 'Support platform vendor',
};

export const MFA_RELEVANCE_LABEL: Readonly<Record<MfaRelevance, string>> = {
  'mfa-absent': 'MFA absent',
  'weak-mfa-bypassed': 'Weak MFA bypassed',
  'phishing-resistant-mfa-stopped': 'Phishing-resistant MFA stopped it',
  'phishing-resistant-mfa-would-have-stopped': 'Phishing-resistant MFA would have stopped it',
  'mfa-stopped-direct-account-takeover': 'MFA stopped a direct account takeover',
  'not-applicable': 'Not applicable',
  unknown: 'Unknown',
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
/** Incidents and findings share these severities; lists show the most severe first. */
export const SEVERITIES_MOST_FIRST = ['critical', 'high', 'medium', 'low'] as const satisfies readonly Severity[];
export const CONFIDENCE_LABEL: Readonly<Record<Confidence, string>> = { low: 'Low', medium: 'Medium', high: 'High' };

/** "yes" / "no" / "unknown" for a nullable fact. */
export const yesNo = (v: boolean | null): string => (v === null ? 'unknown' : v ? 'yes' : 'no');

/** 0.54 → "54%". */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** One decimal, as the engine rounds. */
export const points = (n: number): string => n.toFixed(1);

/** "okta.com/blog/2022/03/…": a link's text that names where it goes. */
export function linkText(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '');
    return `${u.hostname.replace(/^www\./, '')}${path}`;
  } catch {
    return url;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A source's date at its own precision: "20 Oct 2023", "Oct 2023" or "2023". */
export function partialDate(text: string | null): string {
  const m = text ? PARTIAL.exec(text) : null;
  if (!m) return text ?? '';
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1] ?? '';
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** The UTC day numbers a partial date can mean, first to last; undefined when it is not a real date. */
export function dayRangeOf(text: string | null | undefined): { readonly first: number; readonly last: number; readonly exact: boolean } | undefined {
  const m = text ? PARTIAL.exec(text) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  if (mo === undefined) return { first: Date.UTC(y, 0, 1) / 86_400_000, last: Date.UTC(y, 11, 31) / 86_400_000, exact: false };
  if (mo < 1 || mo > 12) return undefined;
  const lastOfMonth = Date.UTC(y, mo, 0) / 86_400_000;
  if (m[3] === undefined) return { first: Date.UTC(y, mo - 1, 1) / 86_400_000, last: lastOfMonth, exact: false };
  const day = Date.UTC(y, mo - 1, Number(m[3])) / 86_400_000;
  return Number(m[3]) < 1 || day > lastOfMonth ? undefined : { first: day, last: day, exact: true };
}

export interface DisclosureLag {
  readonly days: number;
  /** Whose knowledge the lag counts from: whoever knew first. */
  readonly from: 'third-party' | 'vendor';
  /** True when a date it rests on is only a month or a year: shown as "≈ 15 days". */
  readonly approximate: boolean;
}

const mid = (r: { first: number; last: number }) => (r.first + r.last) / 2;

/**
 * Days from when the vendor knew (its own detection or the first outside report, whichever
 * midpoint is earlier; on a tie the exact day) to public disclosure, or, not disclosed yet and
 * given the as-of day (a UTC day number), to that day: each date narrowed to the days the other
 * leaves possible, then midpoint to midpoint, rounded, never below zero, approximate when a date is a month or a year. The methodology's rule
 * (server/scoring/disclosure-factor.ts, which the web may not import; a test keeps them alike).
 * Null when it cannot be computed.
 */
export function disclosureLag(
  i: Pick<Incident, 'detectedByVendorDate' | 'firstReportedByThirdPartyDate' | 'publicDisclosureDate'>,
  asOf?: number,
): DisclosureLag | null {
  const aware = [
    { r: dayRangeOf(i.detectedByVendorDate), from: 'vendor' as const },
    { r: dayRangeOf(i.firstReportedByThirdPartyDate), from: 'third-party' as const },
  ].flatMap(({ r, from }) => (r ? [{ ...r, from }] : []));
  const start = aware.reduce<(typeof aware)[number] | undefined>(
    (best, r) => (!best || mid(r) < mid(best) || (mid(r) === mid(best) && r.last - r.first < best.last - best.first) ? r : best),
    undefined,
  );
  const end = dayRangeOf(i.publicDisclosureDate) ?? (asOf === undefined ? undefined : { first: asOf, last: asOf, exact: true });
  if (!end || !start) return null;
  // Disclosure cannot come before awareness: each date narrowed to the days the other leaves possible.
  const a = { first: start.first, last: Math.min(start.last, end.last) };
  const b = { first: Math.max(end.first, start.first), last: end.last };
  const [x, y] = a.first <= a.last && b.first <= b.last ? [a, b] : [start, end];
  return { days: Math.max(0, Math.round(mid(y) - mid(x))), from: start.from, approximate: !end.exact || !start.exact };
}

/** "21 days", "≈ 15 days", "1 day". */
export const lagDays = (lag: Pick<DisclosureLag, 'days' | 'approximate'>): string =>
  `${lag.approximate ? '≈ ' : ''}${lag.days} day${lag.days === 1 ? '' : 's'}`;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant in the reader's own time zone, to the minute, "20 Oct 2023, 14:05", or to the second
 * where order within a minute matters (the audit log). Month names as partialDate spells them.
 */
export function timestamp(iso: string | null, seconds = false): string {
  const t = iso ? new Date(iso) : null;
  if (!t || Number.isNaN(t.getTime())) return '';
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}${seconds ? `:${pad(t.getSeconds())}` : ''}`;
  return `${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()}, ${time}`;
}
