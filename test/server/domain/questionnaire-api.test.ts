import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newQuestionnaireRequest, reviewDecisions } from '../../../server/domain/questionnaire-api.ts';

describe('questionnaire API shapes', () => {
  it('a rejection needs a comment, named at the comment field', () => {
    const r = reviewDecisions.safeParse({ decisions: [{ questionId: 'mfa-admins', decision: 'rejected' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['decisions.0.comment']);
    const blank = reviewDecisions.safeParse({ decisions: [{ questionId: 'mfa-admins', decision: 'rejected', comment: '   ' }] });
    expect(blank.success).toBe(false);
    expect(reviewDecisions.safeParse({ decisions: [{ questionId: 'mfa-admins', decision: 'rejected', comment: 'Name the method' }] }).success).toBe(true);
    expect(reviewDecisions.safeParse({ decisions: [{ questionId: 'mfa-admins', decision: 'accepted' }] }).success).toBe(true);
  });

  it('each question is decided once, and not none', () => {
    const d = { questionId: 'a', decision: 'accepted' };
    expect(reviewDecisions.safeParse({ decisions: [d, d] }).success).toBe(false);
    expect(reviewDecisions.safeParse({ decisions: [] }).success).toBe(false);
  });

  it('the send body names bad fields and refuses unknown ones', () => {
    const ok = { templateId: 'support-chain-identity', dueOn: '2026-12-31', contactName: 'Ana', contactEmail: 'ana@example.com', send: true };
    expect(newQuestionnaireRequest.safeParse(ok).success).toBe(true);
    const bad = newQuestionnaireRequest.safeParse({ ...ok, dueOn: '2026-02-30', contactEmail: 'nope', extra: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.') || i.code).sort()).toEqual(['contactEmail', 'dueOn', 'unrecognized_keys']);
  });

  it('every shape converts to JSON Schema (the OpenAPI document is generated from them)', async () => {
    const api = await import('../../../server/domain/questionnaire-api.ts');
    for (const [name, s] of Object.entries(api))
      if (s instanceof z.ZodType) expect(() => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }), name).not.toThrow();
  });
});
