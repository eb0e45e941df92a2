/**
 * The controlled vocabularies of the domain, as data. The incident vocabularies are those of the
 * reference dataset the demo portfolio comes from (data/seed/README.md), so imported facts keep
 * their meaning. Every layer may import this module; it imports nothing.
 */

export const TIERS = [1, 2, 3, 4] as const;
export const DATA_ACCESS = ['none', 'internal', 'confidential', 'restricted'] as const;
export const ENVIRONMENT_ACCESS = ['none', 'user', 'admin', 'identity-provider'] as const;
export const VENDOR_STATUSES = ['proposed', 'under-review', 'approved', 'approved-with-conditions', 'rejected', 'offboarded', 'not-engaged'] as const;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;

export const ACCESS_VECTORS = [
  'stolen-credentials',
  'phishing-social-engineering',
  'mfa-fatigue',
  'sim-swap',
  'vulnerability-exploit',
  'malicious-update-build-compromise',
  'subprocessor-compromise',
  'token-theft',
  'insider-bribery',
] as const;

export const SUPPORT_INVOLVEMENT_TYPES = [
  'none',
  'outsourced-support-provider',
  'in-house-support-system',
  'in-house-support-tool',
  'internal-admin-tools',
  'support-agent-endpoint',
  'outsourced-it-provider',
  'third-party-support-system',
  'external-contractor',
  'telephony-subprocessor',
  'support-platform-vendor',
] as const;

export const MFA_RELEVANCE = [
  'mfa-absent',
  'weak-mfa-bypassed',
  'phishing-resistant-mfa-stopped',
  'phishing-resistant-mfa-would-have-stopped',
  'mfa-stopped-direct-account-takeover',
  'not-applicable',
  'unknown',
] as const;

/**
 * How an incident began, finer than its access vectors, so that "the same way twice" means it
 * (docs/METHODOLOGY.md, "Root causes and entry paths"). Derived from the vectors, the support
 * involvement and the access detail unless an analyst sets it (server/domain/root-cause.ts).
 */
export const KNOWN_ROOT_CAUSES = [
  'support-credential-theft',
  'support-social-engineering',
  'artefact-session-tokens',
  'subprocessor-compromise',
  'software-supply-chain',
  'exploited-vulnerability',
  'token-forgery',
  'token-theft',
  'credential-stuffing',
  'employee-social-engineering',
  'sim-swap',
  'stolen-credentials',
  'insider',
] as const;
export const ROOT_CAUSES = [...KNOWN_ROOT_CAUSES, 'unknown'] as const;

/** Where the attacker came in: the vendor's support channel, a third party working for it, its staff, or its product. */
export const ENTRY_PATHS = ['support-channel', 'subprocessor', 'employee', 'product', 'unknown'] as const;

/** Access a support arrangement has to customer tenants, from least to most. */
export const ACCESS_LEVELS = ['none', 'metadata', 'customer-data', 'session-artifacts', 'admin'] as const;

export const MFA_POPULATIONS = ['admins', 'support', 'workforce', 'contractors', 'customers'] as const;
/** MFA methods from weakest to strongest. */
export const MFA_METHODS = ['none', 'sms', 'totp', 'push', 'push-number-matching', 'fido2'] as const;

export const POSTURE_FACT_TYPES = ['mfa-posture', 'support-outsourcing', 'support-access-control', 'subprocessor-disclosure'] as const;

export type Tier = (typeof TIERS)[number];
export type DataAccess = (typeof DATA_ACCESS)[number];
export type EnvironmentAccess = (typeof ENVIRONMENT_ACCESS)[number];
export type VendorStatus = (typeof VENDOR_STATUSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type AccessVector = (typeof ACCESS_VECTORS)[number];
export type SupportInvolvementType = (typeof SUPPORT_INVOLVEMENT_TYPES)[number];
export type MfaRelevance = (typeof MFA_RELEVANCE)[number];
export type KnownRootCause = (typeof KNOWN_ROOT_CAUSES)[number];
export type RootCause = (typeof ROOT_CAUSES)[number];
export type EntryPath = (typeof ENTRY_PATHS)[number];
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export type MfaPopulation = (typeof MFA_POPULATIONS)[number];
export type MfaMethod = (typeof MFA_METHODS)[number];
export type PostureFactType = (typeof POSTURE_FACT_TYPES)[number];
