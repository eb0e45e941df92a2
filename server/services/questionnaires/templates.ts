/**
 * Questionnaire templates are data files (data/questionnaires/*.json), read and checked once at
 * start: a template that does not parse, repeats a question id, or gives a choice without options
 * stops the app with a message naming the file and the field, so a typo never reaches a vendor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldProblems } from '../../domain/field-problems.ts';
import { questionnaireTemplate, type Question, type QuestionnaireTemplate } from '../../domain/questionnaire.ts';
import { checkTemplateMappings } from './mapping-checks.ts';

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** A template's summary, as the template list shows it. */
export interface TemplateSummary {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly questionCount: number;
  readonly sections: ReadonlyArray<{ readonly id: string; readonly title: string; readonly questionCount: number }>;
}

export interface Templates {
  all(): readonly QuestionnaireTemplate[];
  /** The template by id, or undefined. */
  get(id: string): QuestionnaireTemplate | undefined;
  summaries(): TemplateSummary[];
}

/** Every question of a template, in order, with its section. */
export const questionsOf = (t: QuestionnaireTemplate): Array<{ question: Question; section: { id: string; title: string } }> =>
  t.sections.flatMap((s) => s.questions.map((question) => ({ question, section: { id: s.id, title: s.title } })));

/** The checks zod's shape cannot make: ids unique across the template, options and columns where their type needs them. */
export function structuralProblems(t: QuestionnaireTemplate): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const seenQuestions = new Map<string, string>();
  const seenSections = new Set<string>();
  t.sections.forEach((s, si) => {
    if (seenSections.has(s.id)) problems.push({ path: `sections.${si}.id`, message: `section id "${s.id}" is used twice` });
    seenSections.add(s.id);
    s.questions.forEach((q, qi) => {
      const at = `sections.${si}.questions.${qi}`;
      const earlier = seenQuestions.get(q.id);
      if (earlier) problems.push({ path: `${at}.id`, message: `question id "${q.id}" is used twice (first at ${earlier})` });
      else seenQuestions.set(q.id, at);
      const needsOptions = q.type === 'choice' || q.type === 'multi-choice';
      if (needsOptions && !q.options) problems.push({ path: `${at}.options`, message: `a ${q.type} question needs options` });
      if (!needsOptions && q.options) problems.push({ path: `${at}.options`, message: `a ${q.type} question takes no options` });
      if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length)
        problems.push({ path: `${at}.options`, message: 'option values repeat' });
      if (q.type === 'rows' && !q.columns) problems.push({ path: `${at}.columns`, message: 'a rows question needs columns' });
      if (q.type !== 'rows' && q.columns) problems.push({ path: `${at}.columns`, message: `a ${q.type} question takes no columns` });
      (q.columns ?? []).forEach((c, ci) => {
        if (c.type === 'choice' && (!c.options || c.options.length < 2))
          problems.push({ path: `${at}.columns.${ci}.options`, message: 'a choice column needs at least two options' });
        if (c.type !== 'choice' && c.options) problems.push({ path: `${at}.columns.${ci}.options`, message: `a ${c.type} column takes no options` });
      });
      if (q.columns && new Set(q.columns.map((c) => c.id)).size !== q.columns.length) problems.push({ path: `${at}.columns`, message: 'column ids repeat' });
    });
  });
  return problems;
}

/** Parses and checks one template file's text; throws a TemplateError naming the file and the field. */
export function parseTemplate(text: string, file: string): QuestionnaireTemplate {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TemplateError(`questionnaire template ${file}: not valid JSON (${(e as Error).message})`);
  }
  const r = questionnaireTemplate.safeParse(json);
  // The shape, then what the shape cannot say: ids used once, options where a type needs them, and
  // mappings that fit their facts (an MFA method question offers MFA methods).
  const problems = r.success ? [...structuralProblems(r.data), ...checkTemplateMappings(r.data)] : fieldProblems(r.error, '');
  if (problems.length > 0) {
    const listed = problems.slice(0, 10).map((p) => `${p.path || '(top level)'}: ${p.message}`);
    throw new TemplateError(
      `questionnaire template ${file} is invalid:\n  ${listed.join('\n  ')}${problems.length > 10 ? `\n  … and ${problems.length - 10} more` : ''}`,
    );
  }
  return r.data!;
}

/** Loads every `*.json` in `dir` (a missing folder is an error; an empty one has no templates). */
export function loadTemplates(dir: string): Templates {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    throw new TemplateError(`questionnaire templates: the folder ${dir} cannot be read`);
  }
  const byId = new Map<string, QuestionnaireTemplate>();
  for (const f of files) {
    const t = parseTemplate(readFileSync(join(dir, f), 'utf8'), f);
    if (byId.has(t.id)) throw new TemplateError(`questionnaire template ${f}: id "${t.id}" is used by another template file too`);
    byId.set(t.id, t);
  }
  return fromList([...byId.values()]);
}

export function fromList(list: readonly QuestionnaireTemplate[]): Templates {
  const byId = new Map(list.map((t) => [t.id, t]));
  return {
    all: () => list,
    get: (id) => byId.get(id),
    summaries: () =>
      list.map((t) => ({
        id: t.id,
        version: t.version,
        title: t.title,
        description: t.description,
        questionCount: t.sections.reduce((n, s) => n + s.questions.length, 0),
        sections: t.sections.map((s) => ({ id: s.id, title: s.title, questionCount: s.questions.length })),
      })),
  };
}
