/**
 * What a file is, from its first bytes: PDF, PNG, JPEG or plain UTF-8 text, or null for anything
 * else. The name and the type the browser declared are never trusted. Text that opens like markup
 * (an HTML page renamed to `.pdf`, SVG, XML) is refused too: a browser sniffing it could run it.
 */
import type { DocumentMediaType } from '../../domain/document.ts';

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

const startsWith = (bytes: Buffer, magic: Buffer) => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);

/** Plain text: valid UTF-8, no control characters but tab, line breaks and form feed, not opening with `<`. */
function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters mark a file as not text
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  return !/^\uFEFF?\s*</.test(text);
}

export function sniffMediaType(bytes: Buffer): DocumentMediaType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  return bytes.length > 0 && isPlainText(bytes) ? 'text/plain' : null;
}
