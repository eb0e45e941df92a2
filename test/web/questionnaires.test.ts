import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REQUEST_STATES } from '../../server/domain/questionnaire.ts';
import { reviewDecisions } from '../../server/domain/questionnaire-api.ts';
import {
  answerView,
  decisionErrorsById,
  decisionsOf,
  dueText,
  mailedText,
  requestActions,
  requestFromForm,
  shownLink,
  type AnswerPick,
} from '../../web/questionnaires.ts';
import { HOSTILE, request, review, TEMPLATE, VALUES } from './questionnaire-fixture.ts';

const q = (id: string) => TEMPLATE.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;
const form = (entries: Record<string, string>) => {
  const d = new FormData();
  for (const [k, v] of Object.entries(entries)) d.append(k, v);
  return d;
};

describe('a vendor’s answer as text', () => {
  it('shows each answer type in words: yes/no, choices by their labels, numbers, days, text, rows, documents', () => {
    expect(answerView(q('support-mfa-enforced'), true)).toEqual({ kind: 'text', text: 'Yes' });
    expect(answerView(q('support-mfa-enforced'), false)).toEqual({ kind: 'text', text: 'No' });
    expect(answerView(q('support-mfa-method'), 'fido2')).toEqual({ kind: 'text', text: 'FIDO2 security key or passkey' });
    expect(answerView(q('sso-protocols'), ['saml', 'oidc'])).toEqual({ kind: 'list', items: ['SAML 2.0', 'OpenID Connect'] });
    expect(answerView(q('retention-days'), 30)).toEqual({ kind: 'text', text: '30' });
    expect(answerView(q('last-review'), '2026-11-01')).toEqual({ kind: 'text', text: '2026-11-01' });
    expect(answerView(q('subprocessors'), VALUES.subprocessors)).toEqual({
      kind: 'table',
      columns: ['Name', 'Access', 'Staff MFA'],
      rows: [
        [HOSTILE, 'Read only', 'Yes'],
        ['Acme Support Ltd', 'Full admin', '—'],
      ],
    });
    expect(answerView(q('soc2'), [7, 9], new Map([[7, 'soc2-2026.pdf']]))).toEqual({
      kind: 'documents',
      items: [
        { id: 7, href: '/api/v1/documents/7/content', label: 'soc2-2026.pdf' },
        { id: 9, href: '/api/v1/documents/9/content', label: 'Document 9' },
      ],
    });
    expect(answerView(q('unanswered'), null)).toEqual({ kind: 'none' });
  });

  it('keeps an answer that looks like HTML as the very characters typed (the page binds them as text)', () => {
    expect(answerView(q('session-controls'), HOSTILE)).toEqual({ kind: 'text', text: HOSTILE });
    // A choice value the template does not know (an old template version) shows as typed, not as markup.
    expect(answerView(q('support-mfa-method'), HOSTILE)).toEqual({ kind: 'text', text: HOSTILE });
    expect(answerView(q('sso-protocols'), [HOSTILE])).toEqual({ kind: 'list', items: [HOSTILE] });
  });

  it('never throws on a stored value of the wrong shape, and never makes a link of anything but a document id', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATE.sections.flatMap((s) => s.questions)), fc.jsonValue(), (question, value) => {
        const v = answerView(question, value);
        if (v.kind === 'documents') for (const d of v.items) expect(d.href).toMatch(/^\/api\/v1\/documents\/[1-9]\d*\/content$/);
        const strings = v.kind === 'text' ? [v.text] : v.kind === 'list' ? v.items : v.kind === 'table' ? v.rows.flat() : [];
        for (const s of strings) expect(typeof s).toBe('string');
      }),
    );
  });
});

describe('the review’s decisions', () => {
  const items = review().items;
  const answered = items.filter((i) => i.answer !== null).map((i) => i.question.id);
  const all = (d: AnswerPick['decision'], comment = '') => new Map(answered.map((id) => [id, { decision: d, comment }]));

  it('sends one decision per answered question (an unanswered one gets none)', () => {
    const { decisions, problems } = decisionsOf(items, all('accepted'));
    expect(problems).toEqual({});
    expect(decisions.map((d) => d.questionId)).toEqual(answered);
    expect(decisions.map((d) => d.questionId)).not.toContain('unanswered');
    expect(reviewDecisions.safeParse({ decisions }).success).toBe(true);
  });

  it('refuses a rejection without a comment, naming that answer, and sends nothing', () => {
    const picks = all('accepted');
    picks.set('support-mfa-method', { decision: 'rejected', comment: '   ' });
    const { decisions, problems } = decisionsOf(items, picks);
    expect(problems).toEqual({ 'support-mfa-method': 'Say why it is rejected: the vendor sees this comment' });
    expect(decisions.find((d) => d.questionId === 'support-mfa-method')).toBeUndefined();
    picks.set('support-mfa-method', { decision: 'rejected', comment: ' Name the key model ' });
    const fixed = decisionsOf(items, picks);
    expect(fixed.problems).toEqual({});
    expect(fixed.decisions.find((d) => d.questionId === 'support-mfa-method')).toEqual({
      questionId: 'support-mfa-method',
      decision: 'rejected',
      comment: 'Name the key model',
    });
  });

  it('asks for a decision on every answered question', () => {
    const picks = all('accepted');
    picks.delete('retention-days');
    expect(decisionsOf(items, picks).problems).toEqual({ 'retention-days': 'Accept or reject this answer' });
  });

  it("places the server's errors (body.decisions.N.comment) on the question sent at N", () => {
    const sent = [
      { questionId: 'a', decision: 'accepted' as const },
      { questionId: 'b', decision: 'rejected' as const },
    ];
    expect(decisionErrorsById({ 'decisions.1.comment': 'a rejection needs a comment', decisions: 'each question once', 'decisions.7': 'x' }, sent)).toEqual({
      b: 'a rejection needs a comment',
    });
  });
});

describe('a response link is shown once', () => {
  const sent = (link: string | null, id = 12, mailed = false) => ({
    kind: 'sent' as const,
    answer: { request: request({ id, state: link ? 'sent' : 'draft' }), link, mailed },
  });

  it('shows the link of the request just sent, until Done; nothing brings it back', () => {
    const shown = shownLink(null, sent('https://vs.example/respond#token=abc'));
    expect(shown).toEqual({ requestId: 12, link: 'https://vs.example/respond#token=abc', mailed: false, contactEmail: 'dana@vendor.example' });
    expect(shownLink(shown, { kind: 'dismissed' })).toBeNull();
    expect(shownLink(shown, { kind: 'vendor-changed' })).toBeNull();
  });

  it('a new link replaces the one shown (the old one no longer works); a draft saved leaves it', () => {
    const first = shownLink(null, sent('https://vs.example/respond#token=one', 12));
    expect(shownLink(first, sent(null, 13))).toBe(first);
    expect(shownLink(first, sent('https://vs.example/respond#token=two', 12))?.link).toBe('https://vs.example/respond#token=two');
    expect(shownLink(null, sent(null, 13))).toBeNull();
  });

  it('says whether the link was mailed', () => {
    expect(mailedText({ mailed: true, contactEmail: 'dana@vendor.example' })).toBe('It was also mailed to dana@vendor.example.');
    expect(mailedText({ mailed: false, contactEmail: 'dana@vendor.example' })).toContain('send it to dana@vendor.example yourself');
  });
});

describe('requests in the dossier', () => {
  it('offers the actions each state allows', () => {
    expect(requestActions('draft')).toEqual(['send', 'revoke']);
    expect(requestActions('opened')).toEqual(['new-link', 'revoke']);
    expect(requestActions('expired')).toEqual(['new-link', 'revoke']);
    expect(requestActions('submitted')).toEqual(['review', 'reopen', 'revoke']);
    expect(requestActions('accepted')).toEqual(['answers', 'reopen']);
    expect(requestActions('partially-accepted')).toEqual(['answers', 'reopen', 'revoke']);
    expect(requestActions('revoked')).toEqual([]);
    // Revoked from any state but accepted (the contract's state moves).
    for (const s of REQUEST_STATES) expect(requestActions(s).includes('revoke')).toBe(s !== 'accepted' && s !== 'revoked');
  });

  it('reads the send form, leaving empty optional fields to the server', () => {
    const f = form({
      templateId: 'support-test',
      dueOn: '2026-12-20',
      contactName: ' Dana ',
      contactEmail: 'dana@vendor.example',
      message: '',
      linkExpiresOn: '',
    });
    expect(requestFromForm(f, true)).toEqual({
      templateId: 'support-test',
      dueOn: '2026-12-20',
      contactName: 'Dana',
      contactEmail: 'dana@vendor.example',
      message: null,
      linkExpiresOn: null,
      send: true,
    });
    expect(requestFromForm(form({ message: 'Please by Friday', linkExpiresOn: '2027-01-31' }), false)).toMatchObject({
      message: 'Please by Friday',
      linkExpiresOn: '2027-01-31',
      send: false,
      templateId: '',
    });
  });

  it('says how overdue a request is', () => {
    expect(dueText({ dueOn: '2026-12-01', overdue: true }, '2026-12-06')).toBe('2026-12-01 (overdue by 5 days)');
    expect(dueText({ dueOn: '2026-12-05', overdue: true }, '2026-12-06')).toBe('2026-12-05 (overdue by 1 day)');
    expect(dueText({ dueOn: '2026-12-20', overdue: false }, '2026-12-06')).toBe('2026-12-20');
  });
});
