/**
 * Errors as RFC 9457 problem documents. Every failure a client can see has a stable `code`;
 * validation failures list the failing fields. Codes are listed here and in docs/API.md.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { FieldProblem } from '../domain/field-problems.ts';
import { EditConflict, ServiceError } from '../services/errors.ts';
import { clientProblem } from './client-errors.ts';
import { etagOf } from './preconditions.ts';
import type { Logger } from '../logger.ts';

export const PROBLEM_TITLES = {
  'validation-failed': 'The request is invalid',
  'malformed-json': 'The body is not valid JSON',
  'bad-encoding': 'The body is not UTF-8',
  'import-invalid': 'Nothing was imported: some records are invalid',
  'import-possible-duplicates': 'Nothing was imported: some rows may duplicate existing vendors',
  'database-not-empty': 'The database is not empty',
  'restore-conflict': 'Nothing was restored: a record conflicts with the rest of the document',
  'job-not-found': 'Job not found',
  'unsupported-media-type': 'The body must be application/json',
  'payload-too-large': 'The body is too large',
  'no-such-endpoint': 'No such endpoint',
  'vendor-not-found': 'Vendor not found',
  'incident-not-found': 'Incident not found',
  'subprocessor-not-found': 'Subprocessor not found',
  'condition-not-found': 'Condition not found',
  'vendor-name-taken': 'A vendor with this name exists',
  'incident-ref-taken': 'An incident with this ref exists for the vendor',
  'incident-continued': 'Another incident continues this one',
  'subprocessor-is-parent': 'The subprocessor is the vendor itself',
  'vendor-has-incidents': 'The vendor has incidents',
  'methodology-version-taken': 'This methodology version exists',
  'report-snapshot-not-found': 'Report snapshot not found',
  'quarter-not-closed': 'The quarter is not closed',
  'user-not-found': 'User not found',
  'token-not-found': 'API token not found',
  'session-not-found': 'Session not found',
  'passkey-not-found': 'Passkey not found',
  'user-exists': 'A user with this e-mail exists',
  'passkey-exists': 'This passkey is registered already',
  'authentication-required': 'Sign in first',
  'invalid-credentials': 'Sign-in failed',
  'session-expired': 'The session has ended',
  'invalid-token': 'The API token is not valid',
  'passkey-not-verified': 'The passkey could not be verified',
  'setup-token-invalid': 'The setup link is not valid',
  'setup-complete': 'Setup is complete',
  forbidden: 'Your role does not allow this',
  'passkey-required': 'Admin actions need a passkey sign-in',
  'csrf-rejected': 'The request did not come from this app',
  'too-many-attempts': 'Too many attempts',
  conflict: 'The change conflicts with stored data',
  unprocessable: 'The data cannot answer this request',
  'backtest-too-few-events': 'Too few incidents to backtest',
  'too-many-imports': 'Too many imports are running',
  'restore-in-progress': 'A restore is being written',
  'range-not-satisfiable': 'The range is not within the file',
  'precondition-failed': 'The file does not match the precondition',
  'malformed-url': 'The URL is not valid',
  'bad-host': 'The Host header is not valid',
  'unsupported-charset': 'The body must be UTF-8',
  'unsupported-content-encoding': 'The body’s Content-Encoding is not supported',
  'malformed-request': 'The request could not be read',
  'headers-too-large': 'The request headers are too large',
  'request-timeout': 'The request took too long to arrive',
  'edit-conflict': 'The record was changed by someone else since you opened it',
  'report-vendor-not-found': 'Vendor not in the report',
  'watch-rule-not-found': 'Watch rule not found',
  'notification-not-found': 'Notification not found',
  'webhook-not-found': 'Webhook not found',
  'delivery-not-found': 'Delivery not found',
  'questionnaire-template-not-found': 'Questionnaire template not found',
  'questionnaire-request-not-found': 'Questionnaire request not found',
  'request-state-conflict': 'The request is not in a state that allows this',
  'response-token-invalid': 'The response link is not valid',
  'response-link-gone': 'The response link has expired or was withdrawn',
  'request-read-only': 'The answers were submitted and cannot change',
  'answer-locked': 'This answer was accepted and cannot change',
  'question-not-found': 'No such question in this questionnaire',
  'answer-invalid': 'The answer does not fit the question',
  'answer-too-large': 'The answer is too large',
  'answers-missing': 'Required questions are unanswered',
  'request-not-submitted': 'The request has no submitted answers to review',
  'decision-invalid': 'A decision cannot be taken as sent',
  'questionnaire-template-missing': "The request's questionnaire template is not loaded",
  'questionnaire-unreadable': 'The file is not a readable answer sheet',
  'questionnaire-columns': 'The answer sheet has unknown or missing columns',
  'questionnaire-rows-invalid': 'Some rows of the answer sheet cannot be read',
  'questionnaire-import-not-found': 'Questionnaire import not found',
  'document-not-found': 'Document not found',
  'document-type-refused': 'The file is not a PDF, PNG, JPEG or plain text',
  'too-many-uploads': 'Another upload is still arriving',
  'response-contract': 'The answer does not match the route’s declared response (a server bug; checked in tests)',
  'internal-error': 'Something went wrong on our side',
} as const;

export type ProblemCode = keyof typeof PROBLEM_TITLES;

export class HttpError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly fields: readonly FieldProblem[];
  constructor(status: number, code: ProblemCode, detail: string, fields: readonly FieldProblem[] = []) {
    super(detail);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const validationError = (fields: readonly FieldProblem[]): HttpError =>
  new HttpError(400, 'validation-failed', `${fields.length} field(s) failed validation.`, fields);

export function sendProblem(
  res: Response,
  status: number,
  code: ProblemCode,
  detail: string,
  fields: readonly FieldProblem[] = [],
  extra: Readonly<Record<string, unknown>> = {},
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: `urn:vendorscope:problem:${code}`,
        title: PROBLEM_TITLES[code],
        status,
        detail,
        code,
        instance: res.req.originalUrl.split('?')[0],
        ...(fields.length > 0 ? { errors: fields } : {}),
        ...extra,
      }),
    );
}

const SERVICE_STATUS = {
  'not-found': 404,
  conflict: 409,
  invalid: 400,
  unprocessable: 422,
  unauthenticated: 401,
  forbidden: 403,
  throttled: 429,
  'too-large': 413,
  stale: 412,
  gone: 410,
  unsupported: 415,
} as const;
const FALLBACK_CODE = {
  'not-found': 'no-such-endpoint',
  conflict: 'conflict',
  invalid: 'validation-failed',
  unprocessable: 'unprocessable',
  unauthenticated: 'authentication-required',
  forbidden: 'forbidden',
  throttled: 'too-many-attempts',
  'too-large': 'payload-too-large',
  stale: 'edit-conflict',
  gone: 'response-link-gone',
  unsupported: 'unsupported-media-type',
} as const satisfies Record<keyof typeof SERVICE_STATUS, ProblemCode>;

/** The one error handler, registered last. Never sends a stack trace or an internal message. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (err instanceof HttpError) return sendProblem(res, err.status, err.code, err.message, err.fields);
    if (err instanceof ServiceError) {
      const code = err.code in PROBLEM_TITLES ? (err.code as ProblemCode) : FALLBACK_CODE[err.kind];
      if (err.retryAfter !== undefined) res.set('Retry-After', String(err.retryAfter));
      // A refused edit shows the record as it now is, with the ETag to retry against.
      if (err instanceof EditConflict) {
        res.set('ETag', etagOf(err.current.version));
        return sendProblem(res, 412, code, err.message, err.fields, { current: err.current });
      }
      return sendProblem(res, SERVICE_STATUS[err.kind], code, err.message, err.fields);
    }
    const e = err as { type?: string; status?: number; code?: string };
    // body-parser's own errors carry a type and a 4xx status.
    if (e.type === 'entity.too.large')
      return sendProblem(res, 413, 'payload-too-large', 'The request body is larger than this endpoint accepts (1 MB for records; see the API for imports).');
    if (e.type === 'entity.parse.failed') return sendProblem(res, 400, 'malformed-json', 'The request body could not be parsed as JSON.');
    // A library's client error (a charset, a coding, a body cut short, a path that does not decode): a 4xx, no stack logged.
    const client = clientProblem(err);
    if (client) return sendProblem(res, client.status, client.code, client.detail);
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
      return sendProblem(res, 409, 'conflict', 'The change conflicts with stored data.');
    }
    log.error(`${req.method} ${req.originalUrl.split('?')[0]} failed`, err);
    return sendProblem(res, 500, 'internal-error', 'The server could not complete the request; it has been logged.');
  };
}
