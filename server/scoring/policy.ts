/**
 * The methodology's numbers, as data. docs/METHODOLOGY.md shows these values and explains them;
 * a test keeps the document and this file in step.
 */
import type { AccessLevel, Confidence, DataAccess, EnvironmentAccess, MfaMethod, MfaPopulation, Severity } from '../domain/vocabulary.ts';
import type { Band, FactorId } from './types.ts';
import type { DecayPolicy } from './decay.ts';

export interface Policy {
  readonly version: string;
  readonly weights: Readonly<Record<FactorId, number>>;
  readonly decay: DecayPolicy;
  readonly incidents: {
    readonly severityPoints: Readonly<Record<Severity, number>>;
    readonly confidenceWeight: Readonly<Record<Confidence, number>>;
    /** Extra weight per tenfold of customers affected, up to `maxBoost`. */
    readonly boostPerTenfoldCustomers: number;
    readonly maxCustomersBoost: number;
  };
  readonly disclosure: {
    readonly lagPoints: number;
    /** A lag this long or longer earns all of `lagPoints`. */
    readonly fullLagDays: number;
    /** Counted when no date tells when the vendor learned of the incident. */
    readonly unknownLagDays: number;
    /** Customers or third parties found the incident before the vendor did. */
    readonly foundByOthersPoints: number;
    readonly severityScale: Readonly<Record<Severity, number>>;
  };
  readonly support: {
    readonly accessPoints: Readonly<Record<AccessLevel, number>>;
    readonly outsourcedMultiplier: number;
    /** Staff MFA scales points between `staffMfaFloor` (phishing-proof) and 1 (none). */
    readonly staffMfaFloor: number;
    readonly unsanitizedArtifactsPoints: number;
    readonly maxSafeRetentionDays: number;
    readonly longRetentionPoints: number;
  };
  readonly mfa: {
    /** Points at stake per population; they add up to 100. */
    readonly populationWeights: Readonly<Record<MfaPopulation, number>>;
    /** Residual risk of each method when enforced, 0 (none left) to 1. */
    readonly methodRisk: Readonly<Record<MfaMethod, number>>;
    /** Share of its benefit that MFA keeps when it is offered but not enforced. */
    readonly unenforcedBenefit: number;
    /** An unknown posture counts as this known weak one. */
    readonly unknownCountsAs: { readonly method: MfaMethod; readonly enforced: boolean };
  };
  readonly impact: {
    readonly weights: { readonly tier: number; readonly dataAccess: number; readonly environmentAccess: number };
    readonly tierPoints: Readonly<Record<1 | 2 | 3 | 4, number>>;
    readonly dataAccessPoints: Readonly<Record<DataAccess, number>>;
    readonly environmentAccessPoints: Readonly<Record<EnvironmentAccess, number>>;
  };
  /** Lowest risk of each band, from the top. */
  readonly bands: ReadonlyArray<{ readonly band: Band; readonly minRisk: number }>;
  readonly confidence: {
    readonly weights: { readonly mfa: number; readonly support: number; readonly incidents: number };
    /** Posture evidence older than this counts half. */
    readonly freshDays: number;
    readonly incidentConfidence: Readonly<Record<Confidence, number>>;
  };
}

export const DEFAULT_POLICY: Policy = {
  version: '0.1.0',
  weights: { incidents: 0.35, support: 0.25, mfa: 0.25, disclosure: 0.15 },
  decay: { name: 'long-memory', kind: 'half-life', halfLifeDays: 1095 },
  incidents: {
    severityPoints: { low: 8, medium: 20, high: 40, critical: 60 },
    confidenceWeight: { high: 1, medium: 0.85, low: 0.6 },
    boostPerTenfoldCustomers: 0.1,
    maxCustomersBoost: 0.3,
  },
  disclosure: {
    lagPoints: 40,
    fullLagDays: 90,
    unknownLagDays: 30,
    foundByOthersPoints: 20,
    severityScale: { low: 0.25, medium: 0.5, high: 0.8, critical: 1 },
  },
  support: {
    accessPoints: { none: 0, metadata: 15, 'customer-data': 35, 'session-artifacts': 50, admin: 60 },
    outsourcedMultiplier: 1.2,
    staffMfaFloor: 0.5,
    unsanitizedArtifactsPoints: 10,
    maxSafeRetentionDays: 30,
    longRetentionPoints: 5,
  },
  mfa: {
    populationWeights: { admins: 30, support: 30, workforce: 15, contractors: 15, customers: 10 },
    methodRisk: { none: 1, sms: 0.7, totp: 0.5, push: 0.45, 'push-number-matching': 0.3, fido2: 0.05 },
    unenforcedBenefit: 0.25,
    unknownCountsAs: { method: 'sms', enforced: false },
  },
  impact: {
    weights: { tier: 0.4, dataAccess: 0.3, environmentAccess: 0.3 },
    tierPoints: { 1: 100, 2: 70, 3: 40, 4: 15 },
    dataAccessPoints: { none: 0, internal: 30, confidential: 70, restricted: 100 },
    environmentAccessPoints: { none: 0, user: 35, admin: 75, 'identity-provider': 100 },
  },
  bands: [
    { band: 'critical', minRisk: 50 },
    { band: 'high', minRisk: 30 },
    { band: 'moderate', minRisk: 15 },
    { band: 'low', minRisk: 0 },
  ],
  confidence: {
    weights: { mfa: 0.5, support: 0.3, incidents: 0.2 },
    freshDays: 730,
    incidentConfidence: { high: 1, medium: 0.7, low: 0.4 },
  },
};
