/**
 * The analyst's review of a submitted questionnaire (issue 16): each answer beside what is on
 * record and the fact it would create or change; accept or reject per answer, in one transaction.
 * Accepted mapped answers become self-attested facts through the services that write them by
 * hand (audited; kept scores and change events follow from the same writes); a rejection needs a
 * comment and reopens the request for those answers.
 */
import type { Store } from '../../db/store.ts';
import type { StoredRequest } from '../../db/questionnaires-repo.ts';
import type { Actor } from '../../domain/account.ts';
import {
  effectiveState,
  type QuestionnaireAnswer,
  type QuestionnaireRequest,
  type QuestionnaireTemplate,
  type StoredRequestState,
} from '../../domain/questionnaire.ts';
import type { QuestionnaireReview, ReviewDecisions, ReviewResult } from '../../domain/questionnaire-review.ts';
import type { FieldProblem } from '../../domain/field-problems.ts';
import type { Clock } from '../clock.ts';
import { found, ServiceError } from '../errors.ts';
import type { MfaService } from '../mfa-service.ts';
import type { SubprocessorsService } from '../subprocessors-service.ts';
import type { CommitmentsService } from '../commitments-service.ts';
import { proposalsFor, type OnRecord, type Proposal } from './mapping.ts';
import { planFor } from './apply-plan.ts';

/** The template a request was sent with, by id and version (the template loader's). */
export type TemplateLookup = (id: string, version: string) => QuestionnaireTemplate | undefined;

/** States in which the vendor has not yet handed the answers over. */
const UNSUBMITTED: readonly string[] = ['draft', 'sent', 'opened', 'in-progress', 'expired'];

/** The request as the API answers it: its effective state, and whether it is overdue. */
export function requestView(r: StoredRequest, today: string): QuestionnaireRequest {
  const state = effectiveState(r, today);
  return { ...r, state, overdue: UNSUBMITTED.includes(state) && r.dueOn < today };
}

export interface ReviewDeps {
  readonly mfa: MfaService;
  readonly subprocessors: SubprocessorsService;
  readonly commitments: CommitmentsService;
  readonly templates: TemplateLookup;
}

const decisionProblem = (message: string, fields: FieldProblem[]) => new ServiceError('unprocessable', 'decision-invalid', message, fields);

export function reviewService(store: Store, clock: Clock, deps: ReviewDeps) {
  const load = (id: number) => {
    const request = found(store.questionnaires.find(id), 'questionnaire-request', id);
    const template = deps.templates(request.templateId, request.templateVersion);
    if (!template) {
      throw new ServiceError(
        'conflict',
        'questionnaire-template-missing',
        `The template ${request.templateId} ${request.templateVersion} this request was sent with is not loaded.`,
      );
    }
    return { request, template };
  };
  const onRecord = (vendorId: number): OnRecord => ({
    mfa: store.mfa.listByVendor(vendorId),
    subprocessors: store.subprocessors.listByVendor(vendorId),
    commitments: store.commitments.listByVendor(vendorId),
  });
  /** Answers the vendor handed over (a draft saved after a rejection is not one yet). */
  const submitted = (requestId: number): QuestionnaireAnswer[] => store.questionnaires.answers(requestId).filter((a) => a.submittedAt !== null);

  return {
    /** Every question of the request's template with its answer and, for a mapped one, the fact it would create or change. */
    review: (id: number): QuestionnaireReview => {
      const { request, template } = load(id);
      const answers = store.questionnaires.answers(id);
      const proposals = proposalsFor(template, answers, onRecord(request.vendorId));
      const items = template.sections.flatMap((s) =>
        s.questions.map((q) => {
          const p = proposals.get(q.id);
          return {
            question: q,
            section: { id: s.id, title: s.title },
            answer: answers.find((a) => a.questionId === q.id) ?? null,
            proposal: p ? { fact: p.fact, label: p.label, changes: [...p.changes], feeds: [...p.feeds] } : null,
          };
        }),
      );
      return { request: requestView(request, clock.today()), vendorName: store.vendors.find(request.vendorId)!.name, items };
    },

    /**
     * Takes the analyst's decisions on a submitted request, all or nothing: accepted mapped answers
     * become facts; rejected ones (each with a comment) go back to the vendor, the request
     * reopened (in-progress). With no rejection the review is finished: accepted when every
     * submitted answer is accepted, partially-accepted when some were left undecided.
     */
    decide: (actor: Actor, id: number, body: ReviewDecisions): ReviewResult =>
      store.transaction(() => {
        const { request, template } = load(id);
        const today = clock.today();
        const state = effectiveState(request, today);
        if (state !== 'submitted')
          throw new ServiceError('conflict', 'request-not-submitted', `Request ${id} is ${state}: only submitted answers can be reviewed.`);
        const questions = new Set(template.sections.flatMap((s) => s.questions.map((q) => q.id)));
        const answers = submitted(id);
        const problems: FieldProblem[] = [];
        const seen = new Set<string>();
        body.decisions.forEach((d, i) => {
          const at = `body.decisions.${i}`;
          if (!questions.has(d.questionId)) problems.push({ path: `${at}.questionId`, message: `no question ${d.questionId} in template ${template.id}` });
          else if (!answers.some((a) => a.questionId === d.questionId))
            problems.push({ path: `${at}.questionId`, message: `question ${d.questionId} has no submitted answer` });
          if (seen.has(d.questionId)) problems.push({ path: `${at}.questionId`, message: `question ${d.questionId} is decided twice` });
          seen.add(d.questionId);
          if (d.decision === 'rejected' && !d.comment)
            problems.push({ path: `${at}.comment`, message: 'a rejection needs a comment: what should the vendor change?' });
        });
        if (problems.length > 0) throw decisionProblem('Some decisions cannot be taken; nothing was recorded.', problems);

        const vendorId = request.vendorId;
        const before = onRecord(vendorId);
        const accepted = body.decisions.filter((d) => d.decision === 'accepted').map((d) => d.questionId);
        const proposals = proposalsFor(template, answers, before);
        const acceptedProposals = accepted.map((q) => proposals.get(q)).filter((p): p is Proposal => p !== undefined);
        // The answers' knownFrom: the day the vendor submitted them (UTC).
        const submittedOn = (request.submittedAt ?? clock.now()).slice(0, 10);
        const plan = planFor(acceptedProposals, before, { vendorId, requestId: id, submittedOn, now: clock.now() });
        if (plan.problems.length > 0) {
          const index = (q: string) => body.decisions.findIndex((d) => d.questionId === q);
          throw decisionProblem(
            'Some accepted answers cannot become facts alone; nothing was recorded.',
            plan.problems.map((p) => ({ path: `body.decisions.${index(p.questionId)}`, message: p.message })),
          );
        }

        const applied: ReviewResult['applied'] = [];
        for (const m of plan.mfa) {
          deps.mfa.putRecord(actor, vendorId, m.record);
          for (const q of m.questionIds) applied.push({ questionId: q, fact: 'mfa', ref: `mfa:${m.record.population}` });
        }
        for (const w of plan.subprocessors) {
          const provenance = { confidence: 'self-attested' as const, source: w.source };
          const written =
            w.targetId === null
              ? deps.subprocessors.create(actor, vendorId, w.create, provenance)
              : deps.subprocessors.update(actor, w.targetId, w.patch, undefined, provenance);
          const fact = acceptedProposals.find((p) => p.questionId === w.questionId)!.fact;
          applied.push({ questionId: w.questionId, fact, ref: `subprocessor:${written.id}` });
        }
        for (const c of plan.commitments) {
          deps.commitments.put(actor, c.commitment);
          applied.push({ questionId: c.questionId, fact: 'commitment', ref: `commitment:${c.commitment.field}` });
        }

        const now = clock.now();
        for (const d of body.decisions) {
          store.questionnaires.decide({ requestId: id, questionId: d.questionId, decision: d.decision, comment: d.comment ?? null, by: actor.userId, at: now });
        }
        const after = store.questionnaires.answers(id);
        const next: StoredRequestState = body.decisions.some((d) => d.decision === 'rejected')
          ? 'in-progress'
          : after.every((a) => a.decision === 'accepted')
            ? 'accepted'
            : 'partially-accepted';
        if (!store.questionnaires.update(id, { state: next, reviewedAt: now }, now, request.version)) {
          throw new ServiceError('conflict', 'request-not-submitted', `Request ${id} changed while it was being reviewed; nothing was recorded.`);
        }
        const reviewed = store.questionnaires.find(id)!;
        store.audit.append(
          actor,
          {
            action: 'review',
            entity: 'questionnaire-request',
            entityId: id,
            vendorId,
            before: { state: request.state },
            after: { state: next, decisions: body.decisions, applied },
          },
          now,
        );
        return { request: requestView(reviewed, today), applied };
      }),
  };
}

export type ReviewService = ReturnType<typeof reviewService>;
