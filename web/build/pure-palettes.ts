/**
 * Lets the build drop the d3 colour schemes the app does not use. d3-scale-chromatic ships as one
 * module whose top level builds every palette by calling a function (`var viridis = ramp(colors("…"))`);
 * a bundler must keep a call it cannot prove free of side effects, so importing interpolateMagma alone
 * carried all ~70 palettes (≈7 kB gzip) into the chunk the portfolio loads. Each of those top-level
 * `var x = call(…)` only builds a palette value, so it is marked `/*#__PURE__*\/` here: kept when used,
 * dropped when not. If a later d3-scale-chromatic is laid out differently the marks simply stop
 * matching (a bigger bundle, never a broken one): test/vite/pure-palettes.test.ts says so.
 */
import type { Plugin } from 'vite';

const MODULE = /\/node_modules\/d3-scale-chromatic\/dist\/d3-scale-chromatic\.mjs$/;
/** A one-line top-level `var name = …;` that is not an arrow function: `var magma = ramp(colors("…"));`. */
const ONE_LINE_VAR = /^var [\w$]+ = (?![\w$]+ =>)[^\n]*;$/gm;
/** A call of a named function (not of a method: `.concat(` stays as it is). */
const CALL = /(?<![\w$.])([\w$]+)\(/g;
/**
 * A scheme: `var s = new Array(3).concat(\n  "hex…",\n …\n).map(colors);`, string literals only. A mark
 * before `new Array(3)` would cover that `new` alone, not the calls chained on it, so the whole
 * initializer becomes an arrow called at once, and that call is marked.
 */
const SCHEME = /^var ([\w$]+) = (new Array\(3\)\.concat\(\n(?: {2}"[0-9a-f]*",?\n)+\)\.map\(colors\));$/gm;

/**
 * Marks the palette-building top-level code of d3-scale-chromatic as pure: every call in a one-line
 * top-level `var` (the arguments too, or `colors("…")` would be kept for its own sake), and each scheme.
 */
export function markPalettesPure(code: string): string {
  return code.replace(ONE_LINE_VAR, (line) => line.replace(CALL, '/*#__PURE__*/ $1(')).replace(SCHEME, 'var $1 = /*#__PURE__*/ (() => $2)();');
}

export function purePalettes(): Plugin {
  return {
    name: 'vendorscope:pure-palettes',
    apply: 'build',
    transform: { filter: { id: MODULE }, handler: (code) => ({ code: markPalettesPure(code), map: null }) },
  };
}
