/**
 * Why each methodology parameter has its value, and where that comes from (issue 13 §5): data in
 * the policy, a map from a parameter's path (`support.accessPoints`, `weights`) to `{ why, source }`.
 *
 * What counts as one parameter: each field of a section of the policy (`weights.mfa`,
 * `support.outsourcedMultiplier`, `incidents.severityPoints`: a single value or a record of
 * values read together), and each top-level field that is not a section (the decay policy, the
 * bands). The rule is structural, so a new parameter needs no registration here, only its
 * rationale line.
 */
import { z } from 'zod';

export const rationaleEntry = z
  .strictObject({
    why: z
      .string()
      .trim()
      .min(1)
      .max(400)
      .regex(/^[^\r\n]*$/, 'one line')
      .meta({ description: 'Why the parameter has this value, in one line' }),
    source: z
      .string()
      .trim()
      .min(1)
      .max(400)
      .regex(/^[^\r\n]*$/, 'one line')
      .meta({ description: 'What the value rests on: a citation, a URL, or "judgement (who, when)"' }),
  })
  .meta({ id: 'ParameterRationale' });
export type RationaleEntry = z.output<typeof rationaleEntry>;
export type Rationale = Readonly<Record<string, RationaleEntry>>;

/** The schema without its optional/default/nullable wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  let t = s;
  while (t instanceof z.ZodOptional || t instanceof z.ZodDefault || t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
  return t;
}

/** The parameter paths of the policy's fields, in their order: `section.field`, or `field` for one that is not a section. */
export function parameterPathsOf(shape: Readonly<Record<string, z.ZodType>>): string[] {
  return Object.entries(shape).flatMap(([section, schema]) => {
    const inner = unwrap(schema);
    return inner instanceof z.ZodObject ? Object.keys(inner.shape).map((field) => `${section}.${field}`) : [section];
  });
}

/**
 * The rationale of a complete policy: exactly one entry per parameter path, none for anything
 * else. A missing one fails at `rationale.<path>`, so an editor can show it beside the field.
 */
export function rationaleFor(paths: readonly string[]) {
  const known = new Set(paths);
  return z
    .record(z.string(), rationaleEntry)
    .superRefine((r, ctx) => {
      for (const p of paths) if (!(p in r)) ctx.addIssue({ code: 'custom', path: [p], message: 'give a rationale: why this value, and its source' });
      for (const k of Object.keys(r)) if (!known.has(k)) ctx.addIssue({ code: 'custom', path: [k], message: 'not a parameter of the methodology' });
    })
    .meta({ id: 'MethodologyRationale', description: 'Per parameter path (e.g. support.accessPoints), why it has its value and its source' });
}

/**
 * A stored version's rationale read into today's shape: its own entries for the parameters it
 * has, the shipped ones for parameters it lacks (older versions stored none), nothing for paths
 * that are no longer parameters. Rationale never changes a score.
 */
export function withRationale(stored: unknown, paths: readonly string[], shipped: Rationale): Record<string, RationaleEntry | undefined> {
  const own = stored !== null && typeof stored === 'object' ? (stored as Record<string, RationaleEntry>) : {};
  return Object.fromEntries(paths.map((p) => [p, own[p] ?? shipped[p]]));
}
