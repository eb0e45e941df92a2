/** A document's type from its first bytes, never its name: the four types taken, and markup or binary junk refused whatever follows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../../server/services/documents/media-type.ts';
import { cleanFileName } from '../../../../server/services/documents/documents-service.ts';

describe('sniffMediaType', () => {
  it('knows PDF, PNG and JPEG by their magic bytes, whatever follows', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (rest) => {
        const tail = Buffer.from(rest);
        expect(sniffMediaType(Buffer.concat([Buffer.from('%PDF-'), tail]))).toBe('application/pdf');
        expect(sniffMediaType(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), tail]))).toBe('image/png');
        expect(sniffMediaType(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), tail]))).toBe('image/jpeg');
      }),
    );
  });

  it('takes printable UTF-8 text, and never text that opens like markup', () => {
    fc.assert(
      fc.property(
        // eslint-disable-next-line no-control-regex -- control characters are what this filter leaves out
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => !/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ud800-\udfff]/.test(s)),
        fc.stringMatching(/^[ \t\r\n]{0,3}$/),
        (text, space) => {
          const expected = text.startsWith('%PDF-') ? 'application/pdf' : /^\uFEFF?\s*</.test(text) ? null : 'text/plain';
          expect(sniffMediaType(Buffer.from(text, 'utf8'))).toBe(expected);
          expect(sniffMediaType(Buffer.from(`${space}<${text}`, 'utf8'))).toBeNull();
        },
      ),
    );
  });

  it('refuses invalid UTF-8, control characters and an empty file', () => {
    expect(sniffMediaType(Buffer.from([0x68, 0x69, 0xc3, 0x28]))).toBeNull();
    expect(sniffMediaType(Buffer.from('MZ\u0000\u0001 executable'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
    expect(sniffMediaType(Buffer.from('\uFEFF<!doctype html>'))).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps the last path segment, drops control characters and quotes, and names the nameless', () => {
    expect(cleanFileName('C:\\Users\\x\\SOC 2 "final".pdf')).toBe('SOC 2 final.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\r\nb.txt')).toBe('ab.txt');
    expect(cleanFileName('')).toBe('document');
    expect(cleanFileName('x'.repeat(500))).toHaveLength(200);
  });
});
