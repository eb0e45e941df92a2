import { describe, expect, it } from 'vitest';
import { fieldProblem } from '../../../server/domain/field-problems.ts';
import { expectNoWrite, expectProblem, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

/** zod's own phrasing, which no answer may carry. */
const ZOD_WORDS = /Invalid (input|option|string|ISO)|Too (big|small)|expected (one of|string|number)|received|Unrecognized key|<=|>=/;

describe('field problems in answers', () => {
  it('say what is wrong in words, with the rule, the allowed API values and the limit', async () => {
    const { db, http } = testApp();
    const { category: _c, ...body } = vendorBody();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors').send({ ...body, tier: 5, status: 'approvedd', colour: 'red' }));
    expectProblem(res, 400, 'validation-failed');
    const errors = res.body.errors as unknown[];
    for (const e of errors) expect(() => fieldProblem.parse(e)).not.toThrow();
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'body.category', rule: 'required', message: 'is required' },
        { path: 'body.tier', rule: 'too-big', limit: 4, message: 'must be at most 4' },
        {
          path: 'body.status',
          rule: 'one-of',
          allowed: ['proposed', 'under-review', 'approved', 'approved-with-conditions', 'rejected', 'offboarded', 'not-engaged'],
          message: 'must be one of Proposed, Under review, Approved, Approved with conditions, Rejected, Offboarded or Not engaged',
        },
        { path: 'body.colour', rule: 'unknown-field', message: 'unknown field' },
      ]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(ZOD_WORDS);
  });

  it('call a choice left out "required", still naming what it may be', async () => {
    const { db, http } = testApp();
    const { dataAccess: _d, ...body } = vendorBody();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors').send(body));
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([
      { path: 'body.dataAccess', rule: 'required', allowed: ['none', 'internal', 'confidential', 'restricted'], message: 'is required' },
    ]);
  });

  it('word a bad query parameter the same way', async () => {
    const { http } = testApp();
    const res = await http.get('/api/v1/vendors?tier=9');
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'query.tier', rule: 'too-big', limit: 4, message: 'must be at most 4' })]);
  });

  it('keep a message the schema wrote itself (an impossible date), with its rule', async () => {
    const { db, http } = testApp();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors').send({ ...vendorBody(), nextReviewOn: '2024-02-30' }));
    expectProblem(res, 400, 'validation-failed');
    const [problem] = res.body.errors;
    expect(problem.path).toBe('body.nextReviewOn');
    expect(problem.rule).toBeDefined();
    expect(problem.message).not.toMatch(ZOD_WORDS);
  });

  it('are documented in the OpenAPI document', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const item = doc.components.schemas.FieldProblem;
    expect(Object.keys(item.properties)).toEqual(['path', 'message', 'rule', 'allowed', 'limit']);
    expect(item.properties.rule.enum).toContain('one-of');
  });
});
