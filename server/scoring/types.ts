/** What the engine reads and what it returns. Plain data: no handles, no Date objects. */
import type { Document } from '../domain/document.ts';
import type { Incident } from '../domain/incident.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import type { Subprocessor } from '../domain/subprocessor.ts';
import type { Vendor } from '../domain/vendor.ts';
import type { Band, FactorId, RiskBand } from '../domain/methodology.ts';

/** Our relationship with the vendor; its category picks the category prior of its inherent risk (none: the "other categories" prior). */
export type VendorFacts = Pick<Vendor, 'id' | 'name' | 'tier' | 'dataAccess' | 'environmentAccess'> & { readonly category?: string };
export type IncidentFacts = Pick<
  Incident,
  | 'id'
  | 'title'
  | 'severity'
  | 'confidence'
  | 'customersAffected'
  | 'intrusionStartDate'
  | 'detectedByVendorDate'
  | 'firstReportedByThirdPartyDate'
  | 'publicDisclosureDate'
  | 'initialAccessVectors'
  | 'supportInvolved'
  | 'supportInvolvementType'
> &
  // Read where a stored record has them; facts written before them (golden fixtures) score as null.
  Partial<Pick<Incident, 'initialAccessDetail' | 'rootCause' | 'entryPath' | 'continuationOf'>>;
export type SubprocessorFacts = Pick<
  Subprocessor,
  'id' | 'name' | 'function' | 'outsourced' | 'accessLevel' | 'artifactsSanitized' | 'retentionDays' | 'staffMfa' | 'since' | 'until' | 'knownFrom'
> &
  // Absent in facts from before they existed: recorded.
  Partial<Pick<Subprocessor, 'confidence' | 'source'>> & {
    /** The incidents of the subprocessor's own vendor record, when it has one: its risk is inherited. */
    readonly ownIncidents: readonly IncidentFacts[];
  };

/** An evidence document's metadata (never its content): its kind's dates make it lapse (evidence-expiry.ts). */
export type DocumentFacts = Pick<Document, 'id' | 'kind' | 'details' | 'knownFrom'>;

/**
 * Everything known about one vendor, whatever the date, each fact with the day it became known
 * (`knownFrom`; an incident's from its dates); the engine picks what was known at asOf
 * (known-at.ts `knownAt`).
 */
export interface ScoringFacts {
  readonly vendor: VendorFacts;
  readonly incidents: readonly IncidentFacts[];
  readonly subprocessors: readonly SubprocessorFacts[];
  readonly mfa: readonly MfaRecord[];
  /** Evidence documents; absent (facts from before them, golden fixtures) reads as none. */
  readonly documents?: readonly DocumentFacts[];
}

export interface Contribution {
  readonly label: string;
  readonly points: number;
  /** What the points come from: `incident:12`, `subprocessor:3`, `mfa:admins`, `impact:tier`… */
  readonly ref: string | null;
  /** How the points were reached, in words. */
  readonly detail: string;
  /**
   * The arithmetic with its numbers, so that a reader can redo it from the methodology page:
   * "access 50 × outsourced 1.2 × staff MFA 0.96 + artefacts 10 + retention 5 = 72.6" (the raw
   * value before the factor's rounding and apportioning). Absent where a factor does not give one yet.
   */
  readonly formula?: string;
  /**
   * Present when the points rest on no evidence: the factor's documented prior for an unknown (an
   * MFA population with no record, a support chain with none on record). The share, 0–1, of the
   * factor's evidence it stands in for: an MFA population's weight / 100, the whole support chain 1.
   */
  readonly unknownShare?: number;
}

export { FACTOR_IDS, FACTOR_LABELS, BANDS, RISK_BANDS, NOT_ASSESSED, isRiskBand, type FactorId, type Band, type RiskBand } from '../domain/methodology.ts';

export interface FactorScore {
  readonly id: FactorId;
  readonly label: string;
  /** 0–100, higher is riskier; the sum of `contributions[].points`. */
  readonly score: number;
  /** Share of likelihood, 0–1; the weights of all factors add up to 1. */
  readonly weight: number;
  /** False when the score rests on no evidence at all (an explicit unknown, counted as documented). */
  readonly known: boolean;
  readonly contributions: readonly Contribution[];
  /** How the contributions combine when it is not their sum, with its numbers (the support chain's union). */
  readonly formula?: string;
}

/** Evidence that, recorded, would raise a vendor's evidence coverage: what to ask the vendor for. */
export interface MissingEvidence {
  readonly factor: FactorId;
  /** The contribution it would replace: `mfa:admins`, or null for the whole support chain. */
  readonly ref: string | null;
  readonly text: string;
  /** The share of the likelihood weight it would add to the evidence coverage. */
  readonly weight: number;
}

export interface VendorScore {
  readonly vendorId: number;
  readonly asOf: string;
  readonly methodologyVersion: string;
  readonly likelihood: number;
  readonly impact: number;
  /** Residual risk: likelihood × impact / 100, after the evidence (and the priors standing in for what is unknown). */
  readonly risk: number;
  /** The band of `risk`, or `not-assessed` when the evidence covers too little of the likelihood weight. */
  readonly band: Band;
  /** False when evidenceCoverage is below the methodology's `assessment.minEvidenceShare`: the band is then `not-assessed`. */
  readonly assessed: boolean;
  /** 0–1: the share of the likelihood weight that rests on evidence rather than on a prior. */
  readonly evidenceCoverage: number;
  /** Likelihood points that rest on unknowns (priors): "12.4 of 38.0 points rest on unknowns". */
  readonly unknownPoints: number;
  /** The least evidence (largest share first) that would assess a not-assessed vendor; empty when assessed. */
  readonly toAssess: readonly MissingEvidence[];
  /** The category prior of the vendor: its likelihood before any evidence about it. */
  readonly inherentLikelihood: number;
  /** Inherent risk, from the relationship alone: category prior × impact / 100. */
  readonly inherentRisk: number;
  /** The band inherentRisk falls in. */
  readonly inherentBand: RiskBand;
  /** The parts of the inherent risk, each with its formula. */
  readonly inherentContributions: readonly Contribution[];
  /** 0–1: the share of the evidence the score needs that is known and fresh. */
  readonly confidence: number;
  /** Cell of the 5×5 matrix, each axis 1–5. */
  readonly cell: { readonly likelihood: number; readonly impact: number };
  readonly factors: readonly FactorScore[];
  /** The parts of `impact`: tier, data access, access into our environment. */
  readonly impactContributions: readonly Contribution[];
  /** What a reviewer must act on, most severe first. */
  readonly findings: readonly Finding[];
  /** Evidence the score needed and did not have; each is counted as documented, never as good. */
  readonly gaps: readonly Gap[];
}

export const FINDING_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export interface Finding {
  /** Unique within a score: the rule and what it is about, e.g. `late-disclosure:incident:12`. */
  readonly id: string;
  readonly rule: string;
  readonly severity: (typeof FINDING_SEVERITIES)[number];
  readonly title: string;
  readonly rationale: string;
  /** A clause procurement can put in the contract. */
  readonly suggestedCondition: string;
  readonly refs: readonly string[];
}

export interface Gap {
  readonly factor: FactorId;
  readonly ref: string | null;
  readonly text: string;
}
