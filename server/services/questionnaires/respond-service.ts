/**
 * The vendor's side of a request, reached only with its response token: read it, save and delete
 * draft answers, submit. The token names exactly one request; nothing here takes a request id from
 * the caller, so no other request can be reached. Each step is audited as "vendor contact, request <id>".
 */
import type { StoredRequest } from '../../db/questionnaires-repo.ts';
import type { Readable } from 'node:stream';
import type { Store } from '../../db/store.ts';
import type { Actor } from '../../domain/account.ts';
import { fieldProblems } from '../../domain/field-problems.ts';
import { answerValueSchema, effectiveState, OPEN_STATES } from '../../domain/questionnaire.ts';
import { MAX_ANSWER_BYTES, type RespondView } from '../../domain/questionnaire-requests.ts';
import type { Clock } from '../clock.ts';
import type { DocumentsService } from '../documents/documents-service.ts';
import { ServiceError } from '../errors.ts';
import { RespondThrottle } from './respond-throttle.ts';
import { answerView, requestView, type RequestsService } from './requests-service.ts';
import { hashResponseToken, TOKEN_PATTERN } from './response-token.ts';
import { questionsOf } from './templates.ts';

/** The vendor's contact, as the audit log names them. */
export const vendorContact = (requestId: number): Actor => ({ userId: null, label: `vendor contact, request ${requestId}`, via: 'response-link' });

const invalidToken = () =>
  new ServiceError('unauthenticated', 'response-token-invalid', 'This response link is not valid. Check that the whole link was copied, or ask for a new one.');
const gone = (why: string) => new ServiceError('gone', 'response-link-gone', why);
const throttled = (wait: number) => new ServiceError('throttled', 'too-many-attempts', `Too many requests; try again in ${wait} s.`, [], wait);

/** A request reached with its token: only this passes between authentication and the steps. */
export interface Responding {
  readonly request: StoredRequest;
}

/** Uploads through response links held in memory at once: one per request, four in all (each may hold 20 MB while it arrives). */
export const RESPOND_UPLOADS = { perRequest: 1, total: 4 } as const;

/** A file sent through the response page, as the route reads it. */
export interface RespondUpload {
  readonly meta: unknown;
  readonly fileName: string;
  readonly stream: Readable;
}

/**
 * The documents service, as the response link uses it: uploads land on the request's vendor with its
 * id, and a `document` answer may name only the documents uploaded through its own request (never
 * another request's, never another vendor's).
 */
export type RespondDocuments = Pick<DocumentsService, 'upload' | 'listForRequest'>;

export function respondService(store: Store, clock: Clock, requests: RequestsService, throttle: RespondThrottle, documents: RespondDocuments) {
  const uploaded = (requestId: number) => documents.listForRequest(requestId).map((d) => d.id);
  const inFlight = new Map<number, number>();
  let inFlightTotal = 0;
  const get = (id: number) => store.questionnaires.find(id)!;
  const audit = (r: StoredRequest, action: string, entity: string, entityId: number | string, before: unknown, after: unknown) =>
    store.audit.append(vendorContact(r.id), { action, entity, entityId, vendorId: r.vendorId, before, after }, clock.now());

  /** The request the token opens, while it may be answered or read. */
  const authenticate = (token: string | undefined, address: string): Responding => {
    const wait = throttle.beforeLookup(address);
    if (wait > 0) throw throttled(wait);
    const r = token !== undefined && TOKEN_PATTERN.test(token) ? store.questionnaires.findByTokenHash(hashResponseToken(token)) : undefined;
    if (!r) {
      throttle.badToken(address);
      throw invalidToken();
    }
    if (r.state === 'revoked') throw gone('This response link was withdrawn. Ask the person who sent it for a new one.');
    if (effectiveState(r, clock.today()) === 'expired')
      throw gone(`This response link expired on ${r.linkExpiresOn}. Ask the person who sent it for a new one.`);
    const later = throttle.call(hashResponseToken(token!), address);
    if (later > 0) throw throttled(later);
    return { request: r };
  };

  /** Open for answers: sent, opened or in progress (not submitted, reviewed, expired or revoked). */
  const writable = (r: StoredRequest) => {
    if (!OPEN_STATES.includes(r.state))
      throw new ServiceError(
        'conflict',
        'request-read-only',
        `The answers were ${r.state === 'submitted' ? 'submitted' : 'reviewed'}; they can change only once the request is reopened.`,
      );
  };

  const questionOf = (r: StoredRequest, questionId: string) => {
    const q = questionsOf(requests.templateOf(r)).find((x) => x.question.id === questionId)?.question;
    if (!q) throw new ServiceError('not-found', 'question-not-found', `The questionnaire has no question "${questionId}".`);
    return q;
  };

  /** A save on a sent or opened request moves it to in progress. */
  const markInProgress = (r: StoredRequest, now: string) => {
    if (r.state === 'in-progress') return;
    if (!store.questionnaires.update(r.id, { state: 'in-progress' }, now, r.version))
      throw new ServiceError('conflict', 'request-state-conflict', 'The request changed meanwhile; reload the page.');
    audit(r, 'start', 'questionnaire-request', r.id, { state: r.state }, { state: 'in-progress' });
  };

  const lockedAnswer = (r: StoredRequest, questionId: string) => {
    if (store.questionnaires.answer(r.id, questionId)?.decision === 'accepted') {
      throw new ServiceError('conflict', 'answer-locked', 'This answer was accepted by the reviewer and cannot change.');
    }
  };

  return {
    authenticate,

    /** The request as the contact sees it; the first read marks it opened. */
    view: ({ request }: Responding): RespondView => {
      const r = store.transaction(() => {
        if (request.state !== 'sent') return request;
        const now = clock.now();
        if (store.questionnaires.update(request.id, { state: 'opened', openedAt: now }, now, request.version))
          audit(request, 'open', 'questionnaire-request', request.id, { state: 'sent' }, { state: 'opened' });
        return get(request.id);
      });
      const t = requests.templateOf(r);
      return {
        request: {
          id: r.id,
          state: effectiveState(r, clock.today()),
          dueOn: r.dueOn,
          vendorName: store.vendors.find(r.vendorId)?.name ?? '',
          contactName: r.contactName,
          templateTitle: t.title,
          message: r.message,
          submittedAt: r.submittedAt,
          readOnly: !OPEN_STATES.includes(r.state),
        },
        template: t,
        answers: store.questionnaires
          .answers(r.id)
          .map((a) => ({ questionId: a.questionId, value: a.value, decision: a.decision, decisionComment: a.decisionComment })),
        documents: documents.listForRequest(r.id).map((d) => ({ id: d.id, fileName: d.fileName, kind: d.kind, size: d.size })),
      };
    },

    saveAnswer: ({ request }: Responding, questionId: string, value: unknown) => {
      const q = questionOf(request, questionId);
      const size = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
      if (size > MAX_ANSWER_BYTES)
        throw new ServiceError(
          'too-large',
          'answer-too-large',
          `An answer may take at most ${MAX_ANSWER_BYTES / 1024} KB; this one takes ${Math.ceil(size / 1024)} KB.`,
        );
      const parsed = answerValueSchema(q).safeParse(value);
      if (!parsed.success)
        throw new ServiceError('unprocessable', 'answer-invalid', `The answer does not fit a ${q.type} question.`, fieldProblems(parsed.error, 'body.value'));
      if (q.type === 'document') {
        const mine = new Set(uploaded(request.id));
        const foreign = (parsed.data as number[]).flatMap((d, i) =>
          mine.has(d) ? [] : [{ path: `body.value.${i}`, message: `no document ${d} was uploaded with this questionnaire` }],
        );
        if (foreign.length > 0)
          throw new ServiceError('unprocessable', 'answer-invalid', 'A document answer names documents not uploaded with this questionnaire.', foreign);
      }
      return store.transaction(() => {
        const r = get(request.id);
        writable(r);
        lockedAnswer(r, questionId);
        const now = clock.now();
        const before = store.questionnaires.answer(r.id, questionId);
        store.questionnaires.saveAnswer(r.id, questionId, parsed.data, now);
        markInProgress(r, now);
        const after = store.questionnaires.answer(r.id, questionId)!;
        audit(r, before ? 'update' : 'create', 'questionnaire-answer', `${r.id}:${questionId}`, before?.value ?? null, after.value);
        const { decision: _d, decisionComment: _c, decidedAt: _a, ...answer } = answerView(after);
        return { answer };
      });
    },

    deleteAnswer: ({ request }: Responding, questionId: string): void => {
      questionOf(request, questionId);
      store.transaction(() => {
        const r = get(request.id);
        writable(r);
        lockedAnswer(r, questionId);
        const before = store.questionnaires.answer(r.id, questionId);
        if (!before) return;
        const now = clock.now();
        store.questionnaires.deleteAnswer(r.id, questionId);
        markInProgress(r, now);
        audit(r, 'delete', 'questionnaire-answer', `${r.id}:${questionId}`, before.value, null);
      });
    },

    /**
     * Before a byte of the file is read: the request must be open for answers, and the upload must
     * find room (429 otherwise). Returns the release, to call when the request ends.
     */
    admitUpload: ({ request }: Responding): (() => void) => {
      writable(get(request.id));
      const mine = inFlight.get(request.id) ?? 0;
      if (mine >= RESPOND_UPLOADS.perRequest || inFlightTotal >= RESPOND_UPLOADS.total) {
        throw new ServiceError('throttled', 'too-many-uploads', 'Another upload is still arriving; try again when it has finished.', [], 5);
      }
      inFlight.set(request.id, mine + 1);
      inFlightTotal++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlightTotal--;
        const left = (inFlight.get(request.id) ?? 1) - 1;
        if (left > 0) inFlight.set(request.id, left);
        else inFlight.delete(request.id);
      };
    },

    /** A document attached through the link: on the request's vendor, with the request's id, by the vendor contact. */
    upload: async ({ request }: Responding, file: RespondUpload) => {
      const document = await documents.upload({
        vendorId: request.vendorId,
        requestId: request.id,
        actor: vendorContact(request.id),
        meta: file.meta,
        fileName: file.fileName,
        stream: file.stream,
        // Submitted (or revoked) while the file arrived: nothing is written.
        stillAllowed: () => {
          const r = get(request.id);
          if (r.state === 'revoked') throw gone('This response link was withdrawn. Ask the person who sent it for a new one.');
          writable(r);
        },
      });
      return { document };
    },

    /** Every required question answered: the answers freeze and the request waits for review. */
    submit: ({ request }: Responding) =>
      store.transaction(() => {
        const r = get(request.id);
        writable(r);
        const answered = new Set(store.questionnaires.answers(r.id).map((a) => a.questionId));
        const missing = questionsOf(requests.templateOf(r)).filter((x) => x.question.required && !answered.has(x.question.id));
        if (missing.length > 0) {
          throw new ServiceError(
            'unprocessable',
            'answers-missing',
            `${missing.length} required question(s) are unanswered.`,
            missing.map((m) => ({ path: `answers.${m.question.id}`, message: `required: "${m.question.text}" (${m.section.title})` })),
          );
        }
        const now = clock.now();
        store.questionnaires.submitAnswers(r.id, now);
        if (!store.questionnaires.update(r.id, { state: 'submitted', submittedAt: now }, now, r.version))
          throw new ServiceError('conflict', 'request-state-conflict', 'The request changed meanwhile; reload the page.');
        const after = get(r.id);
        audit(r, 'submit', 'questionnaire-request', r.id, { state: r.state }, { state: 'submitted', submittedAt: now, answers: answered.size });
        return { request: { id: after.id, state: requestView(after, clock.today()).state, submittedAt: after.submittedAt, readOnly: true } };
      }),
  };
}

export type RespondService = ReturnType<typeof respondService>;
