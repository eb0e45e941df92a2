/**
 * A questionnaire answer sheet's cells, whatever it came as: an XLSX workbook (read-excel-file,
 * after xlsx-guard has bounded what it inflates) or CSV text (the project's own reader). Which one
 * is told by the content, never by a name or a declared type. Every sheet of a workbook is read:
 * the CAIQ's answers are not on its first sheet.
 */
import readXlsxFile from 'read-excel-file/node';
import { CsvSyntaxError, parseCsv } from '../imports/csv.ts';
import { ServiceError } from '../errors.ts';
import { checkedEntries, looksLikeZip, storedZip, XlsxRefused } from './xlsx-guard.ts';

export interface Sheet {
  /** The workbook sheet's name; null for CSV. */
  readonly name: string | null;
  /** Cells as text, row by row (1-based row number kept: blank rows are dropped). */
  readonly rows: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
}

export interface ReadSheets {
  readonly kind: 'xlsx' | 'csv';
  readonly sheets: readonly Sheet[];
}

/** More rows than any standard questionnaire has (CAIQ v4: 261 questions; SIG Lite: a few hundred). */
export const MAX_ROWS = 5000;

export const unreadable = (message: string): ServiceError => new ServiceError('unprocessable', 'questionnaire-unreadable', message);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
};

const tooMany = (rows: number) => unreadable(`The sheet has ${rows} rows; at most ${MAX_ROWS} are read (a standard questionnaire has a few hundred).`);

async function readXlsx(bytes: Buffer): Promise<Sheet[]> {
  let entries;
  try {
    entries = checkedEntries(bytes);
  } catch (e) {
    if (!(e instanceof XlsxRefused)) throw e;
    if (e.reason === 'too-large') throw new ServiceError('too-large', 'payload-too-large', e.message);
    throw unreadable(e.message);
  }
  let sheets;
  try {
    sheets = await readXlsxFile(storedZip(entries));
  } catch {
    // The library's messages name its internals; the caller needs to know only that the workbook is not readable.
    throw unreadable('The XLSX workbook could not be read; open it in a spreadsheet and save it again as .xlsx, or export the answers as CSV.');
  }
  return sheets.map((s) => {
    if (s.data.length > MAX_ROWS) throw tooMany(s.data.length);
    const rows = s.data.map((r, i) => ({ line: i + 1, cells: r.map(cellText) })).filter((r) => r.cells.some((c) => c !== ''));
    return { name: s.sheet, rows };
  });
}

function readCsv(bytes: Buffer): Sheet[] {
  let text: string;
  try {
    text = UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // As every text body of the API: bytes that are not UTF-8 are a bad encoding (400), whatever the file is.
    throw new ServiceError(
      'invalid',
      'bad-encoding',
      'The file is neither an XLSX workbook nor UTF-8 CSV text; save the answers as .xlsx, or as CSV in UTF-8.',
    );
  }
  // A NUL is never in CSV text: this is some other binary file that happens to decode.
  if (text.includes('\u0000')) throw unreadable('The file is neither an XLSX workbook nor CSV text.');
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw unreadable(`The CSV cannot be read: ${e.message} (line ${e.line}).`);
    throw e;
  }
  if (records.length > MAX_ROWS) throw tooMany(records.length);
  return [{ name: null, rows: records.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== '')) }];
}

export async function readSheets(bytes: Buffer): Promise<ReadSheets> {
  if (bytes.length === 0) throw unreadable('The file is empty.');
  if (looksLikeZip(bytes)) return { kind: 'xlsx', sheets: await readXlsx(bytes) };
  return { kind: 'csv', sheets: readCsv(bytes) };
}
