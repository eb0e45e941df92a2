/** Questionnaire requests for tests: a vendor, a request sent with the fixture template, and the token from its link. */
import { testClock } from './clock.ts';
import { testApp } from './app.ts';
import { vendorBody } from './fixtures.ts';
import type { DepsOptions } from '../../server/deps.ts';

export const TEMPLATE_ID = 'fixture-support';

export const requestBody = (o: Record<string, unknown> = {}) => ({
  templateId: TEMPLATE_ID,
  dueOn: '2026-12-15',
  contactName: 'Dana Contact',
  contactEmail: 'dana@vendor.example',
  message: 'Please answer by mid-December.',
  send: true,
  ...o,
});

/** The token of a response link (`…/respond#token=…`). */
export const tokenOf = (link: string): string => new URL(link).hash.replace(/^#token=/, '');

/** A test app with a movable clock and a vendor; `send` creates a request and gives its token. */
export async function questionnaireApp(over: Partial<DepsOptions> = {}) {
  const clock = testClock();
  const t = testApp({ clock, ...over });
  const vendor = (await t.http.post('/api/v1/vendors').send(vendorBody())).body as { id: number; name: string };
  const send = async (o: Record<string, unknown> = {}, vendorId = vendor.id) => {
    const res = await t.http.post(`/api/v1/vendors/${vendorId}/questionnaire-requests`).send(requestBody(o));
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.request.id as number, token: tokenOf(res.body.link), link: res.body.link as string, body: res.body };
  };
  /** An anonymous agent carrying a response token, as the response page calls the API. */
  const vendorCall = (token: string) => ({
    get: (path = '') => t.anon().get(`/api/v1/respond${path}`).set('X-Response-Token', token),
    put: (questionId: string, value: unknown) => t.anon().put(`/api/v1/respond/answers/${questionId}`).set('X-Response-Token', token).send({ value }),
    del: (questionId: string) => t.anon().delete(`/api/v1/respond/answers/${questionId}`).set('X-Response-Token', token),
    submit: () => t.anon().post('/api/v1/respond/submit').set('X-Response-Token', token),
  });
  return { ...t, clock, vendor, send, vendorCall };
}

/** Answers to every required question of the fixture template. */
export const REQUIRED_ANSWERS: Record<string, unknown> = {
  'support-mfa-enforced': true,
  'support-mfa-method': 'fido2',
  'retention-days': 30,
  'support-provider': 'Acme Support Ltd',
};
