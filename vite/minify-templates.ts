/**
 * A build-time Vite plugin: Lit's html``, svg`` and css`` templates in web/ lose their indentation
 * (minify-html.ts and minify-css.ts say what changes and what never does). The templates are found
 * with the TypeScript parser, never a regular expression, and only where the tag is the one imported
 * from 'lit' (under whatever local name); nested templates inside bindings are minified too, and the
 * bindings themselves are left exactly as written. Runs before the TypeScript transform, on source.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';
import { minifyCssParts } from './minify-css.ts';
import { minifyHtmlParts } from './minify-html.ts';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Local names under which the file imports Lit's template tags: name → kind. */
function litTags(sf: ts.SourceFile): Map<string, 'html' | 'css'> {
  const tags = new Map<string, 'html' | 'css'>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== 'lit') continue;
    const named = s.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named) || s.importClause.isTypeOnly) continue;
    for (const el of named.elements) {
      const imported = (el.propertyName ?? el.name).text;
      if (imported === 'html' || imported === 'svg') tags.set(el.name.text, 'html');
      if (imported === 'css') tags.set(el.name.text, 'css');
    }
  }
  return tags;
}

/** [start, end) of each static part's raw text in the source, in order. */
function partRanges(sf: ts.SourceFile, t: ts.TemplateLiteral): Array<[number, number]> {
  if (ts.isNoSubstitutionTemplateLiteral(t)) return [[t.getStart(sf) + 1, t.end - 1]];
  const ranges: Array<[number, number]> = [[t.head.getStart(sf) + 1, t.head.end - 2]];
  for (const span of t.templateSpans) {
    const lit = span.literal;
    ranges.push([lit.getStart(sf) + 1, lit.end - (ts.isTemplateTail(lit) ? 1 : 2)]);
  }
  return ranges;
}

/** The source with its Lit templates' whitespace minified; unchanged when it has none. */
export function minifyTemplates(code: string, fileName = 'module.ts'): string {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tags = litTags(sf);
  if (tags.size === 0) return code;
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text) && !node.typeArguments) {
      const ranges = partRanges(sf, node.template);
      const parts = ranges.map(([s, e]) => code.slice(s, e));
      const out = tags.get(node.tag.text) === 'css' ? minifyCssParts(parts) : minifyHtmlParts(parts);
      ranges.forEach(([start, end], i) => {
        if (out[i] !== parts[i]) edits.push({ start, end, text: out[i]! });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
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
