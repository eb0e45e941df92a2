/** A questionnaire template that does not check out stops the server at start, naming the file and the field. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_QUESTIONNAIRES } from '../helpers/app.ts';
import { runMain } from '../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-qstart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('questionnaire templates at start', () => {
  it('refuses to serve with a broken template, saying which file and field', () => {
    const templates = join(dir, 'templates');
    const t = JSON.parse(readFileSync(join(FIXTURE_QUESTIONNAIRES, 'fixture-support.json'), 'utf8'));
    delete t.sections[0].questions[1].options;
    mkdirSync(templates);
    writeFileSync(join(templates, 'support.json'), JSON.stringify(t));
    const r = runMain(['serve'], { DB_PATH: join(dir, 'q.sqlite'), PORT: '0', QUESTIONNAIRE_DIR: templates, VENDORSCOPE_DEMO: 'off' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'vendorscope: questionnaire template support.json is invalid:\n  sections.0.questions.1.options: a choice question needs options',
    );
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
