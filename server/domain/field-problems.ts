/** Validation failures as field paths and messages, the shape every error response carries. */
import { z } from 'zod';
import { FIELD_RULES, issueWords, type FieldRule } from './issue-words.ts';

export interface FieldProblem {
  /** Dotted path into the request part, e.g. `body.sources.1` or `query.limit`. */
  readonly path: string;
  /** In words, without naming the field: "is required", "must be one of Approved, Rejected or …", "must be at most 4". */
  readonly message: string;
  /** The rule the value broke, for a client that words the problem itself (absent where a service named none). */
  readonly rule?: FieldRule;
  /** For `one-of`: the values the API takes (API values; the message has their labels). */
  readonly allowed?: readonly string[];
  /** For `too-big` / `too-small`: the bound (a number, or a length in characters or items). */
  readonly limit?: number;
}

/** A field problem as answers carry it (the Problem document's `errors`). */
export const fieldProblem = z
  .object({
    path: z.string().meta({ description: 'Dotted path of the failing field: `body.tier`, `query.limit`, `params.id`' }),
    message: z.string().meta({ description: 'What is wrong, in words, without the field name: "is required", "must be at most 4"' }),
    rule: z.enum(FIELD_RULES).optional().meta({ description: 'The rule the value broke' }),
    allowed: z.array(z.string()).optional().meta({ description: 'For `one-of`: the accepted API values' }),
    limit: z.number().optional().meta({ description: 'For `too-big` / `too-small`: the bound (a value, or a length in characters or items)' }),
  })
  .meta({ id: 'FieldProblem' });

/** The value at a path of what was parsed (undefined when the path leads nowhere). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Field problems of a failed parse. With the `input` that was parsed, a choice left out reads "is
 * required" (zod reports a missing enum value as any wrong one), its allowed values still carried.
 */
export function fieldProblems(error: z.ZodError, prefix: string, input?: unknown): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const at = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const said = issueWords(issue);
    const missing = input !== undefined && issue.code === 'invalid_value' && valueAt(input, issue.path) === undefined;
    const words = missing ? { ...said, rule: 'required' as const, message: 'is required' } : said;
    // An unknown key is a problem of that key, not of the object holding it.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: at ? `${at}.${k}` : k, ...words }));
    }
    return [{ path: at, ...words }];
  });
}

/** Parses with a schema, or throws the caller's error built from the field problems. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix: string, fail: (fields: FieldProblem[]) => Error): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fail(fieldProblems(r.error, prefix, value));
  return r.data;
}
