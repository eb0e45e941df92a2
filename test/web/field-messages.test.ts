import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldProblems } from '../../server/domain/field-problems.ts';
import { vendorInput } from '../../server/domain/vendor.ts';
import { ApiError, fieldErrorPaths, fieldErrors } from '../../web/api/api-error.ts';
import { allowedLabels, FIELD_LABEL, fieldLabel, fieldMessage, orList, problemSentences, readableMessage } from '../../web/field-messages.ts';
import { DATA_ACCESS_LABEL, STATUS_LABEL } from '../../web/format.ts';

const STATUSES = Object.keys(STATUS_LABEL);

describe('fieldLabel', () => {
  it("takes the form's label by path, then by name, then the common one, then the name in words", () => {
    expect(fieldLabel('items.0.assessedOn', { 'items.0.assessedOn': 'Support: assessed on' })).toBe('Support: assessed on');
    expect(fieldLabel('tier', { tier: 'Vendor tier' })).toBe('Vendor tier');
    expect(fieldLabel('dataAccess')).toBe('Data access');
    expect(fieldLabel('aliases.2')).toBe('Aliases');
    expect(fieldLabel('contactPhoneNumber')).toBe('Contact phone number');
  });
});

describe('fieldMessage', () => {
  it('words each rule with the field label and the allowed values by their labels', () => {
    expect(fieldMessage({ path: 'body.category', message: 'is required', rule: 'required' }, 'Category')).toBe('Category is required.');
    expect(fieldMessage({ path: 'body.status', message: 'x', rule: 'one-of', allowed: STATUSES }, 'Status')).toBe(
      'Status must be one of Proposed, Under review, Approved, Approved with conditions, Rejected, Offboarded or Not engaged.',
    );
    expect(fieldMessage({ path: 'body.kind', message: 'x', rule: 'one-of', allowed: ['soc2'] }, 'Kind')).toBe('Kind must be soc2.');
    expect(fieldMessage({ path: 'body.tier', message: 'must be at most 4', rule: 'too-big', limit: 4 }, 'Tier')).toBe('Tier must be at most 4.');
    expect(fieldMessage({ path: 'body.colour', message: 'unknown field', rule: 'unknown-field' }, 'Colour')).toBe('Colour is not a field this form can send.');
  });

  it("keeps a server's own words, with API field names in words", () => {
    expect(
      fieldMessage(
        { path: 'body.publicDisclosureDate', message: 'publicDisclosureDate 2024-04-02 is before the intrusion began (2024-05-10)', rule: 'custom' },
        'Disclosed',
      ),
    ).toBe('The disclosure date 2024-04-02 is before the intrusion began (2024-05-10).');
    expect(fieldMessage({ path: 'body.knownFrom', message: 'is before assessedOn (2024-06)' }, 'Known from')).toBe(
      'Known from is before the assessment date (2024-06).',
    );
    expect(fieldMessage({ path: 'body.nextReviewOn', message: 'expected a real date as YYYY-MM-DD' }, 'Next review')).toBe(
      'Next review must be a real date as YYYY-MM-DD.',
    );
    expect(fieldMessage({ path: 'body.x', message: 'already taken by Microsoft' }, '“MSFT” (line 2)')).toBe('“MSFT” (line 2) is already taken by Microsoft.');
    expect(readableMessage('someOtherField is wrong')).toBe('SomeOtherField is wrong');
  });

  it('names a vocabulary by its labels only when the values are exactly that vocabulary', () => {
    expect(allowedLabels(Object.keys(DATA_ACCESS_LABEL))).toEqual(Object.values(DATA_ACCESS_LABEL));
    expect(allowedLabels(['none', 'weird'])).toEqual(['none', 'weird']);
    expect(orList(['A'])).toBe('A');
    expect(orList(['A', 'B', 'C'])).toBe('A, B or C');
  });

  it('always starts with the label and ends a sentence, for any problem', () => {
    const rule = fc.constantFrom('required', 'one-of', 'too-big', 'too-small', 'format', 'type', 'unknown-field', 'custom', undefined);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''),
        fc.string(),
        rule,
        fc.array(fc.constantFrom(...STATUSES), { minLength: 1 }),
        (label, message, r, allowed) => {
          const text = fieldMessage({ path: 'body.f', message, ...(r ? { rule: r } : {}), allowed }, label);
          const startsWithLabel = text.startsWith(label);
          // Only a server message that itself starts with an API field name may start otherwise.
          if (!startsWithLabel) expect(message.trim()).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+\b/);
          expect(text).toMatch(/[.!?]$/);
        },
      ),
    );
  });
});

describe('the translation of a real server answer', () => {
  /** What the API answers for a vendor body, as the web receives it. */
  const answerFor = (body: unknown): ApiError => {
    const r = vendorInput.safeParse(body);
    if (r.success) throw new Error('expected a refusal');
    return new ApiError(400, 'validation-failed', 'x', fieldProblems(r.error, 'body'));
  };

  it('names every failing vendor field by its label, the allowed values by theirs, and never an API value list', () => {
    const e = answerFor({ name: 'Acme', tier: 9, dataAccess: 'secret', environmentAccess: 'user', status: 'approvedd', colour: 'red' });
    expect(fieldErrors(e)).toEqual({
      category: 'Category is required.',
      tier: 'Tier must be at most 4.',
      dataAccess: 'Data access must be one of None, Internal data, Confidential data or Restricted data.',
      status: 'Status must be one of Proposed, Under review, Approved, Approved with conditions, Rejected, Offboarded or Not engaged.',
      colour: 'Colour is not a field this form can send.',
    });
    expect(fieldErrorPaths(e, 'body', { tier: 'Vendor tier' }).tier).toBe('Vendor tier must be at most 4.');
    expect(problemSentences(e.fields)).toContain('Tier must be at most 4.');
  });

  it('puts no zod phrasing and no camelCase field name in front of a person, whatever is sent', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constantFrom(...STATUSES, 'none', 'user', 'bogus'));
    const body = fc.dictionary(
      fc.constantFrom('name', 'category', 'tier', 'dataAccess', 'environmentAccess', 'status', 'businessOwner', 'nextReviewOn', 'aliases', 'notes'),
      value,
    );
    fc.assert(
      fc.property(body, (b) => {
        const r = vendorInput.safeParse(b);
        if (r.success) return;
        const e = new ApiError(400, 'validation-failed', 'x', fieldProblems(r.error, 'body'));
        for (const [name, text] of Object.entries(fieldErrors(e))) {
          expect(text).not.toMatch(/Invalid (input|option)|Too (big|small)|expected one of|received|<=|>=/);
          expect(text.startsWith(FIELD_LABEL[name] ?? '?')).toBe(true);
        }
      }),
    );
  });
});

describe('problemSentences', () => {
  it('says where a nested field is, and a whole-request problem on its own', () => {
    const problems = [
      { path: 'body.vendors.0.tier', message: 'must be at most 4', rule: 'too-big' as const, limit: 4 },
      { path: 'query.asOf', message: 'must be a real date as YYYY-MM-DD', rule: 'format' as const },
      { path: 'body', message: 'give at least one field to change', rule: 'custom' as const },
    ];
    expect(problemSentences(problems)).toEqual([
      'Vendors #1: Tier must be at most 4.',
      'Scores as of must be a real date as YYYY-MM-DD.',
      'Give at least one field to change.',
    ]);
  });
});

describe('a service’s own words', () => {
  it('reads on from the label, or stands alone when it tells what to do', () => {
    expect(fieldMessage({ path: 'body.evidence', message: 'required when the state is met' }, 'Evidence')).toBe('Evidence is required when the state is met.');
    expect(fieldMessage({ path: 'body.decidedOn', message: 'after today (2026-11-29)' }, 'Decided on')).toBe('Decided on is after today (2026-11-29).');
    expect(fieldMessage({ path: 'body.conditions', message: 'give at least one condition' }, 'Conditions')).toBe('Give at least one condition.');
  });
});
