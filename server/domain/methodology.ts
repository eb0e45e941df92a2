/**
 * The methodology's parameters as a schema: the engine reads them, the API validates and stores
 * new versions of them, and docs/METHODOLOGY.md shows the default ones. Weights and decay are
 * data, not code (DESIGN §4.9).
 */
import { z } from 'zod';
import { FACTOR_IDS } from './labels.ts';
import { parameterPathsOf, rationaleFor, withRationale } from './parameter-rationale.ts';
import { SHIPPED_RATIONALE } from './shipped-rationale.ts';
import { ACCESS_LEVELS, CONFIDENCES, DATA_ACCESS, ENVIRONMENT_ACCESS, KNOWN_ROOT_CAUSES, MFA_METHODS, MFA_POPULATIONS, SEVERITIES } from './vocabulary.ts';
import { withV1Defaults } from './methodology-v1.ts';
import { categoryPriorRow, DEFAULT_CATEGORY_PRIORS, DEFAULT_OTHER_CATEGORIES_PRIOR } from './category-priors.ts';

// The factors and their names are dependency-free (labels.ts), so that the web shares them.
export { FACTOR_IDS, FACTOR_LABELS, type FactorId } from './labels.ts';

/** The bands a risk falls in, from least to most risk: the policy's `bands` set where each begins. */
export const RISK_BANDS = ['low', 'moderate', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];
/**
 * Every band a score can have: a risk band, or `not-assessed` when the evidence covers less of the
 * likelihood weight than the methodology asks (`assessment.minEvidenceShare`). It comes last so
 * that the risk bands keep their order and index; it is no rank above critical: code that ranks
 * bands ranks RISK_BANDS and says what it does with `not-assessed`.
 */
export const BANDS = [...RISK_BANDS, 'not-assessed'] as const;
export type Band = (typeof BANDS)[number];
export const NOT_ASSESSED = 'not-assessed' satisfies Band;
export const isRiskBand = (b: Band): b is RiskBand => b !== NOT_ASSESSED;

/**
 * Methodology 1.x's classes of an incident's root cause or path, derived from its vectors and
 * support involvement; two incidents sharing one were "the same way twice" (`recurrence.matchOn:
 * classes`). Methodology 2 matches on root cause and entry path instead (vocabulary.ts).
 */
export const INCIDENT_CLASSES = [
  'support-channel',
  'subprocessor',
  'token-theft',
  'credential-theft',
  'social-engineering',
  'software-supply-chain',
  'vulnerability',
  'insider',
] as const;
export type IncidentClass = (typeof INCIDENT_CLASSES)[number];

const share = z.number().min(0).max(1);
const points = z.number().min(0).max(100);
const days = z.number().int().min(1).max(36_500);
const byKey = <K extends readonly [string, ...string[]]>(keys: K, value: z.ZodNumber) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as { [P in K[number]]: z.ZodNumber });

/** The named decay policies the engine offers (server/scoring/decay.ts defines them). */
export const DECAY_POLICY_NAMES = ['long-memory', 'short-penalty', 'peer-half-life'] as const;
export type DecayPolicyName = (typeof DECAY_POLICY_NAMES)[number];

export const decayPolicy = z
  .discriminatedUnion('kind', [
    z.strictObject({
      name: z.string().min(1).max(60),
      kind: z.literal('half-life'),
      halfLifeDays: days,
      cutoffDays: days.nullable().meta({ description: 'Weight drops to 0 from this age on; null = never' }),
    }),
    z.strictObject({
      name: z.string().min(1).max(60),
      kind: z.literal('linear'),
      days: days.meta({ description: 'Weight falls in a straight line from 1 to 0 over this many days' }),
    }),
  ])
  .meta({ id: 'DecayPolicy' });
export type DecayPolicy = z.output<typeof decayPolicy>;

const sumsTo = (target: number, what: string) => ({
  check: (o: Record<string, number>) => Math.abs(Object.values(o).reduce((a, b) => a + b, 0) - target) < 1e-9,
  message: `${what} must add up to ${target}`,
});

const weights = byKey(FACTOR_IDS, share);
const populationWeights = byKey(MFA_POPULATIONS, points);

const parameterFields = z
  .strictObject({
    weights: weights.refine(sumsTo(1, 'factor weights').check, sumsTo(1, 'factor weights').message),
    decay: decayPolicy,
    incidents: z.strictObject({
      severityPoints: byKey(SEVERITIES, points),
      confidenceWeight: byKey(CONFIDENCES, share),
      boostPerTenfoldCustomers: share,
      maxCustomersBoost: share,
    }),
    recurrence: z.strictObject({
      windowDays: days.meta({ description: 'An incident repeats an earlier one known at most this many days before it' }),
      repeatPoints: points,
      classWeights: byKey(INCIDENT_CLASSES, share).meta({ description: 'How telling a repeat through each 1.x class is (used when matchOn is classes)' }),
      severityScale: byKey(SEVERITIES, share),
      matchOn: z.enum(['root-cause', 'classes']).meta({
        description:
          'root-cause: a repeat has the same root cause (and entry path, see requireSameEntryPath) as an earlier incident; classes: shares any 1.x class with it (methodology 1.x)',
      }),
      requireSameEntryPath: z
        .boolean()
        .meta({ description: 'A repeat must also have come in the same way (support channel, subprocessor, employee, product)' }),
      pairWith: z.enum(['strongest', 'closest']).meta({
        description:
          'Which earlier match a repeat is paired with: the strongest (monotone: adding an incident never weakens a repeat) or the closest in time (methodology 1.x)',
      }),
      rootCauseWeights: byKey(KNOWN_ROOT_CAUSES, share).meta({
        description: 'How telling a repeat of each root cause is (used when matchOn is root-cause); an unknown root cause never repeats',
      }),
    }),
    campaigns: z.strictObject({
      countAsOne: z.boolean().meta({
        description:
          'Incidents linked by continuationOf count once: the worst severity, the lag from the first awareness to the last disclosure, no repeat within the campaign (false in methodology 1.x)',
      }),
    }),
    incidentCap: z.strictObject({
      likelihoodPoints: z.number().min(1).max(100).nullable().meta({
        description:
          'Most likelihood points one incident (a campaign counts as one) adds through incidents, recurrence and disclosure together; null = no cap (methodology 1.x)',
      }),
    }),
    disclosure: z.strictObject({
      lagPoints: points,
      fullLagDays: days,
      unknownLagDays: z.number().int().min(0).max(3650),
      foundByOthersPoints: points,
      severityScale: byKey(SEVERITIES, share),
    }),
    support: z.strictObject({
      accessPoints: byKey(ACCESS_LEVELS, points),
      outsourcedMultiplier: z.number().min(1).max(3),
      staffMfaFloor: share,
      unsanitizedArtifactsPoints: points,
      maxSafeRetentionDays: z.number().int().min(0).max(36_500),
      longRetentionPoints: points,
      inheritedShare: share.meta({ description: "Share of a subprocessor's own incident score its parent inherits" }),
      inheritedCap: points.meta({ description: 'Most points one subprocessor can pass on from its own incidents' }),
      unknownPrior: points.meta({
        description:
          'The support factor of a vendor with no support arrangement on record (an unknown chain). At most what the least arrangement with tenant access can score, so that recording one never lowers risk.',
      }),
    }),
    mfa: z
      .strictObject({
        populationWeights: populationWeights.refine(sumsTo(100, 'population weights').check, sumsTo(100, 'population weights').message),
        methodRisk: byKey(MFA_METHODS, share).refine(
          (r) => MFA_METHODS.every((m, i) => i === 0 || r[m] <= r[MFA_METHODS[i - 1]!]),
          'methodRisk must not rise from none to fido2 (stronger MFA never scores worse)',
        ),
        unenforcedBenefit: share,
        unknownCountsAs: z
          .strictObject({ method: z.enum(MFA_METHODS), enforced: z.boolean() })
          .meta({ description: "How a support arrangement's unknown staff MFA counts (a gap in a known arrangement)" }),
        unknownPrior: share.meta({
          description:
            'Residual risk (0–1) of a population with no MFA record: the MFA prior. At least that of SMS not enforced, so that an unknown posture never scores better than a known weak one.',
        }),
      })
      .refine((m) => m.unknownPrior >= unenforcedRisk(m.methodRisk.sms, m.unenforcedBenefit) - 1e-9, {
        path: ['unknownPrior'],
        message: 'unknownPrior must be at least the residual risk of SMS not enforced (an unknown MFA posture never scores better than a known weak one)',
      }),
    impact: z.strictObject({
      weights: z
        .strictObject({ tier: share, dataAccess: share, environmentAccess: share })
        .refine(sumsTo(1, 'impact weights').check, sumsTo(1, 'impact weights').message),
      tierPoints: z.strictObject({ 1: points, 2: points, 3: points, 4: points }),
      dataAccessPoints: byKey(DATA_ACCESS, points),
      environmentAccessPoints: byKey(ENVIRONMENT_ACCESS, points),
    }),
    bands: z
      .array(z.strictObject({ band: z.enum(RISK_BANDS), minRisk: points }))
      .length(RISK_BANDS.length)
      .refine(
        (b) =>
          b.map((x) => x.band).join() === [...RISK_BANDS].reverse().join() &&
          b.every((x, i) => i === 0 || x.minRisk < b[i - 1]!.minRisk) &&
          b.at(-1)!.minRisk === 0,
        'bands must run critical, high, moderate, low with falling minRisk, the last at 0',
      ),
    assessment: z.strictObject({
      minEvidenceShare: share.meta({
        description:
          'A vendor whose evidence covers less than this share of the likelihood weight is not assessed (band `not-assessed`); 0 assesses every vendor',
      }),
    }),
    inherent: z.strictObject({
      categoryPriors: z
        .array(categoryPriorRow)
        .max(50)
        .refine((rows) => new Set(rows.map((r) => r.category.toLowerCase())).size === rows.length, 'categoryPriors must name each category once')
        .meta({ description: 'Inherent likelihood by vendor category; the first row whose words appear in the category applies' }),
      otherCategoriesPrior: points.meta({ description: 'Inherent likelihood of a vendor whose category no row matches' }),
    }),
    confidence: z.strictObject({
      weights: z
        .strictObject({ mfa: share, support: share, incidents: share })
        .refine(sumsTo(1, 'confidence weights').check, sumsTo(1, 'confidence weights').message),
      freshDays: days,
      incidentConfidence: byKey(CONFIDENCES, share),
      selfAttestedWeight: share.meta({
        description:
          "What a self-attested fact (the vendor's own questionnaire answer) counts for in confidence, against 1 for evidence recorded from an independent source; it still counts in full as evidence (coverage, assessment)",
      }),
    }),
    findings: z.strictObject({
      lateDisclosureDays: z.number().int().min(0).max(3650),
      lookbackDays: days.meta({ description: 'Incidents known longer ago than this raise no findings' }),
      recentCriticalDays: days,
      phishingResistantMfaUpToTier: z
        .number()
        .int()
        .min(0)
        .max(4)
        .meta({ description: 'Vendors of this tier or more critical must show FIDO2 for admins and support' }),
    }),
    reviewTriggers: z.strictObject({
      minIncidentSeverity: z
        .strictObject({ 1: z.enum(SEVERITIES), 2: z.enum(SEVERITIES), 3: z.enum(SEVERITIES), 4: z.enum(SEVERITIES) })
        .meta({ description: "Per tier, the lowest severity of a newly known incident that reopens the vendor's procurement decision" }),
      lookbackWithoutDecisionDays: days.meta({ description: 'For a vendor with no decision yet, triggers count what became known this many days before asOf' }),
    }),
  })
  .superRefine((p, ctx) => {
    // Recording an arrangement with tenant access must never make a vendor look better than not knowing its chain.
    if (typeof p.support?.unknownPrior !== 'number' || !p.support.accessPoints || !p.mfa?.methodRisk) return;
    const least = leastTenantAccessPoints(p.support, p.mfa.methodRisk);
    if (p.support.unknownPrior > least + 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['support', 'unknownPrior'],
        message: `unknownPrior must be at most ${Math.round(least * 1000) / 1000}, the least an arrangement with tenant access can score (recording one never lowers risk)`,
      });
    }
  });

/** Every parameter's path (`weights`, `support.accessPoints`…): each one needs a rationale. */
export const PARAMETER_PATHS: readonly string[] = parameterPathsOf(parameterFields.shape);

export const policyParameters = parameterFields.extend({ rationale: rationaleFor(PARAMETER_PATHS) });

export const versionLabel = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$/, 'expected 1–40 letters, digits, dots, dashes, pluses or underscores');

export const policy = policyParameters.extend({ version: versionLabel }).meta({ id: 'Methodology' });
export type Policy = z.output<typeof policy>;

/**
 * The least a support arrangement with access to customer tenants (customer data, artefacts or
 * admin) can score: in-house, phishing-resistant staff MFA, nothing else against it.
 */
export function leastTenantAccessPoints(
  support: { accessPoints: Record<(typeof ACCESS_LEVELS)[number], number>; staffMfaFloor: number },
  methodRisk: Record<(typeof MFA_METHODS)[number], number>,
): number {
  const access = Math.min(support.accessPoints['customer-data'], support.accessPoints['session-artifacts'], support.accessPoints.admin);
  const strongest = Math.min(...Object.values(methodRisk));
  return Math.min(100, access * (support.staffMfaFloor + (1 - support.staffMfaFloor) * strongest));
}

/** Residual risk of a method that is not enforced: it keeps only part of its benefit. */
export function unenforcedRisk(methodRisk: number, unenforcedBenefit: number): number {
  return 1 - (1 - methodRisk) * unenforcedBenefit;
}

/**
 * What the 1.x engine counted an unknown support chain as: an in-house arrangement with
 * customer-data access, FIDO2 staff, sanitized artefacts and short retention. The same
 * arithmetic, in the same order, as the support factor of 1.x, so that the prior reproduces it
 * to the last bit.
 */
function legacySupportPrior(p: {
  support?: { accessPoints?: Record<string, number>; staffMfaFloor?: number };
  mfa?: { methodRisk?: Record<string, number> };
}): number | undefined {
  const points = p.support?.accessPoints?.['customer-data'];
  const floor = p.support?.staffMfaFloor;
  const fido2 = p.mfa?.methodRisk?.['fido2'];
  if (points === undefined || floor === undefined || fido2 === undefined) return undefined;
  return Math.min(100, points * 1 * (floor + (1 - floor) * fido2));
}

function legacyMfaPrior(
  mfa: { methodRisk?: Record<string, number>; unenforcedBenefit?: number; unknownCountsAs?: { method: string; enforced: boolean } } | undefined,
): number | undefined {
  const r = mfa?.unknownCountsAs && mfa.methodRisk?.[mfa.unknownCountsAs.method];
  if (r === undefined || mfa?.unenforcedBenefit === undefined) return undefined;
  return mfa.unknownCountsAs!.enforced ? r : unenforcedRisk(r, mfa.unenforcedBenefit);
}

/**
 * Parameters stored before the unknowns became priors and a vendor could be not assessed (1.x),
 * read with values that switch the new behaviour off: every vendor assessed, the priors equal to
 * the postures 1.x counted unknowns as. Parameters that have them pass unchanged.
 */
export function withAssessmentDefaults(parameters: unknown): unknown {
  if (typeof parameters !== 'object' || parameters === null) return parameters;
  // Stored JSON of an older version, before validation: any of these fields may be missing.
  const p = parameters as Record<string, unknown> & Parameters<typeof legacySupportPrior>[0] & { mfa?: Parameters<typeof legacyMfaPrior>[0] };
  const support =
    p['support'] && typeof p['support'] === 'object' && !('unknownPrior' in p['support'])
      ? { ...p['support'], unknownPrior: legacySupportPrior(p) }
      : p['support'];
  const mfa = p['mfa'] && typeof p['mfa'] === 'object' && !('unknownPrior' in p['mfa']) ? { ...p['mfa'], unknownPrior: legacyMfaPrior(p['mfa']) } : p['mfa'];
  return {
    ...p,
    support,
    mfa,
    assessment: p['assessment'] ?? { minEvidenceShare: 0 },
    inherent: p['inherent'] ?? { categoryPriors: DEFAULT_CATEGORY_PRIORS, otherCategoriesPrior: DEFAULT_OTHER_CATEGORIES_PRIOR },
  };
}

/**
 * What a self-attested fact counts for in confidence (issue 16). Versions stored before it existed
 * are read with this value: it moves confidence only (never likelihood, risk or band), and only for
 * self-attested facts, which no database held before the parameter existed; so no stored score
 * changes, and a stored default reads the same as the shipped one of its label.
 */
export const DEFAULT_SELF_ATTESTED_WEIGHT = 0.5;

function withSelfAttestedDefault(p: Record<string, unknown>): Record<string, unknown> {
  const c = p['confidence'];
  if (!c || typeof c !== 'object' || 'selfAttestedWeight' in c) return p;
  return { ...p, confidence: { ...c, selfAttestedWeight: DEFAULT_SELF_ATTESTED_WEIGHT } };
}

/**
 * A stored version's policy, from its parameters as stored. Every stored version must go on
 * scoring as it did when it was stored (test/server/scoring/golden-1.0.0.test.ts): this is where
 * the parameters of an older version are read into today's shape.
 */
export function storedPolicy(parameters: unknown, version: string): Policy {
  return policy.parse({ ...readable(parameters), version });
}

/**
 * A stored version's parameters in today's shape: what a version stored before a parameter existed
 * lacks is filled in. Scoring parameters get the values that keep its old behaviour
 * (methodology-v1.ts, withAssessmentDefaults); review triggers (which decide when a decision is reopened, never a score)
 * get the rule issue 13 set (a medium incident at tier 1); the rationale, the shipped one.
 */
function readable(parameters: unknown): Record<string, unknown> {
  const p = withSelfAttestedDefault((withAssessmentDefaults(withV1Defaults(parameters)) ?? {}) as Record<string, unknown>);
  return {
    ...p,
    reviewTriggers: p.reviewTriggers ?? { minIncidentSeverity: { 1: 'medium', 2: 'high', 3: 'high', 4: 'high' }, lookbackWithoutDecisionDays: 1095 },
    rationale: withRationale(p.rationale, PARAMETER_PATHS, SHIPPED_RATIONALE),
  };
}

/**
 * The parameters of a stored version as an export carries them: as stored, so that a restore
 * stores them unchanged (an export restores to the same export); they are checked as they would
 * be read (storedPolicy), with what older versions lack filled in.
 */
export const storedParameters = z
  .record(z.string(), z.unknown())
  .superRefine((p, ctx) => {
    const r = policyParameters.safeParse(readable(p));
    if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  })
  .meta({
    id: 'StoredMethodologyParameters',
    description: 'A methodology version’s parameters as stored; a version stored before a parameter existed lacks it.',
  });
