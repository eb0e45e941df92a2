/**
 * The engine's factors and finding rules, and the words the app shows for them. PURE and
 * dependency-free (it imports nothing), so the web imports these values too (web/format.ts): the
 * factors' names and the rules' short names are written once. methodology.ts re-exports the factors.
 */

export const FACTOR_IDS = ['incidents', 'recurrence', 'support', 'mfa', 'disclosure'] as const;
export type FactorId = (typeof FACTOR_IDS)[number];
export const FACTOR_LABELS: Readonly<Record<FactorId, string>> = {
  incidents: 'Past incidents',
  recurrence: 'Repeat incidents',
  support: 'Support chain',
  mfa: 'MFA posture',
  disclosure: 'Disclosure',
};

/** Every finding rule the engine has (server/scoring/findings), by id: a finding's `rule`. */
export const FINDING_RULE_IDS = [
  'repeat-root-cause',
  'recent-critical-incident',
  'late-disclosure',
  'found-by-others-first',
  'unsanitized-support-artifacts',
  'outsourced-tenant-access',
  'support-mfa-not-phishing-resistant',
  'admins-mfa-not-phishing-resistant',
] as const;
export type FindingRuleId = (typeof FINDING_RULE_IDS)[number];

/** Short names of the finding rules (row headings in compare, what-if lists); typed, so a new rule needs one. */
export const FINDING_RULE_LABELS: Readonly<Record<FindingRuleId, string>> = {
  'repeat-root-cause': 'Same root cause twice',
  'recent-critical-incident': 'Critical incident in the last year',
  'late-disclosure': 'Late disclosure',
  'found-by-others-first': 'Found by others first',
  'unsanitized-support-artifacts': 'Unsanitized support artefacts',
  'outsourced-tenant-access': 'Outsourced access to customer tenants',
  'support-mfa-not-phishing-resistant': 'Support staff MFA not phishing-resistant',
  'admins-mfa-not-phishing-resistant': 'Admin MFA not phishing-resistant',
};
