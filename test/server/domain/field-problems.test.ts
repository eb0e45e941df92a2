import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldProblems } from '../../../server/domain/field-problems.ts';
import { VENDOR_STATUSES } from '../../../server/domain/vocabulary.ts';
import { vendorInput } from '../../../server/domain/vendor.ts';

const problemsOf = (schema: z.ZodType, value: unknown, prefix = 'body') => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return fieldProblems(r.error, prefix);
};

/** zod's own phrasing, which no answer may carry. */
const ZOD_WORDS =
  /Invalid (input|option|string|number|ISO|email|discriminator)|Too (big|small)|expected (one of|string|number)|received|Unrecognized key|<=|>=/;

describe('fieldProblems', () => {
  it('says each broken rule in words, with its rule and data', () => {
    const schema = z.strictObject({
      name: z.string(),
      status: z.enum(VENDOR_STATUSES),
      tier: z.number().int().max(4),
      notes: z.string().max(3),
      email: z.email(),
      day: z.iso.date(),
      tags: z.array(z.string()).min(1),
      count: z.number().int(),
    });
    const got = problemsOf(schema, { status: 'approvedd', tier: 5, notes: 'abcd', email: 'no', day: '2024-13-01', tags: [], count: 1.5, colour: 'red' });
    expect(got).toEqual([
      { path: 'body.name', rule: 'required', message: 'is required' },
      {
        path: 'body.status',
        rule: 'one-of',
        allowed: [...VENDOR_STATUSES],
        message: 'must be one of Proposed, Under review, Approved, Approved with conditions, Rejected, Offboarded or Not engaged',
      },
      { path: 'body.tier', rule: 'too-big', limit: 4, message: 'must be at most 4' },
      { path: 'body.notes', rule: 'too-big', limit: 3, message: 'must have at most 3 characters' },
      { path: 'body.email', rule: 'format', message: 'must be an e-mail address' },
      { path: 'body.day', rule: 'format', message: 'must be a real date as YYYY-MM-DD' },
      { path: 'body.tags', rule: 'too-small', limit: 1, message: 'must have at least 1 item' },
      { path: 'body.count', rule: 'type', message: 'must be a whole number' },
      { path: 'body.colour', rule: 'unknown-field', message: 'unknown field' },
    ]);
  });

  it('keeps a message the schema wrote itself, with the rule it broke', () => {
    const schema = z.strictObject({
      email: z.string().email({ message: 'expected an e-mail address' }),
      n: z.number().refine((n) => n % 2 === 0, 'expected an even number'),
    });
    expect(problemsOf(schema, { email: 'x', n: 3 }, '')).toEqual([
      { path: 'email', rule: 'format', message: 'expected an e-mail address' },
      { path: 'n', rule: 'custom', message: 'expected an even number' },
    ]);
  });

  it('words a missing relationship field of a vendor in plain words', () => {
    const got = problemsOf(vendorInput, { name: 'Acme', category: 'x', tier: 9, dataAccess: 'some', environmentAccess: 'user', status: 'approved' });
    const dataAccess = got.find((p) => p.path === 'body.dataAccess');
    expect(dataAccess).toMatchObject({ rule: 'one-of', allowed: ['none', 'internal', 'confidential', 'restricted'] });
    expect(dataAccess?.message).toBe('must be one of None, Internal data, Confidential data or Restricted data');
    expect(got.find((p) => p.path === 'body.tier')).toMatchObject({ rule: 'too-big', limit: 4, message: 'must be at most 4' });
  });

  it('never lets zod phrasing through, whatever the value', () => {
    const schema = z.strictObject({
      a: z.string().min(2).max(5),
      b: z.number().int().min(0).max(10),
      c: z.enum(['x', 'y']),
      d: z.array(z.boolean()).max(2),
      e: z.literal('k'),
    });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.anything()), (value) => {
        const r = schema.safeParse(value);
        if (r.success) return;
        for (const p of fieldProblems(r.error, 'body')) {
          expect(p.message).not.toMatch(ZOD_WORDS);
          expect(p.rule).toBeDefined();
          if (p.rule === 'one-of') expect(p.allowed?.length).toBeGreaterThan(0);
          if (p.rule === 'too-big' || p.rule === 'too-small') expect(typeof p.limit).toBe('number');
        }
      }),
    );
  });
});
