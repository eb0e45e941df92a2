/** The template loader: files checked at start, a bad one stops start with the file and the field named. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTemplates, parseTemplate, questionsOf, TemplateError } from '../../../../server/services/questionnaires/templates.ts';
import { ANSWER_TYPES } from '../../../../server/domain/questionnaire.ts';
import { FIXTURE_QUESTIONNAIRES } from '../../../helpers/app.ts';

const fixtureText = readFileSync(join(FIXTURE_QUESTIONNAIRES, 'fixture-support.json'), 'utf8');
const fixture = () => JSON.parse(fixtureText);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const folderWith = (files: Record<string, string>) => {
  const d = mkdtempSync(join(tmpdir(), 'vs-templates-'));
  dirs.push(d);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
};
const refused = (edit: (t: ReturnType<typeof fixture>) => void): string => {
  const t = fixture();
  edit(t);
  try {
    parseTemplate(JSON.stringify(t), 'broken.json');
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error('the template was accepted');
};

describe('questionnaire templates', () => {
  it('loads the fixture, every answer type in it, and summarises it', () => {
    const t = loadTemplates(FIXTURE_QUESTIONNAIRES);
    const tpl = t.get('fixture-support')!;
    expect(new Set(questionsOf(tpl).map((q) => q.question.type))).toEqual(new Set(ANSWER_TYPES));
    expect(t.summaries()).toEqual([
      expect.objectContaining({
        id: 'fixture-support',
        version: '1.0.0',
        questionCount: 8,
        sections: [
          { id: 'identity', title: 'Identity', questionCount: 3 },
          { id: 'support', title: 'Support arrangement', questionCount: 5 },
        ],
      }),
    ]);
    expect(t.get('nope')).toBeUndefined();
  });

  it('refuses a file that is not JSON, naming the file', () => {
    expect(() => loadTemplates(folderWith({ 'a.json': fixtureText, 'b.json': '{ "id": ' }))).toThrow(/questionnaire template b\.json: not valid JSON/);
  });

  it('names the field of a shape error', () => {
    expect(refused((t) => (t.sections[1].questions[0].type = 'slider'))).toMatch(/broken\.json is invalid:\n {2}sections\.1\.questions\.0\.type: /);
    expect(refused((t) => (t.version = 'one'))).toMatch(/version: /);
    expect(refused((t) => (t.sections[0].questions[0].maps = { fact: 'mfa', population: 'robots', field: 'method' }))).toMatch(
      /sections\.0\.questions\.0\.maps\.population/,
    );
    expect(refused((t) => (t.sections[0].questions[0].colour = 'red'))).toMatch(/sections\.0\.questions\.0\.colour: unknown field/);
  });

  it('refuses a question id used twice, with both places', () => {
    expect(refused((t) => (t.sections[1].questions[2].id = 'support-mfa-method'))).toMatch(
      /sections\.1\.questions\.2\.id: question id "support-mfa-method" is used twice \(first at sections\.0\.questions\.1\)/,
    );
  });

  it('refuses choices without options, options where none belong, and rows without columns', () => {
    expect(refused((t) => delete t.sections[0].questions[1].options)).toMatch(/sections\.0\.questions\.1\.options: a choice question needs options/);
    expect(
      refused(
        (t) =>
          (t.sections[0].questions[0].options = [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ]),
      ),
    ).toMatch(/a yes-no question takes no options/);
    expect(refused((t) => delete t.sections[1].questions[3].columns)).toMatch(/sections\.1\.questions\.3\.columns: a rows question needs columns/);
    expect(refused((t) => delete t.sections[1].questions[3].columns[2].options)).toMatch(/columns\.2\.options: a choice column needs at least two options/);
    expect(refused((t) => (t.sections[0].questions[1].options[1].value = 'none'))).toMatch(/option values repeat/);
  });

  it('refuses two files with one template id, and a folder that is not there', () => {
    expect(() => loadTemplates(folderWith({ 'a.json': fixtureText, 'b.json': fixtureText }))).toThrow(
      /b\.json: id "fixture-support" is used by another template file too/,
    );
    expect(() => loadTemplates(join(tmpdir(), 'no-such-folder-for-templates'))).toThrow(/cannot be read/);
  });

  it('reads only .json files, and an empty folder has no templates', () => {
    expect(loadTemplates(folderWith({ 'README.md': '# not a template' })).all()).toEqual([]);
  });
});
