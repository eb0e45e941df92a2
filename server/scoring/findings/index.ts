/** The finding rules, in an explicit list (no self-registration), and the function that runs them. */
import type { Policy } from '../policy.ts';
import { FINDING_SEVERITIES, type Finding, type ScoringFacts } from '../types.ts';
import { findingContext, type FindingRule, type Precomputed } from './context.ts';
import { foundByOthersRule, lateDisclosureRule } from './disclosure.ts';
import { recentCriticalRule, repeatRootCauseRule } from './incidents.ts';
import { adminMfaRule, supportMfaRule } from './phishing-resistant-mfa.ts';
import { outsourcedTenantAccessRule, unsanitizedArtifactsRule } from './support-chain.ts';

export const FINDING_RULES: readonly FindingRule[] = [
  repeatRootCauseRule,
  supportMfaRule,
  adminMfaRule,
  unsanitizedArtifactsRule,
  outsourcedTenantAccessRule,
  lateDisclosureRule,
  foundByOthersRule,
  recentCriticalRule,
];

/** Every finding of every rule, most severe first (rule order breaks ties). */
export function findingsOf(facts: ScoringFacts, policy: Policy, asOf: number, pre?: Precomputed): Finding[] {
  const ctx = findingContext(facts, policy, asOf, pre);
  const rank = (f: Finding) => FINDING_SEVERITIES.indexOf(f.severity);
  return FINDING_RULES.flatMap((r) => r.evaluate(ctx))
    .map((f, order) => ({ f, order }))
    .sort((a, b) => rank(b.f) - rank(a.f) || a.order - b.order)
    .map(({ f }) => f);
}
