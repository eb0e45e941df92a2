/** A workbook is inflated under a hard cap before the spreadsheet library reads it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { checkedEntries, storedZip, XlsxRefused } from '../../../../server/services/questionnaires/xlsx-guard.ts';
import { zipWithLies } from '../../../helpers/xlsx.ts';

const workbook = readFileSync(join(import.meta.dirname, '../../../fixtures/questionnaires/caiq-v4.xlsx'));
const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxRefused) return e.reason;
    throw e;
  }
  return 'accepted';
};

describe('the XLSX guard', () => {
  it('re-packs a workbook the library reads as it reads the original', async () => {
    const entries = checkedEntries(workbook);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet2.xml');
    expect(await readXlsxFile(storedZip(entries))).toEqual(await readXlsxFile(workbook));
  });

  it('refuses an entry that inflates past the cap, whatever size it declares, without inflating it all', () => {
    const bomb = zipWithLies([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 100 }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(refused(() => checkedEntries(bomb, { inflatedBytes: 1024 * 1024, entries: 10 }))).toBe('too-large');
    // Many entries that are each small but together too much.
    const many = zipWithLies(Array.from({ length: 5 }, (_, i) => ({ name: `xl/s${i}.xml`, data: Buffer.alloc(300 * 1024, 0x20) })));
    expect(refused(() => checkedEntries(many, { inflatedBytes: 1024 * 1024, entries: 10 }))).toBe('too-large');
    expect(refused(() => checkedEntries(many, { inflatedBytes: 1024 * 1024, entries: 4 }))).toBe('too-large');
  });

  it('refuses what is not a zip, or a damaged one', () => {
    expect(refused(() => checkedEntries(Buffer.from('Question ID,Question\n')))).toBe('not-a-zip');
    expect(refused(() => checkedEntries(workbook.subarray(0, workbook.length - 30)))).toBe('not-a-zip');
  });

  it('does not inflate what the library never reads (images, binaries)', () => {
    const zip = zipWithLies([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/media/image1.png', data: Buffer.alloc(4 * 1024 * 1024) },
    ]);
    expect(checkedEntries(zip, { inflatedBytes: 1024 * 1024, entries: 10 }).map((e) => e.name)).toEqual(['xl/workbook.xml']);
  });
});
