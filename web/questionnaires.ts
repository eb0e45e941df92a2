/**
 * Questionnaires in the analyst's pages, PURE: a request's state in words and what can be done with
 * it, the send form's body, a vendor's answer as text (never HTML: the value is the vendor's words,
 * shown through text bindings only), the review's decisions and the check that a rejection says why.
 */
import type { Question, QuestionnaireRequest, RequestState } from '../server/domain/questionnaire.ts';
import type { AnswerDecision, NewQuestionnaireRequest, ReviewItem } from '../server/domain/questionnaire-api.ts';

export const REQUEST_STATE_LABEL: Readonly<Record<RequestState, string>> = {
  draft: 'Draft',
  sent: 'Sent',
  opened: 'Opened',
  'in-progress': 'In progress',
  submitted: 'Submitted',
  accepted: 'Accepted',
  'partially-accepted': 'Partially accepted',
  expired: 'Link expired',
  revoked: 'Revoked',
};

export type RequestAction = 'send' | 'new-link' | 'revoke' | 'reopen' | 'review' | 'answers';

/**
 * What an analyst may do with a request in its state (the server decides; these are the buttons
 * offered): a draft is sent; an open request, or one whose link expired, gets a new link; a
 * submitted one is reviewed; a reviewed one reopened (its answers and decisions still readable);
 * anything but accepted and revoked revoked.
 */
export function requestActions(state: RequestState): RequestAction[] {
  switch (state) {
    case 'draft':
      return ['send', 'revoke'];
    case 'sent':
    case 'opened':
    case 'in-progress':
    case 'expired':
      return ['new-link', 'revoke'];
    case 'submitted':
      return ['review', 'reopen', 'revoke'];
    case 'partially-accepted':
      return ['answers', 'reopen', 'revoke'];
    case 'accepted':
      return ['answers', 'reopen'];
    case 'revoked':
      return [];
  }
}

export const ACTION_LABEL: Readonly<Record<RequestAction, string>> = {
  send: 'Send',
  'new-link': 'New link',
  revoke: 'Revoke',
  reopen: 'Reopen',
  review: 'Review answers',
  answers: 'See answers',
};

/** The review page of a request. */
export const reviewHref = (r: Pick<QuestionnaireRequest, 'vendorId' | 'id'>): string => `/vendors/${r.vendorId}/questionnaires/${r.id}/review`;

/** The send form's body as typed: empty optional fields are left to the server's defaults. */
export function requestFromForm(data: FormData, send: boolean): NewQuestionnaireRequest {
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  return {
    templateId: text('templateId'),
    dueOn: text('dueOn'),
    contactName: text('contactName'),
    contactEmail: text('contactEmail'),
    message: text('message') || null,
    linkExpiresOn: text('linkExpiresOn') || null,
    send,
  };
}

/**
 * A response link shown once: the server gives it in the answer to create or send only, and keeps
 * only its hash. The page holds it in memory (never in storage or the URL) until "Done", a new
 * link (which replaces it: the old one no longer works), or another vendor.
 */
export interface ShownLink {
  readonly requestId: number;
  readonly link: string;
  readonly mailed: boolean;
  readonly contactEmail: string;
}
export type LinkEvent =
  | { readonly kind: 'sent'; readonly answer: { readonly request: QuestionnaireRequest; readonly link: string | null; readonly mailed: boolean } }
  | { readonly kind: 'dismissed' }
  | { readonly kind: 'vendor-changed' };

export function shownLink(current: ShownLink | null, e: LinkEvent): ShownLink | null {
  if (e.kind !== 'sent') return null;
  // A draft saved has no link: a link still shown (perhaps not yet copied) stays until "Done".
  if (e.answer.link === null) return current;
  return { requestId: e.answer.request.id, link: e.answer.link, mailed: e.answer.mailed, contactEmail: e.answer.request.contactEmail };
}

export const mailedText = (l: Pick<ShownLink, 'mailed' | 'contactEmail'>): string =>
  l.mailed
    ? `It was also mailed to ${l.contactEmail}.`
    : `It was not mailed (outgoing mail is not set up, or the mail was refused): send it to ${l.contactEmail} yourself.`;

/** An answer as the page shows it: text, a list, a table, or document links; every string is shown as text. */
export type AnswerView =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: ReadonlyArray<readonly string[]> }
  | { readonly kind: 'documents'; readonly items: ReadonlyArray<{ readonly id: number; readonly href: string; readonly label: string }> };

const labelOf = (options: Question['options'], value: unknown): string => {
  const found = options?.find((o) => o.value === value);
  return found ? found.label : plain(value);
};

/** Any value as text, whatever it is (a malformed stored value must still show, not break the page). */
function plain(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** The document's download, which the server only ever serves as an attachment. */
export const documentHref = (id: number, base = '/api/v1'): string => `${base}/documents/${id}/content`;

export function answerView(q: Question, value: unknown, documentNames: ReadonlyMap<number, string> = new Map()): AnswerView {
  if (value === null || value === undefined) return { kind: 'none' };
  switch (q.type) {
    case 'yes-no':
      return { kind: 'text', text: typeof value === 'boolean' ? (value ? 'Yes' : 'No') : plain(value) };
    case 'choice':
      return { kind: 'text', text: labelOf(q.options, value) };
    case 'multi-choice':
      return Array.isArray(value) ? { kind: 'list', items: value.map((v) => labelOf(q.options, v)) } : { kind: 'text', text: plain(value) };
    case 'number':
    case 'date':
    case 'text':
      return { kind: 'text', text: plain(value) };
    case 'document':
      if (!Array.isArray(value)) return { kind: 'text', text: plain(value) };
      return {
        kind: 'documents',
        items: value
          .filter((d): d is number => Number.isSafeInteger(d) && d > 0)
          .map((d) => ({ id: d, href: documentHref(d), label: documentNames.get(d) ?? `Document ${d}` })),
      };
    case 'rows': {
      if (!Array.isArray(value)) return { kind: 'text', text: plain(value) };
      const cols = q.columns ?? [];
      return {
        kind: 'table',
        columns: cols.map((c) => c.label),
        rows: value.map((row: unknown) => {
          const r = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
          return cols.map((c) => (c.type === 'choice' ? (r[c.id] === null || r[c.id] === undefined ? '—' : labelOf(c.options, r[c.id])) : plain(r[c.id])));
        }),
      };
    }
  }
}

/** The analyst's pick for one answer on the review page. */
export interface AnswerPick {
  readonly decision: 'accepted' | 'rejected' | '';
  readonly comment: string;
}

/** Answers that get a decision: the answered ones (mapped or not; an unmapped acceptance writes no fact). */
export const decidable = (items: readonly ReviewItem[]): ReviewItem[] => items.filter((i) => i.answer !== null);

/**
 * The decisions to send, or the problems by question id (shown beside each comment field): a
 * rejection needs a comment (the vendor sees it), and every answered question needs a decision.
 */
export function decisionsOf(
  items: readonly ReviewItem[],
  picks: ReadonlyMap<string, AnswerPick>,
): { decisions: AnswerDecision[]; problems: Record<string, string> } {
  const decisions: AnswerDecision[] = [];
  const problems: Record<string, string> = {};
  for (const i of decidable(items)) {
    const id = i.question.id;
    const p = picks.get(id);
    if (!p || p.decision === '') {
      problems[id] = 'Accept or reject this answer';
      continue;
    }
    const comment = p.comment.trim();
    if (p.decision === 'rejected' && comment === '') {
      problems[id] = 'Say why it is rejected: the vendor sees this comment';
      continue;
    }
    decisions.push({ questionId: id, decision: p.decision, ...(comment ? { comment } : {}) });
  }
  return { decisions, problems };
}

/** The server's field errors of the decisions (`body.decisions.3.comment`) by question id. */
export function decisionErrorsById(paths: Readonly<Record<string, string>>, sent: readonly AnswerDecision[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(paths)) {
    const m = /^decisions\.(\d+)/.exec(path);
    const d = m ? sent[Number(m[1])] : undefined;
    if (d) out[d.questionId] = out[d.questionId] ? `${out[d.questionId]}; ${message}` : message;
  }
  return out;
}

/** Days between two ISO days (b − a). */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The due day in words, with how overdue it is. */
export function dueText(r: Pick<QuestionnaireRequest, 'dueOn' | 'overdue'>, today: string): string {
  if (!r.overdue) return r.dueOn;
  const late = daysBetween(r.dueOn, today);
  return late > 0 ? `${r.dueOn} (overdue by ${late} day${late === 1 ? '' : 's'})` : `${r.dueOn} (overdue)`;
}
