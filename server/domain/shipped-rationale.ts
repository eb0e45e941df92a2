/**
 * Why each parameter of the shipped methodology has its value, and its source: one line per
 * parameter path (server/domain/parameter-rationale.ts says what a parameter is). A new
 * parameter is one more line here; test/server/domain/parameter-rationale.test.ts fails until it
 * has one. "judgement" names who chose the value and when; the backtest (issue 13 §4) is how a
 * judgement gets checked. Peer numbers are from design/peer-systems.md (the study of the peers) and the
 * pages it cites; demo figures are from data/seed/incidents.json.
 */
import type { Rationale } from './parameter-rationale.ts';

const V1 = 'judgement (Vendorscope maintainers, methodology 1.0.0, 2026-11-29)';
const I13 = 'judgement (issue 13 §3, 2026-12)';
const I13_2 = 'issue 13 §2 (2026-12)';
const I13_1 = 'issue 13 §1 (2026-12)';

export const SHIPPED_RATIONALE: Rationale = {
  'weights.incidents': {
    why: 'Past incidents are the most direct evidence that a vendor can be breached: the largest share, 0.30.',
    source: `${V1}; to be checked by the backtest (issue 13 §4)`,
  },
  'weights.recurrence': {
    why: 'Repeats add 0.10 on top of the incidents themselves: an unfixed weakness, without counting the same breach twice over.',
    source: `${V1}; design/peer-systems.md idea #4`,
  },
  'weights.support': {
    why: 'The support chain (0.25) is the path of both Okta breaches, a control no peer scores.',
    source: `${V1}; design/peer-systems.md idea #2`,
  },
  'weights.mfa': {
    why: 'MFA posture (0.20): weak MFA for support and admin staff is how stolen credentials became access.',
    source: `${V1}; design/peer-systems.md idea #3`,
  },
  'weights.disclosure': {
    why: 'Disclosure behaviour (0.15): how long customers were left exposed, which no peer scores.',
    source: `${V1}; design/peer-systems.md idea #1`,
  },
  decay: {
    why: "Halves every three years and never ends: Okta's 2022 support breach still weighs 69% when 2023 repeats it, where the peers' 30-day and 120-day rules had forgotten it.",
    source:
      'design/peer-systems.md §2.13; Rankiteo breach half-life of 3 years, https://blog.rankiteo.com/how-rankiteo-uses-ai-big-data-and-a-proven-methodology-to-help-cyber-underwriters; kept in 2.0.0 by the backtest rule (docs/METHODOLOGY.md, "How the default decay was chosen")',
  },
  'incidents.severityPoints': {
    why: 'Each severity step roughly doubles the points (8, 20, 40, 60); one critical incident alone stays well below 100, so later incidents still count.',
    source: V1,
  },
  'incidents.confidenceWeight': {
    why: 'A record on weaker sources counts for less, but a low-confidence incident keeps 60%: uncertain is not harmless.',
    source: V1,
  },
  'incidents.boostPerTenfoldCustomers': {
    why: "Reach grows with the logarithm of customers affected: Okta 2023's 134 customers add 21%, not 134 times as much.",
    source: `${V1}; the demo incidents affected 2 to 18,000 customers (data/seed/incidents.json)`,
  },
  'incidents.maxCustomersBoost': { why: 'Capped at +30% (1,000 customers or more) so that reach never outweighs severity.', source: V1 },
  'recurrence.windowDays': {
    why: "Three years: Okta's two support breaches were disclosed 577 days apart, which a one-year window would miss.",
    source: 'Okta 2022-03-22 and 2023-10-20 (data/seed/incidents.json); design/peer-systems.md idea #4 ("the same class repeats within N years")',
  },
  'recurrence.repeatPoints': {
    why: 'A repeat through the same path shows the weakness was not fixed; it can add up to 50 points (Okta 2023 after 2022: 49.7).',
    source: V1,
  },
  'recurrence.classWeights': {
    why: "Paths straight into customers' tenants (support channel, subprocessor) weigh 1; common classes such as stolen credentials or vulnerabilities say less about one unfixed weakness.",
    source: V1,
  },
  'recurrence.severityScale': { why: 'A repeat of a low incident says less than a repeat of a critical one: 0.25 to 1.', source: V1 },
  'recurrence.matchOn': {
    why: 'A repeat shares a root cause, not a coarse class: "stolen credentials" appears in most incidents, so classes made unrelated breaches repeat each other (Microsoft 2021 → 2023 → 2024).',
    source: `${I13_2}; DESIGN.md §4.4; test/server/scoring/demo-repeats.test.ts`,
  },
  'recurrence.requireSameEntryPath': {
    why: 'The same technique through another door is not the same unfixed weakness; Okta repeats because both breaches came through the support channel.',
    source: `${I13_2}; DESIGN.md §1`,
  },
  'recurrence.pairWith': {
    why: 'A repeat pairs with the strongest earlier match: pairing with the closest let a minor incident weaken a critical repeat and lower risk; the strongest is monotone.',
    source: `${I13_2}; test/server/scoring/okta-minor-incident.test.ts`,
  },
  'recurrence.rootCauseWeights': {
    why: 'Support and subprocessor causes weigh 1; supply chain, token forgery and token theft 0.8; credentials, social engineering, SIM swap and insider 0.7; exploited vulnerabilities 0.5.',
    source: `the 1.0.0 class weights carried over to the finer vocabulary (${I13_2}); to be checked by the backtest`,
  },
  'campaigns.countAsOne': {
    why: 'One attack disclosed in stages is one incident: counting it twice doubles its severity and hides the whole lag (LastPass, August and November 2022).',
    source: `${I13_2}; LastPass posts of 2022-12 and 2023-03 (blog.lastpass.com)`,
  },
  'incidentCap.likelihoodPoints': {
    why: 'One breach counted three ways (incidents, recurrence, disclosure) could add up to 37.4 likelihood points; 30 keeps any one incident below that, so double counting stays bounded.',
    source: `${I13_2}; the arithmetic in docs/METHODOLOGY.md "The incident cap"; judgement, to be checked by the backtest`,
  },
  'disclosure.lagPoints': {
    why: 'A vendor that sat on a breach for the full lag gets 40 points: its customers could not protect themselves meanwhile.',
    source: `${V1}; DESIGN.md §4.5; no peer scores disclosure delay (design/peer-systems.md idea #1)`,
  },
  'disclosure.fullLagDays': {
    why: 'Ninety days or more earns the full lag points; the longest dated lag in the demo portfolio is 78 days (Cisco), Okta 2022 took 61.',
    source: `${V1}; lags of data/seed/incidents.json`,
  },
  'disclosure.unknownLagDays': {
    why: 'With no date for when the vendor knew, the lag counts as 30 days, worse than the median dated lag (6 days), never as none.',
    source: `${V1}; 23 dated lags in data/seed/incidents.json`,
  },
  'disclosure.foundByOthersPoints': {
    why: "+20 when customers or researchers found it first: the vendor's own detection failed (Okta 2023: 1Password three weeks before Okta).",
    source: 'design/peer-systems.md §0 and idea #1',
  },
  'disclosure.severityScale': { why: 'Late disclosure of a low incident matters less than of a critical one: 0.25 to 1.', source: V1 },
  'support.accessPoints': {
    why: 'Points follow what an intruder at the support desk reaches: ticket metadata 15, customer data 35, session-bearing artefacts (HAR files) 50, impersonation or admin 60.',
    source: 'design/peer-systems.md §0 (HAR-file tokens hijacked 5 customer sessions) and ideas #2, #6; numbers by judgement (methodology 1.0.0)',
  },
  'support.outsourcedMultiplier': {
    why: "×1.2 for an outsourced desk: one more company's staff and laptops on the path, as with Sitel in 2022.",
    source: `Okta/Sitel 2022 (DESIGN.md §1); size by ${V1}`,
  },
  'support.staffMfaFloor': {
    why: "Even FIDO2 support staff keep half the access points (staff-MFA scale = 0.5 + 0.5 × the staff method's risk): MFA does not stop a stolen session, a saved service-account credential or an insider.",
    source: `${V1}; Okta 2023's root cause (design/peer-systems.md §0)`,
  },
  'support.unsanitizedArtifactsPoints': {
    why: '+10 when uploaded HAR files and logs are not scrubbed of tokens: the exact path of Okta 2023.',
    source: 'design/peer-systems.md §0 and idea #6',
  },
  'support.maxSafeRetentionDays': { why: 'Artefacts kept 30 days or less count as short retention.', source: V1 },
  'support.longRetentionPoints': { why: '+5 for longer retention: a larger store of old tokens for an intruder to find.', source: V1 },
  'support.inheritedShare': {
    why: "A subprocessor passes on half of its own incident score: its breach is a path into the parent, not the parent's own failure.",
    source: `design/peer-systems.md idea #2; share by ${V1}`,
  },
  'support.inheritedCap': { why: "No subprocessor passes on more than 30 points, so one provider's history cannot dominate its parent's score.", source: V1 },
  'support.unknownPrior': {
    why: 'An unknown support chain counts as the least an arrangement with tenant access can score (in-house, customer data, FIDO2 staff: 35 × 0.525), so not knowing is never better than recording one; its points are shown apart as resting on an unknown.',
    source: `${I13_1}; DESIGN.md §4.6 and its property "adding a subprocessor with tenant access never lowers risk"; equals 1.0.0's unknown support chain`,
  },
  'mfa.populationWeights': {
    why: "Admins and support staff (30 each) hold the keys to customers' tenants; workforce and contractors 15 each; customer login 10.",
    source: 'DESIGN.md §1 and §4.7 (hardware keys for support staff, asked for after Okta); numbers by judgement (methodology 1.0.0)',
  },
  'mfa.methodRisk': {
    why: 'Risk each method leaves: phishable ones keep most (SMS 0.7, TOTP 0.5, push 0.45), number matching 0.3, FIDO2 0.05 as phishing-resistant.',
    source: 'design/peer-systems.md idea #3 (the strength order); numbers by judgement (methodology 1.0.0)',
  },
  'mfa.unenforcedBenefit': { why: 'Unenforced MFA keeps a quarter of its benefit: people who may skip it often do.', source: V1 },
  'mfa.unknownCountsAs': {
    why: "A subprocessor's staff MFA, when unknown, counts as SMS, not enforced (0.925): never better than a known weak posture (the populations' own unknowns take mfa.unknownPrior).",
    source: 'DESIGN.md §4.8; design/peer-systems.md idea #10 (OpenSSF Scorecard #4789: absence of evidence is not a good score)',
  },
  'mfa.unknownPrior': {
    why: 'An unknown population counts as the residual risk of SMS, not enforced (0.925): MFA nobody shows cannot be assumed enforced, and an unknown never beats a known weak posture; its points are shown apart.',
    source: `${I13_1}; the DESIGN.md §4 property (unknown MFA never scores better than known SMS); equals 1.0.0's unknownCountsAs`,
  },
  'impact.weights': {
    why: 'Tier (how much we depend on the vendor) 0.4; data access and access into our environment 0.3 each.',
    source: `${V1}; design/peer-systems.md §5 (criticality is its own axis)`,
  },
  'impact.tierPoints': { why: 'Tier 1 is 100 and tier 4 is 15: even a minor vendor has some impact.', source: V1 },
  'impact.dataAccessPoints': { why: 'Restricted data 100, confidential 70, internal 30, none 0.', source: V1 },
  'impact.environmentAccessPoints': {
    why: 'An identity provider for everything reaches all of our environment (100), admin access 75, user access 35.',
    source: `Okta 2023's hijacked customer admin sessions (design/peer-systems.md §0); numbers by ${V1}`,
  },
  bands: {
    why: 'Critical from risk 50, high from 30, moderate from 15, on risk = likelihood × impact / 100.',
    source: `${V1}; to be checked against the backtest's incident rate per band (issue 13 §4)`,
  },
  'assessment.minEvidenceShare': {
    why: 'A vendor is rated once evidence covers three quarters of the likelihood weight, that is once one posture factor is known in full (the support chain, or MFA for every population); below that, priors would carry more than a fifth of the score, so it is not assessed.',
    source: `${I13_1} (MFA and support unknown in 90% and 75% of demo vendor-quarters); DESIGN.md §4.8; demo coverage is 0.55 with no posture evidence and 0.80 with a support chain`,
  },
  'inherent.categoryPriors': {
    why: 'How likely a vendor of each category is to become a breach before any evidence of its own, for the inherent risk; each row gives its rationale in the table (docs/METHODOLOGY.md, "Category priors").',
    source: `${I13_1}; data/seed/incidents.json, the incidents each row names; judgement, to be checked by the backtest`,
  },
  'inherent.otherCategoriesPrior': {
    why: 'A vendor whose category no row matches is taken as a typical SaaS vendor, below every listed category.',
    source: `${I13_1}; judgement, to be checked by the backtest`,
  },
  'confidence.weights': {
    why: 'MFA (0.5) and support (0.3) are the evidence most often missing; incident records are public and weigh 0.2.',
    source: `${V1}; issue 13: MFA and support are unknown in 90% and 75% of demo vendor-quarters`,
  },
  'confidence.freshDays': { why: 'An MFA record older than two years counts half: posture changes.', source: V1 },
  'confidence.incidentConfidence': { why: 'How sure each incident record is: high 1, medium 0.7, low 0.4.', source: V1 },
  'confidence.selfAttestedWeight': {
    why: 'A fact the vendor attested itself (its questionnaire answer) counts half in confidence: it is evidence (it assesses the vendor) but nobody independent checked it; an audit report or an observation would count in full.',
    source:
      'judgement (issue 16, 2026-12); DESIGN.md §4.8 (the way to assess a vendor is to ask it); self-assessment questionnaires are the weakest tier of assurance in SIG and CAIQ practice (a CAIQ is a self-assessment, STAR level 1)',
  },
  'findings.lateDisclosureDays': {
    why: 'More than 14 days from knowing to disclosing is late: longer than 16 of the 23 dated lags in the demo portfolio (median 6 days).',
    source: `${V1}; lags of data/seed/incidents.json`,
  },
  'findings.lookbackDays': { why: 'Findings look back three years, as the recurrence window does.', source: V1 },
  'findings.recentCriticalDays': { why: 'A critical incident known within the last year calls for a contract condition now.', source: V1 },
  'findings.phishingResistantMfaUpToTier': {
    why: 'Tier-1 and tier-2 vendors must show FIDO2 for admins and support staff, what critics asked of Okta after 2023.',
    source: 'DESIGN.md §1',
  },
  'reviewTriggers.minIncidentSeverity': {
    why: 'A medium incident at a tier-1 vendor reopens its decision; other tiers need high or critical. Before, medium incidents at tier 1 reopened nothing.',
    source: I13,
  },
  'reviewTriggers.lookbackWithoutDecisionDays': {
    why: 'A vendor never decided on is flagged by what became known in the last three years (the findings look-back), not by its whole history.',
    source: I13,
  },
};
