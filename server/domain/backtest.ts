/**
 * The backtest's vocabulary and shapes (DESIGN §4.11): its fixed numbers, the query it takes and
 * the report it gives. The engine (server/scoring/backtest/) produces this report; the API
 * validates and documents with these schemas; the web reads the types.
 */
import { z } from 'zod';
import { DECAY_POLICY_NAMES, policyParameters, versionLabel } from './methodology.ts';
import { quarterLabel } from './quarter.ts';

export const BACKTEST = {
  /** The first quarter end scored when `from` is left out. */
  from: '2019-Q1',
  horizonDays: 365,
  minHorizonDays: 30,
  maxHorizonDays: 1825,
  /** Most quarter ends one run scores (15 years). */
  maxQuarters: 60,
  /**
   * Fewest vendor-quarters with an event, and without one, a run needs: with fewer, a rank
   * figure moves by several points when one vendor changes, and its interval spans most of the scale.
   */
  minEvents: 20,
  /** Vendor resamples of the bootstrap, and the seed of its generator (same input, same intervals). */
  resamples: 1000,
  seed: 13,
  /** Two-sided level of every interval. */
  level: 0.95,
} as const;

/** What each row of the backtest ranks by: the score's two figures, then the baselines it must beat. */
export const PREDICTOR_IDS = ['likelihood', 'risk', 'random', 'prior-incidents', 'days-since-last'] as const;
export type PredictorId = (typeof PREDICTOR_IDS)[number];
export const SCORE_PREDICTORS = ['likelihood', 'risk'] as const satisfies readonly PredictorId[];
export const COMPARED_BASELINES = ['prior-incidents', 'days-since-last'] as const satisfies readonly PredictorId[];

const quarterRange = {
  from: quarterLabel.optional().meta({ description: `First quarter end scored (default ${BACKTEST.from})` }),
  to: quarterLabel
    .optional()
    .meta({ description: 'Last quarter end scored (default: the last one whose horizon has passed by today); its horizon must have passed' }),
  horizonDays: z.coerce
    .number()
    .int()
    .min(BACKTEST.minHorizonDays)
    .max(BACKTEST.maxHorizonDays)
    .optional()
    .meta({ description: `Days after each quarter end in which an incident becoming known counts as an event (default ${BACKTEST.horizonDays})` }),
};

/** GET /methodology/backtest: a stored version (default: the one in force), optionally under another named decay policy. */
export const backtestQuery = z.strictObject({
  ...quarterRange,
  decay: z.enum(DECAY_POLICY_NAMES).optional().meta({ description: 'Replay under this named decay policy instead of the methodology’s own' }),
  version: versionLabel.optional().meta({ description: 'A stored methodology version (default: the one in force)' }),
});
export type BacktestQuery = z.output<typeof backtestQuery>;

/** POST /methodology/backtest: the range in the query, the draft methodology as the body. */
export const backtestDraftQuery = z.strictObject(quarterRange);

/**
 * The draft: every parameter, as PUT /methodology takes them (so an editor can send the body it
 * would store, and map the same field paths), with the version label and note optional.
 */
export const draftMethodology = policyParameters
  .extend({
    version: versionLabel.default('draft').meta({ description: 'The label the draft would be stored under (default "draft")' }),
    note: z
      .string()
      .trim()
      .max(2000)
      .nullable()
      .optional()
      .meta({ description: 'Ignored: accepted so that the body of PUT /methodology can be sent as it is' }),
  })
  .meta({ id: 'DraftMethodology' });

const estimate = z
  .object({
    value: z.number().nullable().meta({ description: 'The figure on the whole sample; null when it is undefined (no events)' }),
    low: z.number().nullable().meta({ description: 'Lower end of the bootstrap interval' }),
    high: z.number().nullable().meta({ description: 'Upper end of the bootstrap interval' }),
  })
  .meta({ id: 'BacktestEstimate' });
export type Estimate = z.output<typeof estimate>;

const rate = z
  .object({
    id: z.string(),
    label: z.string(),
    observations: z.number().int().meta({ description: 'Vendor-quarters in the row' }),
    events: z.number().int().meta({ description: 'Of those, the ones with an incident within the horizon' }),
    rate: z.number().nullable(),
    low: z.number().nullable().meta({ description: 'Wilson 95 % interval of the rate' }),
    high: z.number().nullable(),
  })
  .meta({ id: 'BacktestRate' });
export type RateRow = z.output<typeof rate>;

const bin = rate
  .extend({ from: z.number(), to: z.number(), meanPredicted: z.number().nullable().meta({ description: 'Mean forecast probability in the bin' }) })
  .meta({ id: 'BacktestCalibrationBin' });
export type CalibrationBin = z.output<typeof bin>;

const predictor = z
  .object({
    id: z.enum(PREDICTOR_IDS),
    label: z.string(),
    kind: z.enum(['score', 'baseline']),
    description: z.string().meta({ description: 'What it ranks by and how it is read as a probability' }),
    meanPercentile: estimate.meta({ description: 'Mean percentile (0–100) of the vendors with an event among all vendors that quarter' }),
    topQuartileShare: estimate.meta({ description: 'Share (0–1) of the vendors with an event that sat in the top quarter' }),
    auc: estimate.meta({ description: 'Chance that a vendor with an event outranks one without, in the same quarter (ties half)' }),
    brierSkill: estimate.meta({ description: '1 − Brier score ÷ Brier score of the base rate' }),
    groups: z.array(rate).meta({ description: 'Observed incident rate per band (risk), matrix row (likelihood) or value (baselines)' }),
  })
  .meta({ id: 'BacktestPredictor' });
export type PredictorReport = z.output<typeof predictor>;

const comparison = z
  .object({
    score: z.enum(SCORE_PREDICTORS),
    baseline: z.enum(COMPARED_BASELINES),
    auc: estimate.meta({ description: 'AUC of the score minus that of the baseline, with a paired bootstrap interval' }),
    brierSkill: estimate.meta({ description: 'Brier skill of the score minus that of the baseline' }),
  })
  .meta({ id: 'BacktestComparison' });
export type Comparison = z.output<typeof comparison>;

export const STATEMENT_SUBJECTS = ['likelihood', 'risk', 'portfolio'] as const;
const statement = z
  .object({
    id: z.string(),
    about: z.enum(STATEMENT_SUBJECTS),
    verdict: z.enum(['does', 'does-not', 'note']).meta({ description: 'Whether the sentence says what the score predicts, what it does not, or a caveat' }),
    text: z.string(),
  })
  .meta({ id: 'BacktestStatement' });
export type Statement = z.output<typeof statement>;

export const backtestReport = z
  .object({
    methodologyVersion: z.string(),
    decay: z.string().meta({ description: 'The decay policy replayed' }),
    draft: z.boolean().meta({ description: 'True for draft parameters not stored as a version' }),
    from: z.string(),
    to: z.string(),
    horizonDays: z.number().int(),
    quarters: z.array(z.object({ quarter: z.string(), asOf: z.string(), events: z.number().int() })),
    population: z.object({
      vendors: z.number().int().meta({ description: 'Every vendor on record, scored at every quarter end' }),
      vendorsWithIncidents: z.number().int().meta({ description: 'Vendors with at least one incident of their own known by the end of the last horizon' }),
      observations: z.number().int().meta({ description: 'Vendor-quarters scored' }),
      events: z.number().int().meta({ description: 'Vendor-quarters followed by at least one incident becoming known within the horizon' }),
      incidents: z.number().int().meta({ description: 'Distinct incidents behind those events' }),
      baseRate: z.number().meta({ description: 'events ÷ observations' }),
    }),
    bootstrap: z.object({
      resamples: z.number().int(),
      seed: z.number().int(),
      level: z.number(),
      unit: z.literal('vendor').meta({ description: 'Vendors are resampled with all their quarters, since one vendor’s quarters are not independent' }),
    }),
    minEvents: z.number().int(),
    predictors: z.array(predictor),
    comparisons: z.array(comparison),
    calibration: z.object({ likelihood: z.array(bin), risk: z.array(bin) }).meta({ description: 'Forecast (score ÷ 100) against observed rate, in tenths' }),
    statements: z.array(statement).meta({ description: 'What the figures say, in words' }),
  })
  .meta({ id: 'Backtest' });
export type BacktestReport = z.output<typeof backtestReport>;
