/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields with commas, quotes ("") and line breaks,
 * CRLF or LF line ends. And CSV out that a spreadsheet never runs as a formula.
 */

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

export interface CsvRecord {
  /** The line of the file the record starts on (1 = the header). */
  readonly line: number;
  readonly cells: string[];
}

/** Splits CSV text into records; blank lines are skipped. Throws CsvSyntaxError on a broken quote. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldStarted = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (fieldStarted && cell !== '') throw new CsvSyntaxError('a quote inside an unquoted field', line);
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvSyntaxError('a quoted field is never closed', start);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export const neutralize = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A cell as it was before `neutralize`: an exported file imports back as it was. */
export const unneutralize = (value: string): string => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** CSV text (CRLF, as spreadsheets expect) with every text cell neutralized. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  const cell = (v: string | number | boolean | null) => (v === null ? '' : typeof v === 'string' ? quote(neutralize(v)) : String(v));
  return [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}
