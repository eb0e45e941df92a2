/** Watch rules: which changes a user wants to hear about, and where (in-app, e-mail). */
import { z } from 'zod';
import { CHANGE_KINDS } from './change.ts';
import { id, timestamp } from './fields.ts';
import { SEVERITIES } from './vocabulary.ts';

export const EMAIL_MODES = ['off', 'immediate', 'digest'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

const tier = z.number().int().min(1).max(4);

/** The filters and channels of a rule: what a user edits. */
const ruleFields = {
  kind: z.enum(CHANGE_KINDS).meta({ description: 'The kind of change the rule watches' }),
  tiers: z
    .array(tier)
    .min(1)
    .max(4)
    .refine((t) => new Set(t).size === t.length, { message: 'each tier once' })
    .nullable()
    .meta({ description: 'Only vendors of these tiers; null = every tier' }),
  minSeverity: z
    .enum(SEVERITIES)
    .nullable()
    .meta({ description: 'incident-added and finding-new: only at least this severity (the change’s detail.severity); null = any' }),
  mineOnly: z.boolean().meta({ description: 'Only vendors whose business owner is you (your e-mail, or its name part)' }),
  bandRoseOnly: z.boolean().meta({ description: 'score-changed: only when the band rose (from one risk band to a higher one; not-assessed is no rank)' }),
  withinDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .nullable()
    .meta({ description: 'evidence-expiring: only when detail.expiresOn is at most this many days after the change’s day; null = any' }),
  inApp: z.boolean().meta({ description: 'Show matches under the bell' }),
  email: z.enum(EMAIL_MODES).meta({ description: 'E-mail: off, one mail per match (immediate), or one mail a day listing the day’s matches (digest)' }),
};

/** Filters that only mean something for some kinds: set on another kind, they are a mistake, not a no-op. */
function kindFits(r: { kind?: string; minSeverity?: unknown; bandRoseOnly?: unknown; withinDays?: unknown }, ctx: z.RefinementCtx): void {
  if (r.kind === undefined) return;
  if (r.minSeverity != null && !['incident-added', 'finding-new'].includes(r.kind))
    ctx.addIssue({ code: 'custom', path: ['minSeverity'], message: 'only incident-added and finding-new rules have a severity' });
  if (r.bandRoseOnly === true && r.kind !== 'score-changed')
    ctx.addIssue({ code: 'custom', path: ['bandRoseOnly'], message: 'only score-changed rules can ask for a band rise' });
  if (r.withinDays != null && r.kind !== 'evidence-expiring')
    ctx.addIssue({ code: 'custom', path: ['withinDays'], message: 'only evidence-expiring rules have a number of days' });
}

export const newWatchRule = z
  .strictObject({
    kind: ruleFields.kind,
    tiers: ruleFields.tiers.default(null),
    minSeverity: ruleFields.minSeverity.default(null),
    mineOnly: ruleFields.mineOnly.default(false),
    bandRoseOnly: ruleFields.bandRoseOnly.default(false),
    withinDays: ruleFields.withinDays.default(null),
    inApp: ruleFields.inApp.default(true),
    email: ruleFields.email.default('off'),
  })
  .superRefine(kindFits)
  .meta({ id: 'NewWatchRule' });
export type WatchRuleInput = z.output<typeof newWatchRule>;

/** A whole rule replaced (PUT): every field given. */
export const watchRuleReplace = z.strictObject(ruleFields).superRefine(kindFits).meta({ id: 'WatchRuleReplace' });

export const watchRule = z.object({ id, ...ruleFields, createdAt: timestamp, updatedAt: timestamp }).meta({ id: 'WatchRule' });
export type WatchRule = z.output<typeof watchRule>;
