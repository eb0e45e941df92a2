/**
 * `knownFrom` through the API: the day a subprocessor's or an MFA record's evidence was public or
 * recorded. It defaults to the day the record is created, is validated (a real date, not in the
 * future, not before the day an MFA record speaks for), and a bad one writes nothing.
 * Today is 2026-11-29 (test/helpers/app.ts NOW).
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { mfaItem, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

async function withVendor() {
  const t = testApp();
  expect((await t.http.post('/api/v1/vendors').send(vendorBody())).status).toBe(201);
  return t;
}

const TODAY = '2026-11-29';

describe('a subprocessor’s knownFrom', () => {
  it('defaults to the day it is recorded; a backfilled one keeps the evidence date, partial or before its start', async () => {
    const { http } = await withVendor();
    expect((await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody())).body.knownFrom).toBe(TODAY);
    const sitel = await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ name: 'Sitel', until: '2022', knownFrom: '2022-03-23' }));
    expect(sitel.status).toBe(201);
    expect(sitel.body).toMatchObject({ since: null, until: '2022', knownFrom: '2022-03-23' });
    // Announced before it starts: allowed (a new provider on a published list).
    const announced = await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ name: 'Next', since: '2027-01', knownFrom: '2026-11' }));
    expect(announced.body).toMatchObject({ since: '2027-01', knownFrom: '2026-11' });
  });

  it('is kept by a change that does not give it, and moved by one that does', async () => {
    const { http } = await withVendor();
    await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ knownFrom: '2023-10-20' }));
    expect((await http.patch('/api/v1/subprocessors/1').send({ staffMfa: 'fido2' })).body).toMatchObject({ staffMfa: 'fido2', knownFrom: '2023-10-20' });
    expect((await http.patch('/api/v1/subprocessors/1').send({ knownFrom: '2023-10' })).body.knownFrom).toBe('2023-10');
  });

  it.each([
    [{ knownFrom: '2023-13' }, 'not a real date'],
    [{ knownFrom: '20 Oct 2023' }, 'not a date as YYYY-MM-DD'],
    [{ knownFrom: '2026-11-30' }, 'tomorrow'],
    [{ knownFrom: '2027' }, 'a year not begun'],
    [{ knownFrom: 20231020 }, 'a number'],
  ] as Array<[object, string]>)('refuses %j (%s) at body.knownFrom and writes nothing', async (patch) => {
    const { db, http } = await withVendor();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody(patch)));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['body.knownFrom']);
  });

  it('refuses a future or null knownFrom in a change, writing nothing', async () => {
    const { db, http } = await withVendor();
    await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody());
    await expectNoWrite(db, async () => {
      for (const knownFrom of ['2026-12-01', null]) {
        const res = await http.patch('/api/v1/subprocessors/1').send({ knownFrom });
        expectProblem(res, 400, 'validation-failed');
        expect(failingPaths(res)).toEqual(['body.knownFrom']);
      }
    });
  });
});

describe('an MFA record’s knownFrom', () => {
  it('defaults to the day the posture is recorded; given, it is kept', async () => {
    const { http } = await withVendor();
    const res = await http
      .put('/api/v1/vendors/1/mfa')
      .send({ items: [mfaItem(), mfaItem({ population: 'support', assessedOn: '2023-10', knownFrom: '2023-10-20' })] });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { population: string; knownFrom: string }) => [r.population, r.knownFrom])).toEqual([
      ['admins', TODAY],
      ['support', '2023-10-20'],
    ]);
  });

  it('a record sent again with the same evidence keeps its day; a changed one is known from today', async () => {
    const { http } = await withVendor();
    await http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem({ knownFrom: '2023-02' }), mfaItem({ population: 'support', knownFrom: '2023-02' })] });
    const again = await http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem({ notes: 'reworded' }), mfaItem({ population: 'support', method: 'sms' })] });
    expect(again.body.items.map((r: { population: string; knownFrom: string }) => [r.population, r.knownFrom])).toEqual([
      ['admins', '2023-02'],
      ['support', TODAY],
    ]);
  });

  it.each([
    [{ items: [mfaItem({ assessedOn: '2023-10', knownFrom: '2023-09-30' })] }, 'body.items.0.knownFrom', 'known before the day it speaks for'],
    [{ items: [mfaItem({ knownFrom: '2026-12-01' })] }, 'body.items.0.knownFrom', 'in the future'],
    [{ items: [mfaItem({ knownFrom: '2023-02-30' })] }, 'body.items.0.knownFrom', 'not a real date'],
    [{ items: [mfaItem({ assessedOn: '2027-01-01' })] }, 'body.items.0.assessedOn', 'assessed after the day it is known from (today)'],
  ])('refuses %j at %s (%s) and keeps the posture as it was', async (body, path) => {
    const { db, http } = await withVendor();
    await http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem()] });
    const res = await expectNoWrite(db, () => http.put('/api/v1/vendors/1/mfa').send(body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual([path]);
  });

  it('a same-day or partial knownFrom within the assessed month is accepted', async () => {
    const { http } = await withVendor();
    const res = await http.put('/api/v1/vendors/1/mfa').send({
      items: [mfaItem({ assessedOn: '2023-09', knownFrom: '2023-09-15' }), mfaItem({ population: 'support', assessedOn: '2023-09-15', knownFrom: '2023-09' })],
    });
    expect(res.status).toBe(200);
  });
});

describe('scores use knownFrom', () => {
  it('a record counts from the day it was known, not the day it describes', async () => {
    const { http } = await withVendor();
    await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ since: '2019', knownFrom: '2023-10-20' }));
    const support = async (asOf: string) =>
      (await http.get(`/api/v1/vendors/1/score?asOf=${asOf}`)).body.factors.find((f: { id: string }) => f.id === 'support');
    expect((await support('2023-10-19')).known).toBe(false);
    expect((await support('2023-10-20')).contributions.map((c: { ref: string }) => c.ref)).toEqual(['subprocessor:1']);
  });

  it('what-if: a hypothetical subprocessor or MFA record counts on the day asked about', async () => {
    const { http } = await withVendor();
    const res = await http.post('/api/v1/vendors/1/what-if').send({
      asOf: '2023-06-30',
      addSubprocessors: [subprocessorBody({ accessLevel: 'admin' })],
      mfa: [{ population: 'support', method: 'fido2', enforced: true }],
    });
    expect(res.status).toBe(200);
    expect(res.body.after.factors.find((f: { id: string }) => f.id === 'support').known).toBe(true);
    expect(res.body.after.gaps.map((g: { ref: string }) => g.ref)).not.toContain('mfa:support');
  });
});

describe('the OpenAPI document', () => {
  it('describes knownFrom on subprocessors, MFA records and posture statements, as inputs and outputs', async () => {
    const { http } = testApp();
    const schemas = (await http.get('/api/v1/openapi.json')).body.components.schemas;
    for (const name of ['Subprocessor', 'SubprocessorInput', 'MfaRecord', 'MfaRecordInput', 'PostureFact']) {
      const knownFrom = schemas[name]?.properties?.knownFrom;
      expect(knownFrom, name).toBeDefined();
      expect(JSON.stringify(knownFrom), name).toContain('public or recorded');
    }
    // Required in what the API answers; optional in what it takes.
    expect(schemas.Subprocessor.required).toContain('knownFrom');
    expect(schemas.MfaRecord.required).toContain('knownFrom');
    expect(schemas.SubprocessorInput.required ?? []).not.toContain('knownFrom');
    expect(schemas.MfaRecordInput.required ?? []).not.toContain('knownFrom');
  });
});
