/**
 * The methodology's parameters as a schema: the engine reads them, the API validates and stores
 * new versions of them, and docs/METHODOLOGY.md shows the default ones. Weights and decay are
 * data, not code (DESIGN §4.9).
 */
import { z } from 'zod';
import { parameterPathsOf, rationaleEntry, rationaleFor, withRationale } from './parameter-rationale.ts';
import { SHIPPED_RATIONALE } from './shipped-rationale.ts';
import { ACCESS_LEVELS, CONFIDENCES, DATA_ACCESS, ENVIRONMENT_ACCESS, KNOWN_ROOT_CAUSES, MFA_METHODS, MFA_POPULATIONS, SEVERITIES } from './vocabulary.ts';
import { withV1Defaults } from './methodology-v1.ts';

export const FACTOR_IDS = ['incidents', 'recurrence', 'support', 'mfa', 'disclosure'] as const;
export type FactorId = (typeof FACTOR_IDS)[number];
export const FACTOR_LABELS: Readonly<Record<FactorId, string>> = {
  incidents: 'Past incidents',
  recurrence: 'Repeat incidents',
  support: 'Support chain',
  mfa: 'MFA posture',
  disclosure: 'Disclosure',
};

export const BANDS = ['low', 'moderate', 'high', 'critical'] as const;
export type Band = (typeof BANDS)[number];

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

const parameterFields = z.strictObject({
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
    matchOn: z
      .enum(['root-cause', 'classes'])
      .meta({ description: 'root-cause: a repeat has the same root cause (and entry path, see requireSameEntryPath) as an earlier incident; classes: shares any 1.x class with it (methodology 1.x)' }),
    requireSameEntryPath: z.boolean().meta({ description: 'A repeat must also have come in the same way (support channel, subprocessor, employee, product)' }),
    pairWith: z
      .enum(['strongest', 'closest'])
      .meta({ description: 'Which earlier match a repeat is paired with: the strongest (monotone: adding an incident never weakens a repeat) or the closest in time (methodology 1.x)' }),
    rootCauseWeights: byKey(KNOWN_ROOT_CAUSES, share).meta({ description: 'How telling a repeat of each root cause is (used when matchOn is root-cause); an unknown root cause never repeats' }),
  }),
  campaigns: z.strictObject({
    countAsOne: z.boolean().meta({
      description: 'Incidents linked by continuationOf count once: the worst severity, the lag from the first awareness to the last disclosure, no repeat within the campaign (false in methodology 1.x)',
    }),
  }),
  incidentCap: z.strictObject({
    likelihoodPoints: z
      .number()
      .min(1)
      .max(100)
      .nullable()
      .meta({ description: 'Most likelihood points one incident (a campaign counts as one) adds through incidents, recurrence and disclosure together; null = no cap (methodology 1.x)' }),
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
  }),
  mfa: z.strictObject({
    populationWeights: populationWeights.refine(sumsTo(100, 'population weights').check, sumsTo(100, 'population weights').message),
    methodRisk: byKey(MFA_METHODS, share).refine(
      (r) => MFA_METHODS.every((m, i) => i === 0 || r[m] <= r[MFA_METHODS[i - 1]!]),
      'methodRisk must not rise from none to fido2 (stronger MFA never scores worse)',
    ),
    unenforcedBenefit: share,
    unknownCountsAs: z.strictObject({ method: z.enum(MFA_METHODS), enforced: z.boolean() }),
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
    .array(z.strictObject({ band: z.enum(BANDS), minRisk: points }))
    .length(BANDS.length)
    .refine(
      (b) => b.map((x) => x.band).join() === [...BANDS].reverse().join() && b.every((x, i) => i === 0 || x.minRisk < b[i - 1]!.minRisk) && b.at(-1)!.minRisk === 0,
      'bands must run critical, high, moderate, low with falling minRisk, the last at 0',
    ),
  confidence: z.strictObject({
    weights: z
      .strictObject({ mfa: share, support: share, incidents: share })
      .refine(sumsTo(1, 'confidence weights').check, sumsTo(1, 'confidence weights').message),
    freshDays: days,
    incidentConfidence: byKey(CONFIDENCES, share),
  }),
  findings: z.strictObject({
    lateDisclosureDays: z.number().int().min(0).max(3650),
    lookbackDays: days.meta({ description: 'Incidents known longer ago than this raise no findings' }),
    recentCriticalDays: days,
    phishingResistantMfaUpToTier: z.number().int().min(0).max(4).meta({ description: 'Vendors of this tier or more critical must show FIDO2 for admins and support' }),
  }),
  reviewTriggers: z.strictObject({
    minIncidentSeverity: z
      .strictObject({ 1: z.enum(SEVERITIES), 2: z.enum(SEVERITIES), 3: z.enum(SEVERITIES), 4: z.enum(SEVERITIES) })
      .meta({ description: "Per tier, the lowest severity of a newly known incident that reopens the vendor's procurement decision" }),
    lookbackWithoutDecisionDays: days.meta({ description: 'For a vendor with no decision yet, triggers count what became known this many days before asOf' }),
  }),
});

/** Every parameter's path (`weights`, `support.accessPoints`…): each one needs a rationale. */
export const PARAMETER_PATHS: readonly string[] = parameterPathsOf(parameterFields.shape);

export const policyParameters = parameterFields.extend({ rationale: rationaleFor(PARAMETER_PATHS) });

export const versionLabel = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$/, 'expected 1–40 letters, digits, dots, dashes, pluses or underscores');

export const policy = policyParameters.extend({ version: versionLabel }).meta({ id: 'Methodology' });
export type Policy = z.output<typeof policy>;

/**
 * A stored version's policy, from its parameters as stored. Every stored version must go on
 * scoring as it did when it was stored (test/server/scoring/golden-1.0.0.test.ts): this is where
 * the parameters of an older version would be read into today's shape.
 */
export function storedPolicy(parameters: unknown, version: string): Policy {
  return policy.parse({ ...readable(parameters), version });
}

/**
 * A stored version's parameters in today's shape: what a version stored before a parameter existed
 * lacks is filled in. Scoring parameters get the values that keep its old behaviour
 * (methodology-v1.ts); review triggers (which decide when a decision is reopened, never a score)
 * get the rule issue 13 set (a medium incident at tier 1); the rationale, the shipped one.
 */
function readable(parameters: unknown): Record<string, unknown> {
  const p = (withV1Defaults(parameters) ?? {}) as Record<string, unknown>;
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
  .meta({ id: 'StoredMethodologyParameters', description: 'A methodology version’s parameters as stored; a version stored before a parameter existed lacks it.' });
