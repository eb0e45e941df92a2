/** The response page's arithmetic: what counts as answered, progress per section, answers as text, problems by question. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireTemplate } from '../../server/domain/questionnaire.ts';
import { answerText, cellText, isAnswered, problemsByQuestion, progressOf } from '../../web/respond/answers.ts';
import { FIXTURE_QUESTIONNAIRES } from '../helpers/app.ts';
import { parseTemplate } from '../../server/services/questionnaires/templates.ts';

const template: QuestionnaireTemplate = parseTemplate(readFileSync(join(FIXTURE_QUESTIONNAIRES, 'fixture-support.json'), 'utf8'), 'fixture');
const q = (id: string) => template.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;

describe('response page answers', () => {
  it('counts false and 0 as answers, and empty text, lists or nothing as none', () => {
    expect([false, 0, 'x', ['a'], [{}]].every(isAnswered)).toBe(true);
    expect([undefined, null, '', [], Number.NaN].some(isAnswered)).toBe(false);
  });

  it('gives each section its answered count and the required questions left', () => {
    const p = progressOf(
      template,
      new Map<string, unknown>([
        ['support-mfa-enforced', false],
        ['retention-days', 0],
        ['support-provider', ''],
      ]),
    );
    expect(p).toEqual([
      { id: 'identity', title: 'Identity', answered: 1, total: 3, requiredLeft: 1 },
      { id: 'support', title: 'Support arrangement', answered: 1, total: 5, requiredLeft: 1 },
    ]);
  });

  it('never counts more answered than questions, nor more required left than required (any answers)', () => {
    const ids = template.sections.flatMap((s) => s.questions.map((x) => x.id));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids), fc.oneof(fc.constant(undefined), fc.boolean(), fc.string(), fc.integer())), (d) => {
        for (const s of progressOf(template, new Map(Object.entries(d)))) {
          expect(s.answered).toBeLessThanOrEqual(s.total);
          expect(s.requiredLeft + s.answered).toBeLessThanOrEqual(s.total);
        }
      }),
    );
  });

  it('reads answers as plain text with the options’ labels', () => {
    expect(answerText(q('support-mfa-enforced'), false)).toBe('No');
    expect(answerText(q('support-mfa-method'), 'fido2')).toBe('Security keys or passkeys (FIDO2)');
    expect(answerText(q('session-controls'), ['approval', 'time-limit'])).toBe('Customer approval, Time limit');
    expect(answerText(q('support-provider'), '<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(answerText(q('retention-days'), undefined)).toBe('Not answered');
    const access = q('subprocessors').columns!.find((c) => c.id === 'access')!;
    expect(cellText(access, 'admin')).toBe('Admin');
    expect(cellText(access, null)).toBe('—');
  });

  it("puts a save's problems on the question saved (rows named by row), and a submit's on each question named", () => {
    expect(problemsByQuestion([{ path: 'body.value', message: 'expected boolean' }], 'support-mfa-enforced')).toEqual(
      new Map([['support-mfa-enforced', 'expected boolean']]),
    );
    expect(problemsByQuestion([{ path: 'body.value.1.name', message: 'required' }], 'subprocessors')).toEqual(
      new Map([['subprocessors', 'row 2, name: required']]),
    );
    expect(
      problemsByQuestion(
        [
          { path: 'answers.retention-days', message: 'required: …' },
          { path: 'answers.support-provider', message: 'required: …' },
        ],
        null,
      ),
    ).toEqual(
      new Map([
        ['retention-days', 'This question needs an answer.'],
        ['support-provider', 'This question needs an answer.'],
      ]),
    );
  });
});
