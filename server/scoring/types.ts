/** What the engine reads and what it returns. Plain data: no handles, no Date objects. */
import type { Document } from '../domain/document.ts';
import type { Incident } from '../domain/incident.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import type { Subprocessor } from '../domain/subprocessor.ts';
import type { Vendor } from '../domain/vendor.ts';

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

export { FACTOR_IDS, FACTOR_LABELS, BANDS, RISK_BANDS, NOT_ASSESSED, isRiskBand, type FactorId, type Band, type RiskBand } from '../domain/methodology.ts';

// The score's shapes are defined once, as the API's zod schemas, in the domain.
export { FINDING_SEVERITIES, type Contribution, type FactorScore, type Finding, type Gap, type MissingEvidence, type VendorScore } from '../domain/score.ts';
