/**
 * Methodology 1.0.0 as the first release shipped it and stored it: the parameters a database
 * started with before 2.0.0, kept word for word so that
 * - a database whose version in force is this one is moved to the shipped default on start
 *   (methodology-service.ts: only this exact version; an admin's own version stays in force), and
 * - "1.0.0" names it in the backtest and for explaining old scores on a database that never stored
 *   it (a fresh one starts at 2.0.0).
 * It is read like any stored version (storedPolicy), with what it lacks filled in to score as it
 * did; test/server/scoring/golden-1.0.0.test.ts checks it against the recorded fixture.
 */
export const POLICY_1_0_0 = {
  version: '1.0.0',
  parameters: {
    weights: { incidents: 0.3, recurrence: 0.1, support: 0.25, mfa: 0.2, disclosure: 0.15 },
    decay: { name: 'long-memory', kind: 'half-life', halfLifeDays: 1095, cutoffDays: null },
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
      inheritedShare: 0.5,
      inheritedCap: 30,
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
    findings: {
      lateDisclosureDays: 14,
      lookbackDays: 1095,
      recentCriticalDays: 365,
      phishingResistantMfaUpToTier: 2,
    },
  },
} as const;
