/** Sources compared by value (an answer read back from JSON is another object), and said in words. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { factSource, isFactSource, sameSource, sourceText } from '../../../server/domain/fact-source.ts';

const answer = (requestId: number, questionId = 'mfa-support-method') => ({ kind: 'questionnaire' as const, requestId, questionId });
const imported = (importId: number, questionId = 'IAM-14.1') => ({ kind: 'questionnaire-import' as const, importId, questionId });

describe('sameSource', () => {
  it('compares answers by value, not identity', () => {
    expect(sameSource(answer(12), JSON.parse(JSON.stringify(answer(12))))).toBe(true);
    expect(sameSource(answer(12), answer(13))).toBe(false);
    expect(sameSource(answer(12), answer(12, 'mfa-admins-method'))).toBe(false);
    expect(sameSource(imported(3), imported(3))).toBe(true);
    expect(sameSource(imported(3), imported(4))).toBe(false);
  });

  it('never takes an answer for a citation, nor an answer of one kind for the other', () => {
    expect(sameSource(answer(3, 'q'), imported(3, 'q'))).toBe(false);
    expect(sameSource(answer(12), 'questionnaire, request 12')).toBe(false);
    expect(sameSource(answer(12), null)).toBe(false);
    expect(sameSource('https://x.example', 'https://x.example')).toBe(true);
    expect(sameSource(null, undefined)).toBe(true);
  });

  it('property: equal exactly when the JSON is equal', () => {
    const src = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 5 }),
      fc.record({ kind: fc.constant('questionnaire' as const), requestId: fc.integer({ min: 1, max: 3 }), questionId: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constant('questionnaire-import' as const), importId: fc.integer({ min: 1, max: 3 }), questionId: fc.constantFrom('a', 'b') }),
    );
    fc.assert(fc.property(src, src, (a, b) => sameSource(a, b) === (JSON.stringify(a) === JSON.stringify(b))));
  });
});

describe('the source in words and as stored', () => {
  it('says where a self-attested fact is from', () => {
    expect(sourceText(answer(12))).toBe('questionnaire, request 12');
    expect(sourceText(imported(3))).toBe('imported questionnaire 3');
    expect(sourceText(null)).toBe('questionnaire');
  });

  it('tells an answer from a citation and parses only the two kinds', () => {
    expect(isFactSource(answer(1))).toBe(true);
    expect(isFactSource('https://x.example')).toBe(false);
    expect(isFactSource(null)).toBe(false);
    expect(factSource.safeParse({ kind: 'hearsay', requestId: 1, questionId: 'q' }).success).toBe(false);
    expect(factSource.safeParse({ ...answer(1), extra: 1 }).success).toBe(false);
  });
});
