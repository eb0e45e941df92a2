/**
 * A questionnaire review as the API answers it (contract: GET /questionnaire-requests/:id/review),
 * with every answer type, for the web's tests; the browser tests serve it in place of the server's
 * until the review API is merged. Every text answer that could be HTML is HTML-looking on purpose.
 */
import { questionnaireTemplate, type QuestionnaireRequest } from '../../server/domain/questionnaire.ts';
import type { QuestionnaireReview, QuestionnaireTemplateSummary } from '../../server/domain/questionnaire-api.ts';

export const HOSTILE = '<img src=x onerror=alert(1)>';

export const TEMPLATE = questionnaireTemplate.parse({
  id: 'support-test',
  version: '1.0.0',
  title: 'Support chain (test)',
  sections: [
    {
      id: 'identity',
      title: 'Identity',
      questions: [
        {
          id: 'support-mfa-enforced',
          text: 'Is MFA enforced for support staff?',
          type: 'yes-no',
          required: true,
          maps: { fact: 'mfa', population: 'support', field: 'enforced' },
          feeds: ['MFA · support staff'],
        },
        {
          id: 'support-mfa-method',
          text: 'Which MFA method do support staff use?',
          type: 'choice',
          required: true,
          options: [
            { value: 'fido2', label: 'FIDO2 security key or passkey' },
            { value: 'totp', label: 'Authenticator app (TOTP)' },
          ],
          maps: { fact: 'mfa', population: 'support', field: 'method' },
          feeds: ['MFA · support staff'],
        },
        {
          id: 'sso-protocols',
          text: 'Which single sign-on protocols do you support?',
          type: 'multi-choice',
          required: false,
          options: [
            { value: 'saml', label: 'SAML 2.0' },
            { value: 'oidc', label: 'OpenID Connect' },
          ],
        },
      ],
    },
    {
      id: 'support',
      title: 'Support',
      questions: [
        {
          id: 'retention-days',
          text: 'How many days do you keep support artefacts?',
          type: 'number',
          required: false,
          maps: { fact: 'support', field: 'retentionDays' },
        },
        { id: 'last-review', text: 'When did you last review support access?', type: 'date', required: false },
        { id: 'session-controls', text: 'Describe your support-session controls', type: 'text', required: false },
        {
          id: 'subprocessors',
          text: 'Subprocessors with access to customer tenants',
          type: 'rows',
          required: false,
          columns: [
            { id: 'name', label: 'Name', type: 'text', required: true, field: 'name' },
            {
              id: 'access',
              label: 'Access',
              type: 'choice',
              options: [
                { value: 'full-admin', label: 'Full admin' },
                { value: 'read-only', label: 'Read only' },
              ],
              field: 'accessLevel',
            },
            { id: 'mfa', label: 'Staff MFA', type: 'yes-no' },
          ],
          maps: { fact: 'subprocessors' },
        },
        { id: 'soc2', text: 'Attach your latest SOC 2 report', type: 'document', required: false },
        { id: 'unanswered', text: 'Anything else?', type: 'text', required: false },
      ],
    },
  ],
});

export const SUMMARY: QuestionnaireTemplateSummary = {
  id: TEMPLATE.id,
  version: TEMPLATE.version,
  title: TEMPLATE.title,
  description: '',
  questionCount: TEMPLATE.sections.reduce((n, s) => n + s.questions.length, 0),
  sections: TEMPLATE.sections.map((s) => ({ id: s.id, title: s.title, questionCount: s.questions.length })),
};

export const request = (over: Partial<QuestionnaireRequest> = {}): QuestionnaireRequest => ({
  id: 12,
  vendorId: 1,
  templateId: TEMPLATE.id,
  templateVersion: TEMPLATE.version,
  state: 'submitted',
  dueOn: '2026-12-20',
  contactName: 'Dana Vendor',
  contactEmail: 'dana@vendor.example',
  message: null,
  linkExpiresOn: '2027-01-19',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-05T09:00:00.000Z',
  sentAt: '2026-12-01T09:00:00.000Z',
  openedAt: '2026-12-02T09:00:00.000Z',
  submittedAt: '2026-12-05T09:00:00.000Z',
  reviewedAt: null,
  revokedAt: null,
  overdue: false,
  version: 4,
  ...over,
});

/** The values answered, by question id: each type once, the texts HTML-looking. */
export const VALUES: Record<string, unknown> = {
  'support-mfa-enforced': true,
  'support-mfa-method': 'fido2',
  'sso-protocols': ['saml', 'oidc'],
  'retention-days': 30,
  'last-review': '2026-11-01',
  'session-controls': HOSTILE,
  subprocessors: [
    { name: HOSTILE, access: 'read-only', mfa: true },
    { name: 'Acme Support Ltd', access: 'full-admin', mfa: null },
  ],
  soc2: [7],
};

export function review(over: Partial<QuestionnaireRequest> = {}): QuestionnaireReview {
  const r = request(over);
  const items: QuestionnaireReview['items'] = [];
  for (const s of TEMPLATE.sections)
    for (const q of s.questions) {
      const value = VALUES[q.id];
      items.push({
        question: q,
        section: { id: s.id, title: s.title },
        answer:
          value === undefined
            ? null
            : {
                requestId: r.id,
                questionId: q.id,
                value,
                answeredAt: '2026-12-04T09:00:00.000Z',
                submittedAt: r.submittedAt,
                decision: null,
                decisionComment: null,
                decidedAt: null,
              },
        proposal:
          q.id === 'support-mfa-method'
            ? {
                fact: 'mfa',
                label: 'MFA · support staff',
                changes: [{ field: 'method', label: 'Method', old: 'Unknown', new: 'FIDO2 security key or passkey' }],
                feeds: ['MFA · support staff'],
              }
            : q.id === 'support-mfa-enforced'
              ? { fact: 'mfa', label: 'MFA · support staff', changes: [], feeds: ['MFA · support staff'] }
              : null,
      });
    }
  return { request: r, vendorName: 'Okta', items };
}
