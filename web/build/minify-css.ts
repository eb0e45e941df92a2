/**
 * Lit css`` templates, PURE: comments dropped, each whitespace run one space, and no space at all
 * next to `{`, `}`, `;` or `,` (nor a `;` before `}`), where CSS never needs one. Left as written:
 * strings ('…', "…"), escapes, and the spaces that carry meaning elsewhere (`.a :hover` is not
 * `.a:hover`, `and (` is not `and(`, `calc(1px + 2px)` needs its spaces), so `:`, `>`, `(`, `+` keep theirs.
 * The template's first and last whitespace go; around a binding (`${…}`) one space stays unless a
 * `{};,` stands beside it.
 */

const WS = /[ \t\n\r\f]/;
const TIGHT = new Set(['{', '}', ';', ',']);

/** The static parts of one css`` template (raw text, between its bindings), minified. */
export function minifyCssParts(parts: readonly string[]): string[] {
  let quote = '';
  let comment = false;
  return parts.map((part, n) => {
    let out = '';
    let i = 0;
    const space = () => {
      const prev = out.at(-1);
      const next = part[i];
      const edge = (n === 0 && out === '') || (n === parts.length - 1 && i >= part.length);
      if (!edge && prev !== ' ' && !TIGHT.has(prev ?? '') && !TIGHT.has(next ?? '')) out += ' ';
    };
    while (i < part.length) {
      const c = part[i]!;
      if (comment) {
        const end = part.indexOf('*/', i);
        i = end < 0 ? part.length : end + 2;
        if (end >= 0) {
          comment = false;
          space();
        }
        continue;
      }
      if (c === '\\') {
        out += part.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (quote) {
        out += c;
        i++;
        if (c === quote) quote = '';
        continue;
      }
      if (c === '/' && part[i + 1] === '*') {
        comment = true;
        i += 2;
        continue;
      }
      if (WS.test(c)) {
        while (i < part.length && WS.test(part[i]!)) i++;
        space();
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      if (TIGHT.has(c) && out.at(-1) === ' ') out = out.slice(0, -1);
      if (c === '}' && out.at(-1) === ';') out = out.slice(0, -1);
      out += c;
      i++;
    }
    return out;
  });
}
