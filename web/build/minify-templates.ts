/**
 * A build-time Vite plugin: Lit's html``, svg`` and css`` templates in web/ lose their indentation
 * (minify-html.ts and minify-css.ts say what changes and what never does). The templates are found
 * with Vite's own parser (oxc, TypeScript syntax), never a regular expression, and only where the tag is the one imported
 * from 'lit' (under whatever local name); nested templates inside bindings are minified too, and the
 * bindings themselves are left exactly as written. Runs before the TypeScript transform, on source.
 */
import { parseSync, type Plugin } from 'vite';
import { minifyCssParts } from './minify-css.ts';
import { minifyHtmlParts } from './minify-html.ts';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}
/** The few ESTree fields read here (oxc's AST, offsets in UTF-16 code units like the source string). */
interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}
interface TemplateElement extends Node {
  readonly value: { readonly raw: string };
}

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && typeof (x as Node).type === 'string';

/** Local names under which the file imports Lit's template tags: name → kind. */
function litTags(program: Node): Map<string, 'html' | 'css'> {
  const tags = new Map<string, 'html' | 'css'>();
  for (const s of program.body as Node[]) {
    if (s.type !== 'ImportDeclaration' || (s.source as { value: string }).value !== 'lit' || s.importKind === 'type') continue;
    for (const spec of s.specifiers as Node[]) {
      if (spec.type !== 'ImportSpecifier' || spec.importKind === 'type') continue;
      const imported = (spec.imported as { name?: string }).name;
      const local = (spec.local as { name: string }).name;
      if (imported === 'html' || imported === 'svg') tags.set(local, 'html');
      if (imported === 'css') tags.set(local, 'css');
    }
  }
  return tags;
}

/** [start, end) of a template element's raw text in the source (the parser's span may include the `, ${ and }). */
function rawRange(code: string, q: TemplateElement): [number, number] {
  const begin = code[q.start] === '`' || code[q.start] === '}' ? q.start + 1 : q.start;
  return [begin, begin + q.value.raw.length];
}

/** The source with its Lit templates' whitespace minified; unchanged when it has none. */
export function minifyTemplates(code: string, fileName = 'module.ts'): string {
  const { program, errors } = parseSync(fileName, code, { lang: 'ts', sourceType: 'module' });
  if (errors.length > 0) return code; // the TypeScript transform reports them
  const tags = litTags(program as unknown as Node);
  if (tags.size === 0) return code;
  const edits: Edit[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isNode(node)) return;
    const tag = node.tag as Node | undefined;
    if (node.type === 'TaggedTemplateExpression' && tag?.type === 'Identifier' && tags.has(tag.name as string) && !node.typeArguments) {
      const quasis = (node.quasi as { quasis: TemplateElement[] }).quasis;
      const ranges = quasis.map((q) => rawRange(code, q));
      const parts = ranges.map(([s, e]) => code.slice(s, e));
      const out = tags.get(tag.name as string) === 'css' ? minifyCssParts(parts) : minifyHtmlParts(parts);
      ranges.forEach(([start, end], i) => {
        if (out[i] !== parts[i]) edits.push({ start, end, text: out[i]! });
      });
    }
    for (const key in node) if (key !== 'parent') visit(node[key]);
  };
  visit(program);
  let result = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

/** Minifies the templates of the web's TypeScript modules in production builds. */
export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'vendorscope:minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform: {
      filter: { id: /\/web\/.*\.ts$/, code: /from 'lit'/ },
      handler(code, id) {
        const out = minifyTemplates(code, id);
        return out === code ? null : { code: out, map: null };
      },
    },
  };
}
