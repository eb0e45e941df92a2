/**
 * The default methodology's numbers. docs/METHODOLOGY.md shows these values and explains them;
 * a test keeps the document and this file in step. Stored versions live in the database; this is
 * the one a new database starts with.
 */
import { DEFAULT_SELF_ATTESTED_WEIGHT, type Policy } from '../domain/methodology.ts';
import { SHIPPED_RATIONALE } from '../domain/shipped-rationale.ts';
import { DEFAULT_ROOT_CAUSE_WEIGHTS } from '../domain/methodology-v1.ts';
import { DECAY_POLICIES } from './decay.ts';
import { DEFAULT_CATEGORY_PRIORS, DEFAULT_OTHER_CATEGORIES_PRIOR } from '../domain/category-priors.ts';

export type { Policy } from '../domain/methodology.ts';

export const DEFAULT_POLICY: Policy = {
  version: '2.0.0',
  weights: { incidents: 0.3, recurrence: 0.1, support: 0.25, mfa: 0.2, disclosure: 0.15 },
  decay: DECAY_POLICIES['long-memory'],
  incidents: {
    severityPoints: { low: 8, medium: 20, high: 40, critical: 60 },
    confidenceWeight: { high: 1, medium: 0.85, low: 0.6 },
    boostPerTenfoldCustomers: 0.1,
    maxCustomersBoost: 0.3,
  },
  recurrence: {
    windowDays: 1095,
    repeatPoints: 50,
    classWeights: {
      'support-channel': 1,
      subprocessor: 1,
      'token-theft': 0.8,
      'software-supply-chain': 0.8,
      'credential-theft': 0.7,
      'social-engineering': 0.7,
      insider: 0.7,
      vulnerability: 0.5,
    },
    severityScale: { low: 0.25, medium: 0.5, high: 0.8, critical: 1 },
    matchOn: 'root-cause',
    requireSameEntryPath: true,
    pairWith: 'strongest',
    rootCauseWeights: { ...DEFAULT_ROOT_CAUSE_WEIGHTS },
  },
  campaigns: { countAsOne: true },
  incidentCap: { likelihoodPoints: 30 },
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
    inheritedShare: 0.5,
    inheritedCap: 30,
    // The least an arrangement with tenant access scores (in-house, customer data, FIDO2 staff): 35 × (0.5 + 0.5 × 0.05).
    unknownPrior: 18.375,
  },
  mfa: {
    populationWeights: { admins: 30, support: 30, workforce: 15, contractors: 15, customers: 10 },
    methodRisk: { none: 1, sms: 0.7, totp: 0.5, push: 0.45, 'push-number-matching': 0.3, fido2: 0.05 },
    unenforcedBenefit: 0.25,
    unknownCountsAs: { method: 'sms', enforced: false },
    // SMS, not enforced: 1 − (1 − 0.7) × 0.25. Never better than a known weak posture.
    unknownPrior: 0.925,
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
  assessment: { minEvidenceShare: 0.75 },
  inherent: { categoryPriors: [...DEFAULT_CATEGORY_PRIORS], otherCategoriesPrior: DEFAULT_OTHER_CATEGORIES_PRIOR },
  confidence: {
    weights: { mfa: 0.5, support: 0.3, incidents: 0.2 },
    freshDays: 730,
    incidentConfidence: { high: 1, medium: 0.7, low: 0.4 },
    selfAttestedWeight: DEFAULT_SELF_ATTESTED_WEIGHT,
  },
  findings: {
    lateDisclosureDays: 14,
    lookbackDays: 1095,
    recentCriticalDays: 365,
    phishingResistantMfaUpToTier: 2,
  },
  reviewTriggers: {
    minIncidentSeverity: { 1: 'medium', 2: 'high', 3: 'high', 4: 'high' },
    lookbackWithoutDecisionDays: 1095,
  },
  // Why each value, and its source: one line per parameter in server/domain/shipped-rationale.ts.
  rationale: SHIPPED_RATIONALE,
};
