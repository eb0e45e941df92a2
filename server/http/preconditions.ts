/**
 * Optimistic concurrency over HTTP (RFC 9110 §13): a versioned record's answers carry a strong
 * `ETag` made from its version ("v7"), and a change sent with `If-Match` is applied only to that
 * version. The comparison itself happens where the write does (the repository's
 * `UPDATE … WHERE version = ?`), so two requests with the same If-Match can never both win; this
 * file only reads and writes the headers.
 */
import type { Request } from 'express';
import { HttpError } from './problem.ts';

/** The strong validator of a record's version. The URL names the record, so the version suffices. */
export const etagOf = (version: number): string => `"v${version}"`;

const TAG = /^"v([1-9]\d{0,14})"$/;

/**
 * The version an `If-Match` header asks for: undefined when there is none or it is `*` (any
 * current record will do: a missing one answers 404 as usual). Weak tags never match a strong
 * comparison and a list of several tags cannot name one version to write over, so both are refused.
 */
export function ifMatchVersion(req: Request): number | undefined {
  const header = req.get('if-match')?.trim();
  if (header === undefined || header === '' || header === '*') return undefined;
  const m = TAG.exec(header);
  if (!m) {
    throw new HttpError(400, 'validation-failed', 'If-Match must be one strong ETag this API sent, like "v7" (quotes included), or *.', [
      { path: 'headers.if-match', message: 'expected one ETag such as "v7"' },
    ]);
  }
  return Number(m[1]);
}

/** The version of a handler's answer, when it is a record that has one. */
export function versionOf(body: unknown): number | undefined {
  const v = body && typeof body === 'object' ? (body as { version?: unknown }).version : undefined;
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
}
