/**
 * The lint configuration guards what it claims to (eslint.config.js): a promise left floating is
 * caught by the type-aware rules, a broken Lit template by the Lit plugin. Each made-up snippet is
 * linted in place of a real web module (its text replaces the file's in the type checker; nothing
 * is written), so the project's own config, tsconfig and typed rules apply: a path the tsconfig
 * does not hold would not be type-checked at all. Without that config these findings disappear.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Any module of the web's tsconfig project; its own text is never read. */
const PROBE = 'web/format.ts';
// One instance: typed linting builds the TypeScript program once, for both snippets.
const eslint = new ESLint({ cwd: process.cwd() });
const ruleIds = async (code: string, file: string) => {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => m.ruleId ?? m.message);
};

describe('eslint.config.js', () => {
  it('finds a floating promise (type-aware) and a listener that returns one', { timeout: 120_000 }, async () => {
    const code = `const later = (): Promise<number> => Promise.resolve(1);
export function start(button: HTMLButtonElement): void {
  later();
  button.addEventListener('click', async () => {
    await later();
  });
}
`;
    expect(await ruleIds(code, PROBE)).toEqual(['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises']);
  });

  it('finds a Lit template problem (the same property bound twice)', { timeout: 120_000 }, async () => {
    const code = `import { html } from 'lit';
export const field = (a: string, b: string) => html\`<input .value=\${a} .value=\${b} />\`;
`;
    expect(await ruleIds(code, PROBE)).toEqual(['lit/no-duplicate-template-bindings']);
  });
});
