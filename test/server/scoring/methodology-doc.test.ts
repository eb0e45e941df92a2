import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { FINDING_RULES } from '../../../server/scoring/findings/index.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { PARAMETER_PATHS } from '../../../server/domain/methodology.ts';
import { GENERATED, section, withSection } from '../../helpers/methodology-doc.ts';

const PATH = join(PROJECT_ROOT, 'docs', 'METHODOLOGY.md');

describe('docs/METHODOLOGY.md', () => {
  let doc = readFileSync(PATH, 'utf8');
  if (process.env.UPDATE_DOCS === '1') {
    for (const [name, render] of Object.entries(GENERATED)) doc = withSection(doc, name, render());
    writeFileSync(PATH, doc);
  }

  it.each(Object.keys(GENERATED))('agrees with the code in its generated section "%s"', (name) => {
    const expected = GENERATED[name as keyof typeof GENERATED]();
    expect(section(doc, name), `regenerate with UPDATE_DOCS=1 npx vitest run ${'test/server/scoring/methodology-doc.test.ts'}`).toBe(expected);
  });

  it('shows the default policy verbatim (its rationale in the parameters table)', () => {
    const block = /```json\n([\s\S]*?)```/.exec(section(doc, 'default-policy') ?? '')?.[1];
    const { rationale: _r, ...values } = DEFAULT_POLICY;
    expect(JSON.parse(block!)).toEqual(values);
  });

  it('lists every parameter with its rationale and source', () => {
    const table = section(doc, 'parameters') ?? '';
    for (const path of PARAMETER_PATHS) {
      expect(table, path).toContain(`| \`${path}\` |`);
      expect(table, path).toContain(DEFAULT_POLICY.rationale[path]!.why);
    }
  });

  it('names the methodology version in its title and documents every finding rule', () => {
    expect(doc.split('\n')[0]).toContain(DEFAULT_POLICY.version);
    for (const r of FINDING_RULES) expect(doc, r.id).toContain(`\`${r.id}\``);
  });
});
