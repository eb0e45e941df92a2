/** What the engine reads and what it returns. Plain data: no handles, no Date objects. */
import type { Incident } from '../domain/incident.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import type { Subprocessor } from '../domain/subprocessor.ts';
import type { Vendor } from '../domain/vendor.ts';

export type VendorFacts = Pick<Vendor, 'id' | 'name' | 'tier' | 'dataAccess' | 'environmentAccess'>;
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
>;
export type SubprocessorFacts = Pick<
  Subprocessor,
  'id' | 'name' | 'function' | 'outsourced' | 'accessLevel' | 'artifactsSanitized' | 'retentionDays' | 'staffMfa' | 'since' | 'until'
>;

/** Everything known about one vendor, whatever the date; the engine picks what was known at asOf. */
export interface ScoringFacts {
  readonly vendor: VendorFacts;
  readonly incidents: readonly IncidentFacts[];
  readonly subprocessors: readonly SubprocessorFacts[];
  readonly mfa: readonly MfaRecord[];
}

export interface Contribution {
  readonly label: string;
  readonly points: number;
  /** What the points come from: `incident:12`, `subprocessor:3`, `mfa:admins`, `impact:tier`… */
  readonly ref: string | null;
  /** How the points were reached, in words. */
  readonly detail: string;
}

export const FACTOR_IDS = ['incidents', 'support', 'mfa', 'disclosure'] as const;
export type FactorId = (typeof FACTOR_IDS)[number];
export const FACTOR_LABELS: Readonly<Record<FactorId, string>> = {
  incidents: 'Past incidents',
  support: 'Support chain',
  mfa: 'MFA posture',
  disclosure: 'Disclosure',
};

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
}

export const BANDS = ['low', 'moderate', 'high', 'critical'] as const;
export type Band = (typeof BANDS)[number];

export interface VendorScore {
  readonly vendorId: number;
  readonly asOf: string;
  readonly methodologyVersion: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly risk: number;
  readonly band: Band;
  /** 0–1: the share of the evidence the score needs that is known and fresh. */
  readonly confidence: number;
  /** Cell of the 5×5 matrix, each axis 1–5. */
  readonly cell: { readonly likelihood: number; readonly impact: number };
  readonly factors: readonly FactorScore[];
  /** The parts of `impact`: tier, data access, access into our environment. */
  readonly impactContributions: readonly Contribution[];
}
