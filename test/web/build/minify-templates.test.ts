/** The build's template minifier changes whitespace only where no browser could draw the difference. */
import { describe, expect, it } from 'vitest';
import { minifyCssParts } from '../../../web/build/minify-css.ts';
import { minifyHtmlParts } from '../../../web/build/minify-html.ts';
import { minifyTemplates } from '../../../web/build/minify-templates.ts';

const html = (s: string) => minifyHtmlParts([s])[0];

describe('html templates', () => {
  it('turns newline-and-indentation runs into one space, between tags, in text and in tags', () => {
    expect(html('\n  <div>\n    <p>\n      Some   text\n    </p>\n  </div>\n')).toBe(' <div> <p> Some text </p> </div> ');
    expect(html('<vr-x\n    class="a"\n    hidden\n  ></vr-x>')).toBe('<vr-x class="a" hidden ></vr-x>');
  });

  it('keeps a space between inline elements (never glues them)', () => {
    expect(html('<b>bold</b>\n      <i>italic</i>')).toBe('<b>bold</b> <i>italic</i>');
    expect(html('<a href="/">home</a>   ·   <a href="/x">x</a>')).toBe('<a href="/">home</a> · <a href="/x">x</a>');
  });

  it('leaves <pre>, <textarea>, <script>, <style> and comments as written', () => {
    const pre = '<pre>\n  a\n    b  c\n</pre>';
    expect(html(`<div>\n  ${pre}\n</div>`)).toBe(`<div> ${pre} </div>`);
    expect(html('<textarea rows="3">\n  keep   this\n</textarea>  <p>\n x</p>')).toBe('<textarea rows="3">\n  keep   this\n</textarea> <p> x</p>');
    expect(html('<PRE class="x">  A  </PRE>')).toBe('<PRE class="x">  A  </PRE>');
    expect(html('<style>\n  p {  color: red }\n</style>')).toBe('<style>\n  p {  color: red }\n</style>');
    expect(html('<!--  a   comment\n  -->\n  <p>x</p>')).toBe('<!--  a   comment\n  --> <p>x</p>');
    // Preformatted text that spans a binding stays preformatted after it.
    expect(minifyHtmlParts(['<pre>\n  ', '\n  tail  \n</pre>\n  <p>'])).toEqual(['<pre>\n  ', '\n  tail  \n</pre> <p>']);
  });

  it('leaves quoted attribute values as written, across bindings too', () => {
    expect(html('<p title="two  spaces\n  and a newline" class=\'a   b\'>x</p>')).toBe('<p title="two  spaces\n  and a newline" class=\'a   b\'>x</p>');
    expect(minifyHtmlParts(['<td class="before  ', '  x">\n  ', '\n</td>'])).toEqual(['<td class="before  ', '  x"> ', ' </td>']);
  });

  it('leaves escapes alone, and a < that opens no tag', () => {
    expect(html('a\\n  \\\n   b')).toBe('a\\n \\\n b');
    expect(html('1 <  2\n  <b>x</b>')).toBe('1 < 2 <b>x</b>');
  });

  it('returns as many parts as it is given, empty ones included', () => {
    expect(minifyHtmlParts(['', '\n   ', ''])).toEqual(['', ' ', '']);
  });
});

describe('css templates', () => {
  const css = (s: string) => minifyCssParts([s])[0];

  it('drops comments, indentation and the spaces CSS never needs', () => {
    expect(css('\n  /* why */\n  :host {\n    display: block;\n    margin: 0 4px;\n  }\n  a,\n  b > c {\n    color: red;\n  }\n')).toBe(
      ':host{display: block;margin: 0 4px}a,b > c{color: red}',
    );
  });

  it('keeps the spaces that mean something, and strings', () => {
    expect(css('.a :hover { width: calc(1px + 2px) }')).toBe('.a :hover{width: calc(1px + 2px)}');
    expect(css('@media screen and (max-width: 600px) { p { content: "a  ;  b" } }')).toBe('@media screen and (max-width: 600px){p{content: "a  ;  b"}}');
    expect(css("p::before { content: '\\2014  ' }")).toBe("p::before{content: '\\2014  '}");
    expect(css('a/**/b')).toBe('a b');
  });

  it('keeps one space beside a binding unless {};, stands there', () => {
    expect(minifyCssParts(['\n  p {\n    width: ', ' ;\n    margin: 0 ', ' auto;\n  }\n'])).toEqual(['p{width: ', ';margin: 0 ', ' auto}']);
  });
});

describe('minifyTemplates', () => {
  const src = (body: string, imports = "import { css, html, LitElement, svg as s } from 'lit';") => `${imports}\n${body}`;

  it("minifies Lit's tags (under their local names) and the templates nested in bindings, not the bindings", () => {
    const out = minifyTemplates(
      src(
        'const t = html`\n  <ul>\n    ${items.map((i) => html`\n      <li>${i.a  +  "  x  "}</li>\n    `)}\n  </ul>\n`;\nconst g = s`\n  <g>\n  </g>`;\nconst st = css`\n  p {\n    color: red;\n  }\n`;',
      ),
    );
    expect(out).toContain('html` <ul> ${items.map((i) => html` <li>${i.a  +  "  x  "}</li> `)} </ul> `');
    expect(out).toContain('s` <g> </g>`');
    expect(out).toContain('css`p{color: red}`');
  });

  it('finds the parts after non-ASCII text, and leaves a file that does not parse as it is', () => {
    expect(minifyTemplates(src("const a = '—é≈';\nconst t = html`\n  <p>·  ${a}</p>\n`;"))).toContain("const a = '—é≈';\nconst t = html` <p>· ${a}</p> `;");
    const broken = src('const t = html`\n  <p>${</p>`;');
    expect(minifyTemplates(broken)).toBe(broken);
  });

  it('leaves alone a file without Lit, a tag of another origin, and plain template strings', () => {
    const plain = 'const html = (s: TemplateStringsArray) => s.join("");\nconst a = html`\n  <p>\n  x</p>`;\nconst b = `\n   <p>   </p>`;';
    expect(minifyTemplates(plain)).toBe(plain);
    const other = src('const a = html`\n  <p>x</p>`;\nconst b = `\n   <p>   </p>`;', "import { html } from 'lit/static-html.js';");
    expect(minifyTemplates(other)).toBe(other);
    const mixed = src('const b = `\n   <p>   </p>`;\nconst c = md`\n   a`;');
    expect(minifyTemplates(mixed)).toBe(mixed);
  });
});
