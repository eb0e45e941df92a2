/**
 * Browser tests stand alone: each test opens its own page (useSession gives every test a fresh browser
 * context) and sets up what it needs, so one failure does not cascade and `vitest -t` runs any test
 * by itself. This reads the e2e files' text and fails on the patterns that chained tests before:
 * - the one-page-per-file session (`sharedPage`) the last chained files used: gone from session.ts,
 *   and no file may bring it back;
 * - a `Page` kept in a variable of the describe block (`let page: Page`), assigned by one test or hook
 *   and used by the next;
 * - a last test that checks the console of all the tests before it ("logged no page errors"): use
 *   `quietConsole`, which checks each test's own page after it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './harness.ts';

const DIR = join(PROJECT_ROOT, 'test', 'e2e');

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.test.ts') && f !== 'independence.test.ts')
  .map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }));

/** Variables of type Page declared at describe level (indented at most one level), not inside a test. */
const sharedPageVariables = (text: string) => text.split('\n').filter((line) => /^ {0,4}let \w+: Page\b/.test(line));

describe('e2e tests stand alone', () => {
  it('finds the browser-test files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('uses no one-page-per-file session', () => {
    const using = files.filter((f) => /\bsharedPage\b/.test(f.text)).map((f) => f.name);
    expect(using).toEqual([]);
    expect(readFileSync(join(DIR, 'session.ts'), 'utf8')).not.toMatch(/\bsharedPage\b/);
  });

  it('keeps no page in a describe-level variable for the next test', () => {
    const offending = files.filter((f) => sharedPageVariables(f.text).length > 0).map((f) => f.name);
    expect(offending).toEqual([]);
  });

  it('has no last test checking the console of the tests before it', () => {
    const offending = files.filter((f) => /it\(\s*['"`]logged no page errors/.test(f.text)).map((f) => f.name);
    expect(offending).toEqual([]);
  });

  it('recognises a describe-level page variable, and not one inside a test', () => {
    expect(sharedPageVariables("describe('x', () => {\n  let admin: Page;\n")).toHaveLength(1);
    expect(sharedPageVariables("    it('y', async () => {\n      let other: Page = await s.browser.newPage();\n")).toHaveLength(0);
  });
});
