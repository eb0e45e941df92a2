/**
 * Whitespace of Lit html`` / svg`` templates, PURE, under rules that cannot change what renders:
 * - between tags and in text, a run of whitespace (newline and indentation included) becomes ONE space,
 *   never nothing: outside <pre> and `white-space: pre*`, a browser draws any run as one space, and
 *   where none shows (between blocks, in a flex box) one space shows none either; removing it would
 *   glue inline elements (`<b>a</b> <i>b</i>`);
 * - inside a tag, between attributes, likewise one space;
 * - left exactly as written: attribute values in quotes, comments, the content of <pre>, <textarea>,
 *   <script>, <style>, and every escape (`\n`, a `\` line continuation);
 * - the bindings (`${…}`) are not in the parts at all; the state (in a tag, in a quoted value, in a
 *   <pre>) carries over from one part to the next, as the template reads.
 * Text whose element is styled `white-space: pre-wrap` must come from a binding (it does in this app:
 * every such element holds `${…}` alone), since CSS is not known here.
 */

const RAW = new Set(['pre', 'textarea', 'script', 'style']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
const TAG_NAME = /\/?([a-zA-Z][\w-]*)/y;

type State =
  | { readonly at: 'text' }
  | { readonly at: 'tag'; readonly name: string }
  | { readonly at: 'quote'; readonly q: string; readonly name: string }
  | { readonly at: 'comment' }
  | { readonly at: 'raw'; readonly name: string };

/** The static parts of one template (raw text, between its bindings), minified; as many parts as given. */
export function minifyHtmlParts(parts: readonly string[]): string[] {
  let state: State = { at: 'text' };
  return parts.map((part) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const c = part[i]!;
      if (c === '\\') {
        out += part.slice(i, i + 2);
        i += 2;
        continue;
      }
      switch (state.at) {
        case 'comment': {
          const end = part.indexOf('-->', i);
          const stop = end < 0 ? part.length : end + 3;
          out += part.slice(i, stop);
          i = stop;
          if (end >= 0) state = { at: 'text' };
          continue;
        }
        case 'raw': {
          // `</PRE>` ends a <pre> too.
          const end = part.toLowerCase().indexOf(`</${state.name}`, i);
          const stop = end < 0 ? part.length : end;
          out += part.slice(i, stop);
          i = stop;
          if (end >= 0) state = { at: 'text' };
          continue;
        }
        case 'quote':
          out += c;
          i++;
          if (c === state.q) state = { at: 'tag', name: state.name };
          continue;
        case 'tag':
          if (isSpace(c)) break;
          out += c;
          i++;
          if (c === '"' || c === "'") state = { at: 'quote', q: c, name: state.name };
          else if (c === '>') state = RAW.has(state.name) ? { at: 'raw', name: state.name } : { at: 'text' };
          continue;
        case 'text': {
          if (isSpace(c)) break;
          if (part.startsWith('<!--', i)) {
            out += '<!--';
            i += 4;
            state = { at: 'comment' };
            continue;
          }
          TAG_NAME.lastIndex = i + 1;
          const tag = c === '<' ? TAG_NAME.exec(part) : null;
          if (tag) {
            const name = tag[1]!;
            // A closing tag never opens raw content.
            state = { at: 'tag', name: part[i + 1] === '/' ? '' : name.toLowerCase() };
          }
          out += c;
          i++;
          continue;
        }
      }
      // A whitespace run, in text or in a tag: one space.
      while (i < part.length && isSpace(part[i])) i++;
      out += ' ';
    }
    return out;
  });
}
