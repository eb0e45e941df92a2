/** What every finding rule reads, computed once per score. */
import type { FindingRuleId } from '../../domain/labels.ts';
import type { MfaRecord } from '../../domain/mfa.ts';
import type { MfaPopulation } from '../../domain/vocabulary.ts';
import { incidentKnownAt, incidentKnownFrom, subprocessorActiveAt } from '../known-at.ts';
import { postureAt } from '../mfa-factor.ts';
import type { Policy } from '../policy.ts';
import { repeatsAt, type Repeat } from '../recurrence-factor.ts';
import { campaignsOf, type Campaign } from '../campaigns.ts';
import type { Finding, IncidentFacts, ScoringFacts, SubprocessorFacts } from '../types.ts';

export interface FindingContext {
  readonly facts: ScoringFacts;
  readonly policy: Policy;
  readonly asOf: number;
  /** Incidents known at asOf and known for no longer than the look-back window. */
  readonly recent: readonly IncidentFacts[];
  readonly posture: ReadonlyMap<MfaPopulation, MfaRecord>;
  readonly active: readonly SubprocessorFacts[];
  /** Repeats by incidents in `recent`. */
  readonly repeats: readonly Repeat[];
  /** Campaigns (campaigns.ts) with a member in `recent`; each incident its own when campaigns are not counted as one. */
  readonly campaigns: readonly Campaign[];
}

export interface FindingRule {
  /** One of FINDING_RULE_IDS, so that every rule has its short name (domain/labels.ts). */
  readonly id: FindingRuleId;
  evaluate(ctx: FindingContext): Finding[];
}

/** What scoreVendor has already found for the factors, so that the findings do not find it again. */
export interface Precomputed {
  /** campaignsOf(the incidents known at asOf). */
  readonly campaigns: readonly Campaign[];
  /** repeatsAt(the incidents, asOf) with those campaigns. */
  readonly repeats: readonly Repeat[];
}

export function findingContext(facts: ScoringFacts, policy: Policy, asOf: number, pre?: Precomputed): FindingContext {
  const recent = facts.incidents.filter((i) => incidentKnownAt(i, asOf) && asOf - incidentKnownFrom(i) <= policy.findings.lookbackDays);
  const isRecent = new Set(recent);
  const campaigns =
    pre?.campaigns ??
    campaignsOf(
      facts.incidents.filter((i) => incidentKnownAt(i, asOf)),
      policy,
    );
  return {
    facts,
    policy,
    asOf,
    recent,
    posture: postureAt(facts.mfa, asOf),
    active: facts.subprocessors.filter((s) => subprocessorActiveAt(s, asOf)),
    repeats: (pre?.repeats ?? repeatsAt(facts.incidents, policy, asOf, campaigns)).filter((r) => isRecent.has(r.incident)),
    campaigns: campaigns.filter((c) => c.members.some((m) => isRecent.has(m))),
  };
}
