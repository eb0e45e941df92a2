import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../server/scoring/policy.ts';
import { expectProblem, testApp, testOptions } from '../../../helpers/app.ts';

describe('REQUIRE_PASSKEY_FOR_ADMINS', () => {
  it('keeps a password-only admin session from admin actions, and says so', async () => {
    const { as } = testApp({ auth: { ...testOptions().auth, requirePasskeyForAdmins: true } });
    const admin = as('admin');
    const me = (await admin.get('/api/v1/me')).body;
    expect(me).toMatchObject({ role: 'analyst', passkeyRequired: true, user: { role: 'admin' } });
    expectProblem(await admin.get('/api/v1/users'), 403, 'passkey-required');
    expectProblem(await admin.put('/api/v1/methodology').send({ ...DEFAULT_POLICY, version: '9' }), 403, 'passkey-required');
    // It can still register the passkey it needs, and do an analyst's work.
    expect((await admin.post('/api/v1/passkeys/registration-options')).status).toBe(200);
    expect((await admin.get('/api/v1/vendors')).status).toBe(200);
  });

  it('does nothing when off', async () => {
    const { as } = testApp();
    expect((await as('admin').get('/api/v1/users')).status).toBe(200);
  });
});

describe('passkey sign-in, server side', () => {
  it('offers options bound to the host the browser uses, and refuses an unverifiable answer', async () => {
    const { anon } = testApp();
    const res = await anon().post('/api/v1/session/passkey-options');
    expect(res.status).toBe(200);
    expect(res.body.options).toMatchObject({ rpId: 'vendorscope.test', userVerification: 'required' });
    const fake = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
      clientExtensionResults: {},
    };
    expectProblem(await anon().post('/api/v1/session/passkey').send({ challengeId: res.body.challengeId, response: fake }), 401, 'passkey-not-verified');
    expectProblem(await anon().post('/api/v1/session/passkey').send({ challengeId: 'unknown', response: fake }), 401, 'passkey-not-verified');
  });
});
