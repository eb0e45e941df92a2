import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';

describe('docs/METHODOLOGY.md', () => {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'METHODOLOGY.md'), 'utf8');

  it('shows the default policy the code uses, verbatim', () => {
    const block = /## Default parameters[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block!)).toEqual(DEFAULT_POLICY);
  });

  it('names the methodology version in its title', () => {
    expect(doc.split('\n')[0]).toContain(DEFAULT_POLICY.version);
  });
});
