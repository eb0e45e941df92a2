/**
 * Failures a service reports in domain terms. The HTTP layer maps `kind` to a status; `code` is
 * the stable identifier clients see.
 */

import type { FieldProblem } from '../domain/field-problems.ts';

/**
 * `unprocessable`: the request is well formed but the data cannot answer it (a backtest with too few events).
 * `too-large`: reading the body would take more than the server allows one request.
 * `stale`: the change was made against a version of the record that is no longer the current one.
 * `gone`: what was asked for existed but no longer works (a revoked or expired response link).
 * `unsupported`: the content is of a type the server does not take (a document that is not a PDF, PNG, JPEG or plain text).
 */
export type FailureKind =
  'not-found' | 'conflict' | 'invalid' | 'unprocessable' | 'unauthenticated' | 'forbidden' | 'throttled' | 'too-large' | 'stale' | 'gone' | 'unsupported';

export class ServiceError extends Error {
  readonly kind: FailureKind;
  readonly code: string;
  readonly fields: readonly FieldProblem[];
  /** For `throttled`: seconds until a new attempt may be made. */
  readonly retryAfter: number | undefined;
  constructor(kind: FailureKind, code: string, message: string, fields: readonly FieldProblem[] = [], retryAfter?: number) {
    super(message);
    this.name = 'ServiceError';
    this.kind = kind;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

export const notFound = (what: string, id: number | string): ServiceError => new ServiceError('not-found', `${what}-not-found`, `No ${what} with id ${id}.`);

export const invalid = (message: string, fields: readonly FieldProblem[]): ServiceError => new ServiceError('invalid', 'validation-failed', message, fields);

/** The value, or a not-found failure naming what was looked for. */
export function found<T>(value: T | undefined, what: string, id: number): T {
  if (value === undefined) throw notFound(what, id);
  return value;
}

/**
 * A change made against an older version of a record than the stored one: nothing was written.
 * It carries the current record, so that whoever made the change can see both versions.
 */
export class EditConflict extends ServiceError {
  readonly current: { readonly version: number };
  constructor(what: string, current: { readonly version: number }, expected: number) {
    super(
      'stale',
      'edit-conflict',
      `The ${what} was changed by someone else since you opened it (you edited version ${expected}; it is now at version ${current.version}). Nothing was saved.`,
    );
    this.name = 'EditConflict';
    this.current = current;
  }
}

/**
 * Refuses a change made against another version than `current`'s (`expected` undefined: no
 * version was named, any will do). The write itself must compare again (`WHERE version = ?`).
 */
export function checkVersion<T extends { readonly version: number }>(what: string, current: T, expected: number | undefined): void {
  if (expected !== undefined && expected !== current.version) throw new EditConflict(what, current, expected);
}
