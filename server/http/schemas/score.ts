/** The documented shapes of scores and the portfolio heatmap (what the engine returns). */
import { z } from 'zod';
import { BANDS, FACTOR_IDS, FINDING_SEVERITIES } from '../../scoring/types.ts';

const contribution = z
  .object({
    label: z.string(),
    points: z.number(),
    ref: z.string().nullable().meta({ description: 'incident:ID, subprocessor:ID, mfa:POPULATION, impact:PART, or null' }),
    detail: z.string(),
    formula: z.string().optional().meta({ description: 'The arithmetic with its numbers, e.g. "access 50 × outsourced 1.2 × staff MFA 0.96 + artefacts 10 + retention 5 = 72.6"' }),
  })
  .meta({ id: 'Contribution' });

export const vendorScore = z
  .object({
    vendorId: z.number().int(),
    asOf: z.string(),
    methodologyVersion: z.string(),
    likelihood: z.number().min(0).max(100),
    impact: z.number().min(0).max(100),
    risk: z.number().min(0).max(100),
    band: z.enum(BANDS),
    confidence: z.number().min(0).max(1),
    cell: z.object({ likelihood: z.number().int().min(1).max(5), impact: z.number().int().min(1).max(5) }),
    factors: z.array(
      z.object({
        id: z.enum(FACTOR_IDS),
        label: z.string(),
        score: z.number().min(0).max(100),
        weight: z.number().min(0).max(1),
        known: z.boolean(),
        contributions: z.array(contribution),
      }),
    ),
    impactContributions: z.array(contribution),
    findings: z.array(
      z
        .object({
          id: z.string(),
          rule: z.string(),
          severity: z.enum(FINDING_SEVERITIES),
          title: z.string(),
          rationale: z.string(),
          suggestedCondition: z.string(),
          refs: z.array(z.string()),
        })
        .meta({ id: 'Finding' }),
    ),
    gaps: z.array(z.object({ factor: z.enum(FACTOR_IDS), ref: z.string().nullable(), text: z.string() }).meta({ id: 'Gap' })),
  })
  .meta({ id: 'VendorScore' });

export const heatmap = z
  .object({
    asOf: z.string(),
    methodologyVersion: z.string(),
    decay: z.string().meta({ description: 'The decay policy the scores use' }),
    factors: z.array(z.object({ id: z.enum(FACTOR_IDS), label: z.string(), weight: z.number() })),
    bands: z.array(z.object({ band: z.enum(BANDS), minRisk: z.number() })).meta({ description: 'Lowest risk of each band, highest band first' }),
    rows: z.array(
      z.object({
        vendorId: z.number().int(),
        name: z.string(),
        category: z.string(),
        tier: z.number().int(),
        status: z.string(),
        likelihood: z.number(),
        impact: z.number(),
        risk: z.number(),
        band: z.enum(BANDS),
        confidence: z.number(),
        cell: z.object({ likelihood: z.number().int(), impact: z.number().int() }),
        cells: z.record(z.string(), z.number().nullable()).meta({ description: 'Factor id → score; null when the factor is unknown' }),
        top: z
          .record(z.string(), z.object({ label: z.string(), points: z.number() }).nullable())
          .meta({ description: 'Factor id → its largest contribution' }),
        findings: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Heatmap' });
