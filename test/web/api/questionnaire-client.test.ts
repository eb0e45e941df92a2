import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../web/api/client.ts';

/** A fetch that answers `{ items: [] }` to everything and remembers what was asked. */
function recording() {
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  const impl = async (url: string, init?: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { calls, api: createApiClient('/api/v1', impl) };
}

describe('the questionnaire calls of the API client (the contract of issue 16)', () => {
  it('reads templates, requests and reviews where the contract has them', async () => {
    const { calls, api } = recording();
    await api.questionnaireTemplates();
    await api.questionnaireTemplate('support-chain-identity');
    await api.questionnaireRequests(3);
    await api.allQuestionnaireRequests({ overdue: true });
    await api.allQuestionnaireRequests({ state: 'submitted' });
    await api.questionnaireRequest(12);
    await api.questionnaireReview(12);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/questionnaire-templates',
      'GET /api/v1/questionnaire-templates/support-chain-identity',
      'GET /api/v1/vendors/3/questionnaire-requests',
      'GET /api/v1/questionnaire-requests?overdue=true',
      'GET /api/v1/questionnaire-requests?state=submitted',
      'GET /api/v1/questionnaire-requests/12',
      'GET /api/v1/questionnaire-requests/12/review',
    ]);
  });

  it('creates, sends, revokes, reopens and decides with the bodies the contract has', async () => {
    const { calls, api } = recording();
    const body = {
      templateId: 'support-chain-identity',
      dueOn: '2027-01-15',
      contactName: 'Dana',
      contactEmail: 'dana@okta.example',
      message: null,
      linkExpiresOn: null,
      send: true,
    };
    await api.createQuestionnaireRequest(3, body);
    await api.sendQuestionnaireRequest(12);
    await api.revokeQuestionnaireRequest(12);
    await api.reopenQuestionnaireRequest(12);
    await api.decideQuestionnaire(12, { decisions: [{ questionId: 'support-mfa-method', decision: 'rejected', comment: 'Which key?' }] });
    expect(calls).toEqual([
      { method: 'POST', url: '/api/v1/vendors/3/questionnaire-requests', body },
      { method: 'POST', url: '/api/v1/questionnaire-requests/12/send', body: undefined },
      { method: 'POST', url: '/api/v1/questionnaire-requests/12/revoke', body: undefined },
      { method: 'POST', url: '/api/v1/questionnaire-requests/12/reopen', body: undefined },
      {
        method: 'POST',
        url: '/api/v1/questionnaire-requests/12/decisions',
        body: { decisions: [{ questionId: 'support-mfa-method', decision: 'rejected', comment: 'Which key?' }] },
      },
    ]);
  });
});
