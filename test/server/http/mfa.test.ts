import { describe, expect, it } from 'vitest';
import { storedMfaPosture } from '../../../server/domain/mfa.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { mfaItem, vendorBody } from '../../helpers/fixtures.ts';

async function withVendor() {
  const t = testApp();
  expect((await t.http.post('/api/v1/vendors').send(vendorBody())).status).toBe(201);
  return t;
}

describe('GET|PUT /api/v1/vendors/:id/mfa', () => {
  it('starts empty (every population unknown), takes a posture and returns it', async () => {
    const { http } = await withVendor();
    expect((await http.get('/api/v1/vendors/1/mfa')).body).toEqual({ items: [], version: 1 });
    const items = [mfaItem({ population: 'support', method: 'sms', enforced: false, assessedOn: '2023-10' }), mfaItem()];
    const res = await http.put('/api/v1/vendors/1/mfa').send({ items });
    expect(res.status).toBe(200);
    expect(storedMfaPosture.parse(res.body).items.map((i) => i.population)).toEqual(['admins', 'support']);
    expect((await http.get('/api/v1/vendors/1/mfa')).body).toEqual(res.body);
  });

  it('replaces the whole posture: a population left out becomes unknown', async () => {
    const { http } = await withVendor();
    await http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem(), mfaItem({ population: 'workforce' })] });
    await http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem({ population: 'workforce', method: 'totp' })] });
    const res = await http.get('/api/v1/vendors/1/mfa');
    expect(res.body.items).toEqual([expect.objectContaining({ population: 'workforce', method: 'totp' })]);
  });

  it.each([
    [{ items: [mfaItem(), mfaItem()] }, 'body.items'],
    [{ items: [mfaItem({ population: 'robots' as never })] }, 'body.items.0.population'],
    [{ items: [mfaItem({ method: 'email' as never })] }, 'body.items.0.method'],
    [{ items: [mfaItem({ assessedOn: '2023-13' })] }, 'body.items.0.assessedOn'],
    [{ items: [mfaItem({ evidence: 'rumour' as never })] }, 'body.items.0.evidence'],
    [{ items: [{ ...mfaItem(), extra: 1 }] }, 'body.items.0.extra'],
    [{ items: 'fido2' }, 'body.items'],
    [{}, 'body.items'],
  ])('rejects %j at %s and keeps the posture as it was', async (body, path) => {
    const { db, http } = await withVendor();
    await http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem()] });
    const res = await expectNoWrite(db, () => http.put('/api/v1/vendors/1/mfa').send(body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('404s and 400s on unknown and malformed vendor ids', async () => {
    const { db, http } = await withVendor();
    await expectNoWrite(db, async () => {
      expectProblem(await http.get('/api/v1/vendors/2/mfa'), 404, 'vendor-not-found');
      expectProblem(await http.put('/api/v1/vendors/2/mfa').send({ items: [] }), 404, 'vendor-not-found');
      expectProblem(await http.put('/api/v1/vendors/z/mfa').send({ items: [] }), 400, 'validation-failed');
    });
  });
});
