/**
 * Properties of the response API: no string but the token opens the request, and no JSON value
 * sent as an answer makes the server fail or writes anything unless it fits the question.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../helpers/db.ts';
import { questionnaireApp } from '../../helpers/questionnaires.ts';

const generous = { perTokenPerMinute: 100_000, perAddressPerMinute: 100_000, badTokensPerAddress: 100_000, badTokenWindowSeconds: 900 };
const QUESTIONS = [
  'support-mfa-enforced',
  'support-mfa-method',
  'session-controls',
  'retention-days',
  'last-review',
  'support-provider',
  'subprocessors',
  'soc2-report',
];

describe('response API properties', () => {
  it('answers 401 to any header value but the token, and writes nothing', async () => {
    const { db, send, anon } = await questionnaireApp({ respondLimits: generous });
    const { token } = await send();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/)), async (guess) => {
        // eslint-disable-next-line no-control-regex -- a guess with control characters is left out on purpose
        fc.pre(guess !== token && guess.trim() === guess && !/[\u0000-\u001f\u007f-\uffff]/.test(guess));
        const before = fingerprint(db);
        const res = await anon().get('/api/v1/respond').set('X-Response-Token', guess);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('response-token-invalid');
        expect(fingerprint(db)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });

  it('takes any JSON value as an answer without failing: 200 when it fits, else 413/422 and nothing written', async () => {
    const { db, send, vendorCall } = await questionnaireApp({ respondLimits: generous });
    const { token } = await send();
    const v = vendorCall(token);
    await v.get();
    await v.put('support-provider', 'first'); // in progress from here on: a save changes only answers
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...QUESTIONS), fc.jsonValue({ maxDepth: 3 }), async (q, value) => {
        const before = fingerprint(db);
        const res = await v.put(q, value);
        expect([200, 400, 413, 422]).toContain(res.status);
        if (res.status !== 200) expect(fingerprint(db)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
