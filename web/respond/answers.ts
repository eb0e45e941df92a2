/**
 * The response page's arithmetic, PURE: which questions count as answered, each section's progress,
 * how a stored answer reads as text, and the problems of a refused save or submit by question.
 */
import type { Question, QuestionnaireTemplate } from '../../server/domain/questionnaire.ts';

/** An answer in the page: the value, or undefined for none. */
export type Answers = ReadonlyMap<string, unknown>;

export const isAnswered = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'number' && Number.isNaN(v));

export interface SectionProgress {
  readonly id: string;
  readonly title: string;
  readonly answered: number;
  readonly total: number;
  readonly requiredLeft: number;
}

export function progressOf(t: QuestionnaireTemplate, answers: Answers): SectionProgress[] {
  return t.sections.map((s) => ({
    id: s.id,
    title: s.title,
    answered: s.questions.filter((q) => isAnswered(answers.get(q.id))).length,
    total: s.questions.length,
    requiredLeft: s.questions.filter((q) => q.required && !isAnswered(answers.get(q.id))).length,
  }));
}

const labelOf = (q: { options?: ReadonlyArray<{ value: string; label: string }> | undefined }, v: unknown) =>
  q.options?.find((o) => o.value === v)?.label ?? String(v);

/** An answer as plain text (the read-only view): never HTML. */
export function answerText(q: Question, v: unknown): string {
  if (!isAnswered(v)) return 'Not answered';
  switch (q.type) {
    case 'yes-no':
      return v ? 'Yes' : 'No';
    case 'choice':
      return labelOf(q, v);
    case 'multi-choice':
      return (v as string[]).map((x) => labelOf(q, x)).join(', ');
    case 'rows':
      return `${(v as unknown[]).length} row(s)`;
    case 'document':
      return `${(v as unknown[]).length} document(s)`;
    default:
      return String(v);
  }
}

/** A cell of a `rows` answer as text. */
export function cellText(c: NonNullable<Question['columns']>[number], v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (c.type === 'yes-no') return v ? 'Yes' : 'No';
  if (c.type === 'choice') return labelOf(c, v);
  return String(v);
}

/**
 * A refused request's messages by question: a save's `body.value…` problems belong to the question
 * saved; a submit's `answers.<id>` problems name their questions.
 */
export function problemsByQuestion(fields: ReadonlyArray<{ path: string; message: string }>, saved: string | null): Map<string, string> {
  const out = new Map<string, string>();
  const add = (id: string, m: string) => out.set(id, out.has(id) ? `${out.get(id)}; ${m}` : m);
  for (const f of fields) {
    const sub = /^answers\.([a-z0-9-]+)$/.exec(f.path);
    if (sub) add(sub[1]!, 'This question needs an answer.');
    else if (saved && f.path.startsWith('body.value'))
      add(
        saved,
        f.path === 'body.value'
          ? f.message
          : `${f.path.slice('body.value.'.length).replace(/^(\d+)\./, (_m, i: string) => `row ${Number(i) + 1}, `)}: ${f.message}`,
      );
  }
  return out;
}
