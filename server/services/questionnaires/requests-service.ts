/**
 * Questionnaire requests, the analyst's side: create (draft or sent), send (a new link each time),
 * revoke, reopen, and read. A link is made of a fresh random token, kept only as its hash; the
 * link is in the answer to create/send alone, and mailed to the contact when e-mail is set up.
 */
import type { Store } from '../../db/store.ts';
import type { StoredRequest } from '../../db/questionnaires-repo.ts';
import type { Actor } from '../../domain/account.ts';
import { dayNumber, isoDay } from '../../domain/partial-date.ts';
import {
  effectiveState,
  OPEN_STATES,
  type QuestionnaireAnswer,
  type QuestionnaireRequest,
  type QuestionnaireTemplate,
  type RequestState,
} from '../../domain/questionnaire.ts';
import { DEFAULT_LINK_DAYS_AFTER_DUE, type NewQuestionnaireRequest } from '../../domain/questionnaire-requests.ts';
import type { Logger } from '../../logger.ts';
import type { MailTransport } from '../alerts/mail-sender.ts';
import type { Clock } from '../clock.ts';
import { found, invalid, ServiceError } from '../errors.ts';
import { requestMail } from './request-mail.ts';
import { hashResponseToken, newResponseToken, responseLink } from './response-token.ts';
import type { Templates } from './templates.ts';

export const requestNotFound = (id: number) => new ServiceError('not-found', 'questionnaire-request-not-found', `No questionnaire request with id ${id}.`);
const stateConflict = (r: { id: number }, state: RequestState, action: string) =>
  new ServiceError('conflict', 'request-state-conflict', `Request ${r.id} is ${state}: it cannot be ${action}.`);
const raced = (id: number) =>
  new ServiceError('conflict', 'request-state-conflict', `Request ${id} changed while this was being done; nothing was saved. Try again.`);

/** The request as the API shows it on `today`: the derived state and whether it is overdue. */
export function requestView(r: StoredRequest, today: string): QuestionnaireRequest {
  return {
    id: r.id,
    vendorId: r.vendorId,
    templateId: r.templateId,
    templateVersion: r.templateVersion,
    state: effectiveState(r, today),
    dueOn: r.dueOn,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    message: r.message,
    linkExpiresOn: r.linkExpiresOn,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    sentAt: r.sentAt,
    openedAt: r.openedAt,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    revokedAt: r.revokedAt,
    overdue: isOverdue(r, today),
    version: r.version,
  };
}

/** Sent, past its due day, not submitted and not revoked (an expired link is still overdue). */
export const isOverdue = (r: Pick<StoredRequest, 'state' | 'dueOn'>, today: string): boolean => OPEN_STATES.includes(r.state) && r.dueOn < today;

export const answerView = (a: {
  requestId: number;
  questionId: string;
  value: unknown;
  answeredAt: string;
  submittedAt: string | null;
  decision: 'accepted' | 'rejected' | null;
  decisionComment: string | null;
  decidedAt: string | null;
}): QuestionnaireAnswer => ({
  requestId: a.requestId,
  questionId: a.questionId,
  value: a.value,
  answeredAt: a.answeredAt,
  submittedAt: a.submittedAt,
  decision: a.decision,
  decisionComment: a.decisionComment,
  decidedAt: a.decidedAt,
});

export interface RequestsOptions {
  readonly mail: MailTransport | null;
  readonly log: Logger;
}

export function requestsService(store: Store, clock: Clock, templates: Templates, o: RequestsOptions) {
  const today = () => clock.today();
  const view = (r: StoredRequest) => requestView(r, today());
  const get = (id: number) => {
    const r = store.questionnaires.find(id);
    if (!r) throw requestNotFound(id);
    return r;
  };
  const templateOf = (r: StoredRequest): QuestionnaireTemplate => {
    // A template's file may have moved on a version since: the questions are matched by id.
    const t = templates.get(r.templateId);
    if (!t)
      throw new ServiceError('not-found', 'questionnaire-template-not-found', `The template "${r.templateId}" of request ${r.id} is no longer installed.`);
    return t;
  };

  /** The link's last day: the one named, or the due day + 30; never before today. */
  const expiryFor = (dueOn: string, named: string | null | undefined) =>
    named ?? isoDay(Math.max(dayNumber(dueOn), dayNumber(today())) + DEFAULT_LINK_DAYS_AFTER_DUE);

  const audit = (actor: Actor, action: string, before: StoredRequest | null, after: StoredRequest) =>
    store.audit.append(
      actor,
      { action, entity: 'questionnaire-request', entityId: after.id, vendorId: after.vendorId, before: before && view(before), after: view(after) },
      clock.now(),
    );

  /** Mails the link when e-mail is set up; a failure is logged (without the link) and reported as not mailed. */
  const mailLink = async (r: StoredRequest, link: string): Promise<boolean> => {
    if (!o.mail) return false;
    const vendor = store.vendors.find(r.vendorId);
    try {
      await o.mail.send(
        r.contactEmail,
        requestMail({ vendorName: vendor?.name ?? '', contactName: r.contactName, dueOn: r.dueOn, linkExpiresOn: r.linkExpiresOn, message: r.message, link }),
      );
      return true;
    } catch (e) {
      o.log.info(`questionnaire request ${r.id}: the link could not be mailed (${o.mail.redact(e instanceof Error ? e.message : String(e))})`);
      return false;
    }
  };

  return {
    templateOf,

    create: async (actor: Actor, vendorId: number, input: NewQuestionnaireRequest, origin: string) => {
      const t = templates.get(input.templateId);
      if (!t) throw invalid('No such questionnaire template.', [{ path: 'body.templateId', message: `no template "${input.templateId}"` }]);
      if (input.dueOn < today()) throw invalid('The due day has passed.', [{ path: 'body.dueOn', message: `before today (${today()})` }]);
      if (input.linkExpiresOn != null && input.linkExpiresOn < input.dueOn) {
        throw invalid('The link would stop working before the answers are due.', [
          { path: 'body.linkExpiresOn', message: `before the due day (${input.dueOn})` },
        ]);
      }
      const token = input.send ? newResponseToken() : null;
      const created = store.transaction(() => {
        found(store.vendors.find(vendorId), 'vendor', vendorId);
        const now = clock.now();
        const id = store.questionnaires.create(
          {
            vendorId,
            templateId: t.id,
            templateVersion: t.version,
            state: input.send ? 'sent' : 'draft',
            dueOn: input.dueOn,
            contactName: input.contactName,
            contactEmail: input.contactEmail,
            message: input.message ?? null,
            tokenHash: token && hashResponseToken(token),
            linkExpiresOn: expiryFor(input.dueOn, input.linkExpiresOn),
            createdBy: actor.userId,
            sentAt: input.send ? now : null,
          },
          now,
        );
        const r = get(id);
        audit(actor, input.send ? 'send' : 'create', null, r);
        return r;
      });
      const link = token && responseLink(origin, token);
      const mailed = link ? await mailLink(created, link) : false;
      return { request: view(created), link, mailed };
    },

    /** draft → sent, or a new link for a request still open (the old link stops working). */
    send: async (actor: Actor, id: number, origin: string) => {
      const token = newResponseToken();
      const sent = store.transaction(() => {
        const r = get(id);
        if (r.state !== 'draft' && !OPEN_STATES.includes(r.state)) throw stateConflict(r, effectiveState(r, today()), 'sent');
        const now = clock.now();
        // An expired link is renewed for another 30 days from today.
        const linkExpiresOn = r.linkExpiresOn !== null && r.linkExpiresOn >= today() ? r.linkExpiresOn : expiryFor(r.dueOn, null);
        const ok = store.questionnaires.update(
          id,
          { state: r.state === 'draft' ? 'sent' : r.state, tokenHash: hashResponseToken(token), linkExpiresOn, sentAt: now },
          now,
          r.version,
        );
        if (!ok) throw raced(id);
        const after = get(id);
        audit(actor, 'send', r, after);
        return after;
      });
      const link = responseLink(origin, token);
      return { request: view(sent), link, mailed: await mailLink(sent, link) };
    },

    /**
     * The link stops working at once; from any state but accepted. The token's hash is kept, so that
     * the link answers "withdrawn" (410) rather than "not valid" (401).
     */
    revoke: (actor: Actor, id: number) =>
      store.transaction(() => {
        const r = get(id);
        if (r.state === 'accepted' || r.state === 'revoked') throw stateConflict(r, r.state, 'revoked');
        const now = clock.now();
        if (!store.questionnaires.update(id, { state: 'revoked', revokedAt: now }, now, r.version)) throw raced(id);
        const after = get(id);
        audit(actor, 'revoke', r, after);
        return { request: view(after) };
      }),

    /** Submitted or reviewed → in progress: the contact may change the answers not accepted, with the link they have. */
    reopen: (actor: Actor, id: number) =>
      store.transaction(() => {
        const r = get(id);
        if (!['submitted', 'accepted', 'partially-accepted'].includes(r.state)) throw stateConflict(r, effectiveState(r, today()), 'reopened');
        const now = clock.now();
        if (!store.questionnaires.update(id, { state: 'in-progress' }, now, r.version)) throw raced(id);
        const after = get(id);
        audit(actor, 'reopen', r, after);
        return { request: view(after) };
      }),

    listForVendor: (vendorId: number) => {
      found(store.vendors.find(vendorId), 'vendor', vendorId);
      return { items: store.questionnaires.listByVendor(vendorId).map(view) };
    },

    list: (q: { state?: RequestState | undefined; overdue?: boolean | undefined }) => {
      const names = new Map(store.vendors.all().map((v) => [v.id, v.name]));
      const items = store.questionnaires
        .all()
        .map(view)
        .filter((r) => (q.state === undefined || r.state === q.state) && (q.overdue === undefined || r.overdue === q.overdue))
        .map((r) => ({ ...r, vendorName: names.get(r.vendorId) ?? '' }));
      return { items };
    },

    detail: (id: number) => {
      const r = get(id);
      return {
        request: view(r),
        template: templateOf(r),
        answers: store.questionnaires.answers(id).map(answerView),
        vendorName: store.vendors.find(r.vendorId)?.name ?? '',
      };
    },

    /** Requests overdue on `asOf` (sent by then, due before it, not submitted or revoked), for the due list. */
    overdue: (asOf: string) => store.questionnaires.openPastDue(asOf).filter((r) => r.sentAt !== null && r.sentAt.slice(0, 10) <= asOf),
  };
}

export type RequestsService = ReturnType<typeof requestsService>;
