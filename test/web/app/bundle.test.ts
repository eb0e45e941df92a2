/**
 * The first start builds the web app: that build must not warn about its chunk sizes (issue 17), and
 * each page is its own chunk loaded on navigation (web/app/pages.ts), so no single file carries all
 * of them, and the Lit templates are minified (issue 18). Built with the project's Vite config into a temporary directory, never over web/dist
 * (the browser tests serve that one).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, createLogger } from 'vite';

const root = resolve(import.meta.dirname, '../../..');
const outDir = mkdtempSync(join(tmpdir(), 'vs-bundle-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the web build', () => {
  it('prints no chunk-size warning and splits the pages into chunks of their own', { timeout: 60_000 }, async () => {
    const warnings: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (msg) => void warnings.push(msg);
    logger.warnOnce = (msg) => void warnings.push(msg);
    await build({
      configFile: join(root, 'vite.config.ts'),
      root: join(root, 'web'),
      mode: 'production',
      customLogger: logger,
      build: { outDir, emptyOutDir: true },
    });

    // Vite's chunk-size warning ("Some chunks are larger than … build.chunkSizeWarningLimit"); not Rolldown's
    // note on slow plugins, which names hooks such as renderChunk when the machine is busy.
    expect(warnings.filter((w) => /larger than|chunkSizeWarningLimit/i.test(w))).toEqual([]);
    const js = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    for (const page of ['vr-vendor-page', 'vr-portfolio-page', 'vr-report-page', 'vr-sign-in-page'])
      expect(js.some((f) => f.startsWith(`${page}-`))).toBe(true);
    const largest = Math.max(...js.map((f) => statSync(join(outDir, 'assets', f)).size));
    expect(largest).toBeLessThan(500 * 1024);
    // Lit templates lose their indentation in the build (web/build/minify-templates.ts): no newline-and-indent before a tag.
    const indented = js.filter((f) => /\n[ \t]{2,}</.test(readFileSync(join(outDir, 'assets', f), 'utf8')));
    expect(indented).toEqual([]);
  });
});
