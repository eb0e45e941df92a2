/** Validation failures as field paths and messages, the shape every error response carries. */
import type { z } from 'zod';

export interface FieldProblem {
  /** Dotted path into the request part, e.g. `body.sources.1` or `query.limit`. */
  readonly path: string;
  readonly message: string;
}

export function fieldProblems(error: z.ZodError, prefix: string): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const at = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    // An unknown key is a problem of that key, not of the object holding it.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: at ? `${at}.${k}` : k, message: 'unknown field' }));
    }
    return [{ path: at, message: issue.message }];
  });
}

/** Parses with a schema, or throws the caller's error built from the field problems. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string,
  fail: (fields: FieldProblem[]) => Error,
): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fail(fieldProblems(r.error, prefix));
  return r.data;
}
