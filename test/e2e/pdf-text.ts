/**
 * The text of a PDF as Chromium (Skia) prints it, page by page, read with a few lines (Chromium
 * writes plain objects, Flate streams and ToUnicode maps), so no PDF library is needed. The
 * report's and the dossier's print tests read their PDFs back with it.
 */
import { inflateSync } from 'node:zlib';

/** Each page's text, in content order, from a PDF as Chromium (Skia) writes it. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = new Map<string, { dict: string; data: string }>();
  for (const m of pdf.toString('latin1').matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const s = /^([\s\S]*?)stream\r?\n([\s\S]*)\r?\nendstream/.exec(m[2]!);
    const data = s ? (/\/FlateDecode/.test(s[1]!) ? inflateSync(Buffer.from(s[2]!, 'latin1')).toString('latin1') : s[2]!) : '';
    objects.set(m[1]!, { dict: s ? s[1]! : m[2]!, data });
  }
  const ref = (dict: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1] ?? '';
  const hex = (h: string) => parseInt(h, 16);
  // A font's ToUnicode map: glyph id → text (bfchar pairs and bfrange runs).
  const unicode = (fontId: string) => {
    const map = new Map<number, string>();
    const cmap = objects.get(ref(objects.get(fontId)?.dict ?? '', 'ToUnicode'))?.data ?? '';
    const text = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map(hex));
    for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, a, b] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(hex(a!), text(b!));
    for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, a, z, b] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        for (let c = hex(a!); c <= hex(z!); c++) map.set(c, String.fromCodePoint(hex(b!) + c - hex(a!)));
    return map;
  };
  // `/Type /Page`, not `/Pages`: the page objects, in the order Chromium writes them (reading order).
  return [...objects.values()]
    .filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict))
    .map((page) => {
      const fonts = new Map([...(/\/Font <<([^>]*)>>/.exec(page.dict)?.[1] ?? '').matchAll(/\/(\S+) (\d+) 0 R/g)].map(([, name, id]) => [name!, unicode(id!)]));
      let font = new Map<number, string>();
      let out = '';
      for (const m of (objects.get(ref(page.dict, 'Contents'))?.data ?? '').matchAll(/\/(\S+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)|\b(ET)\b/g)) {
        if (m[1]) font = fonts.get(m[1]) ?? new Map();
        else if (m[2]) for (const [, h] of m[2].matchAll(/<([0-9a-fA-F]*)>/g)) for (const g of h!.match(/.{4}/g) ?? []) out += font.get(hex(g)) ?? '';
        else out += ' ';
      }
      return out;
    });
}

/** Glyphs are placed one by one, so words come apart: compare without spaces, and without case (CSS capitals). */
export const flat = (t: string) => t.replace(/\s+/g, '').toLowerCase();
