import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, fold } from '../../../../server/services/reviews/calendar.ts';

const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('leaves no bare CR or LF in a text value, whatever the line endings (a lone CR would end the content line)', () => {
    expect(escapeText('a\rb\r\r\nc')).toBe('a\\nb\\n\\nc');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(escapeText(text)).not.toMatch(/[\r\n]/);
      }),
    );
  });

  it('folds any line into lines of at most 75 octets that unfold to the original, never splitting a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        fc.pre(!text.includes('\uFFFD'));
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, ' ')}`;
        const folded = fold(line);
        for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
        expect(folded).not.toContain('\uFFFD');
      }),
    );
  });

  it('leaves a short line alone', () => {
    expect(fold('SUMMARY:Review Okta')).toBe('SUMMARY:Review Okta');
  });
});
