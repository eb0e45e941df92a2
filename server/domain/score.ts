/**
 * A vendor's score and the portfolio heatmap, as zod schemas: the one definition of both. The
 * engine returns these shapes (server/scoring/types.ts derives its types from here), the API
 * documents and checks them (server/http/schemas/score.ts), and the web reads them through the
 * contract (server/http/contract.ts).
 */
import { z } from 'zod';
import { BANDS, FACTOR_IDS, RISK_BANDS } from './methodology.ts';
import { VENDOR_STATUSES } from './vocabulary.ts';
import type { DeepReadonly } from './deep-readonly.ts';

export const FINDING_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const contribution = z
  .object({
    label: z.string(),
    points: z.number(),
    ref: z.string().nullable().meta({ description: 'incident:ID, subprocessor:ID, mfa:POPULATION, impact:PART, or null' }),
    detail: z.string(),
    formula: z
      .string()
      .optional()
      .meta({ description: 'The arithmetic with its numbers, e.g. "access 50 × outsourced 1.2 × staff MFA 0.96 + artefacts 10 + retention 5 = 72.6"' }),
    unknownShare: z.number().min(0).max(1).optional().meta({
      description:
        'Present when the points rest on no evidence (the factor’s prior for an unknown: an MFA population with no record, a support chain with none on record): the share of the factor’s evidence it stands in for (population weight / 100; the whole chain 1)',
    }),
  })
  .meta({ id: 'Contribution' });

export const missingEvidence = z
  .object({
    factor: z.enum(FACTOR_IDS),
    ref: z.string().nullable().meta({ description: 'The contribution it would replace (`mfa:admins`), or null for the whole support chain' }),
    text: z.string().meta({ description: 'What to ask the vendor for: "MFA for admins", "The support chain: …"' }),
    weight: z.number().min(0).max(1).meta({ description: 'The share of the likelihood weight it would add to the evidence coverage' }),
  })
  .meta({ id: 'MissingEvidence' });

export const factorScore = z.object({
  id: z.enum(FACTOR_IDS),
  label: z.string(),
  score: z.number().min(0).max(100),
  weight: z.number().min(0).max(1),
  known: z.boolean(),
  contributions: z.array(contribution),
  formula: z
    .string()
    .optional()
    .meta({ description: 'How the contributions combine when it is not their sum, with its numbers (the support chain’s union of independent risks)' }),
});

export const finding = z
  .object({
    id: z.string(),
    rule: z.string(),
    severity: z.enum(FINDING_SEVERITIES),
    title: z.string(),
    rationale: z.string(),
    suggestedCondition: z.string(),
    refs: z.array(z.string()),
  })
  .meta({ id: 'Finding' });

export const gap = z.object({ factor: z.enum(FACTOR_IDS), ref: z.string().nullable(), text: z.string() }).meta({ id: 'Gap' });

export const vendorScore = z
  .object({
    vendorId: z.number().int(),
    asOf: z.string(),
    methodologyVersion: z.string(),
    likelihood: z.number().min(0).max(100),
    impact: z.number().min(0).max(100),
    risk: z.number().min(0).max(100).meta({ description: 'Residual risk: likelihood × impact / 100, after the evidence (priors standing in for unknowns)' }),
    band: z.enum(BANDS).meta({
      description:
        'The band of `risk`, or `not-assessed` when the evidence covers less of the likelihood weight than the methodology’s `assessment.minEvidenceShare`',
    }),
    assessed: z.boolean().meta({ description: 'False when the band is `not-assessed`' }),
    evidenceCoverage: z.number().min(0).max(1).meta({ description: 'The share of the likelihood weight that rests on evidence rather than on a prior' }),
    unknownPoints: z.number().min(0).max(100).meta({ description: 'Likelihood points that rest on unknowns (priors): "12.4 of 38.0 points rest on unknowns"' }),
    toAssess: z
      .array(missingEvidence)
      .meta({ description: 'For a not-assessed vendor, the least evidence (largest share first) that would assess it; empty when assessed' }),
    inherentLikelihood: z
      .number()
      .min(0)
      .max(100)
      .meta({ description: 'The category prior: the likelihood of a vendor of this kind before any evidence about it' }),
    inherentRisk: z.number().min(0).max(100).meta({ description: 'Inherent risk, from the relationship alone: category prior × impact / 100' }),
    inherentBand: z.enum(RISK_BANDS).meta({ description: 'The band the inherent risk falls in' }),
    inherentContributions: z.array(contribution).meta({ description: 'The parts of the inherent risk, with their formula' }),
    confidence: z.number().min(0).max(1),
    cell: z
      .object({ likelihood: z.number().int().min(1).max(5), impact: z.number().int().min(1).max(5) })
      .meta({ description: 'Cell of the 5×5 matrix from the residual likelihood and impact; the matrix lists a not-assessed vendor apart, beside it' }),
    factors: z.array(factorScore),
    impactContributions: z.array(contribution),
    findings: z.array(finding),
    gaps: z.array(gap),
  })
  .meta({ id: 'VendorScore' });

export const heatmapRow = z.object({
  vendorId: z.number().int(),
  name: z.string(),
  category: z.string(),
  tier: z.number().int(),
  status: z.enum(VENDOR_STATUSES),
  likelihood: z.number(),
  impact: z.number(),
  risk: z.number().meta({ description: 'Residual risk' }),
  band: z.enum(BANDS),
  assessed: z.boolean(),
  evidenceCoverage: z.number(),
  unknownPoints: z.number(),
  inherentRisk: z.number(),
  inherentBand: z.enum(RISK_BANDS),
  toAssess: z.array(z.string()).meta({ description: 'For a not-assessed vendor, what evidence would assess it, in words' }),
  confidence: z.number(),
  cell: z.object({ likelihood: z.number().int(), impact: z.number().int() }),
  cells: z.record(z.string(), z.number().nullable()).meta({ description: 'Factor id → score; null when the factor is unknown' }),
  top: z.record(z.string(), z.object({ label: z.string(), points: z.number() }).nullable()).meta({ description: 'Factor id → its largest contribution' }),
  findings: z.number().int(),
});

export const heatmap = z
  .object({
    asOf: z.string(),
    methodologyVersion: z.string(),
    decay: z.string().meta({ description: 'The decay policy the scores use' }),
    factors: z.array(z.object({ id: z.enum(FACTOR_IDS), label: z.string(), weight: z.number() })),
    bands: z.array(z.object({ band: z.enum(RISK_BANDS), minRisk: z.number() })).meta({ description: 'Lowest risk of each band, highest band first' }),
    rows: z.array(heatmapRow),
  })
  .meta({
    id: 'Heatmap',
    description: 'Rows riskiest first: assessed vendors by residual risk, then the not-assessed ones by inherent risk (the order to assess them in)',
  });

/**
 * A score as it was frozen (a report's tier-1 appendix): scores frozen before methodology 2.0
 * have no assessment or inherent-risk fields.
 */
export const frozenVendorScore = vendorScore
  .partial({
    assessed: true,
    evidenceCoverage: true,
    unknownPoints: true,
    toAssess: true,
    inherentLikelihood: true,
    inherentRisk: true,
    inherentBand: true,
    inherentContributions: true,
  })
  .meta({ id: 'FrozenVendorScore' });

// The engine's records, read-only (it shares them between callers); the heatmap is built fresh per answer.
export type Contribution = DeepReadonly<z.output<typeof contribution>>;
export type MissingEvidence = DeepReadonly<z.output<typeof missingEvidence>>;
export type FactorScore = DeepReadonly<z.output<typeof factorScore>>;
export type Finding = DeepReadonly<z.output<typeof finding>>;
export type Gap = DeepReadonly<z.output<typeof gap>>;
export type VendorScore = DeepReadonly<z.output<typeof vendorScore>>;
export type HeatmapRow = z.output<typeof heatmapRow>;
export type Heatmap = z.output<typeof heatmap>;
