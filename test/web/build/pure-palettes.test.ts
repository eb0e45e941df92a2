/**
 * The build's pure marks on d3-scale-chromatic: the module means the same with them (every palette
 * and scheme equal), and a build importing one palette drops the others. If a later release lays the
 * module out differently, the last test fails rather than the bundle silently growing back.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as chromatic from 'd3-scale-chromatic';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { markPalettesPure, purePalettes } from '../../../web/build/pure-palettes.ts';

const file = fileURLToPath(import.meta.resolve('d3-scale-chromatic'));
const source = readFileSync(file, 'utf8');

/** The marked module, loaded with its d3 imports pointed at the installed files. */
async function loadMarked(): Promise<Record<string, unknown>> {
  const code = markPalettesPure(source).replace(/from '(d3-[a-z]+)'/g, (_, pkg: string) => `from '${import.meta.resolve(pkg)}'`);
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
}

describe('pure marks on d3-scale-chromatic', () => {
  it('change no palette or scheme', async () => {
    const marked = await loadMarked();
    expect(Object.keys(marked).sort()).toEqual(Object.keys(chromatic).sort());
    for (const [name, value] of Object.entries(chromatic)) {
      if (typeof value === 'function') for (const t of [0, 0.13, 0.5, 0.77, 1]) expect((marked[name] as (t: number) => string)(t), name).toBe(value(t));
      else expect(marked[name], name).toEqual(value);
    }
  });

  it('mark every palette and scheme built at the top level', () => {
    const marked = markPalettesPure(source);
    expect(marked.match(/^var [\w$]+ = \/\*#__PURE__\*\/ \(\(\) => new Array\(3\)/gm)?.length).toBe(27);
    expect(marked.match(/\/\*#__PURE__\*\/ colors\(/g)?.length).toBeGreaterThanOrEqual(15);
    // Only the arrow helper and sinebow's scratch colour (multi-line) stay unmarked.
    const unmarked = marked.match(/^var [\w$]+ = (?!\/\*#__PURE__\*\/).*$/gm) ?? [];
    expect(unmarked.map((l) => l.slice(0, 18))).toEqual(['var ramp$1 = schem', 'var c = rgb(),']);
  });

  it('let a build that uses one palette drop the others', { timeout: 60_000 }, async () => {
    const entry = fileURLToPath(new URL('../../fixtures/vite/magma-only.ts', import.meta.url));
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [purePalettes()],
      build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'magma' } },
    })) as Array<{ output: Array<{ type: string; code?: string }> }>;
    const code = out[0]!.output.map((c) => c.code ?? '').join('\n');
    expect(code).toContain('00000401000501010601010802010902020b'); // magma
    expect(code).not.toContain('440154440256450457450559'); // viridis
    expect(code).not.toContain('d8b365f5f5f55ab4ac'); // BrBG
    expect(code).not.toContain('1f77b4ff7f0e2ca02cd62728'); // category10
  });
});
