/**
 * An XLSX is a zip archive, and a zip can claim small and inflate huge (a zip bomb). Before the
 * spreadsheet library sees a file, every entry it would read is inflated here with a hard cap on
 * the bytes it may produce (zlib's maxOutputLength, never the sizes the archive declares), and the
 * entries are handed on re-packed without compression: the library then reads only what was
 * checked, and nothing it inflates can be bigger than what was counted.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export const XLSX_LIMITS = {
  /** All the XML of a workbook together, inflated. A CAIQ v4 workbook is about 2 MB. */
  inflatedBytes: 40 * 1024 * 1024,
  entries: 2000,
} as const;

export class XlsxRefused extends Error {
  readonly reason: 'not-a-zip' | 'too-large' | 'unsupported';
  constructor(reason: XlsxRefused['reason'], message: string) {
    super(message);
    this.name = 'XlsxRefused';
    this.reason = reason;
  }
}

/** Zip files start with a local file header. */
export const looksLikeZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

interface Entry {
  readonly name: string;
  readonly data: Buffer;
}

/** The entries the spreadsheet library reads (XML and relationships), inflated within the limits. */
export function checkedEntries(bytes: Buffer, limits: { inflatedBytes: number; entries: number } = XLSX_LIMITS): Entry[] {
  if (!looksLikeZip(bytes)) throw new XlsxRefused('not-a-zip', 'The file is not an XLSX workbook (not a zip archive).');
  // End of central directory: the last 22 bytes, or earlier when the archive carries a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxRefused('not-a-zip', 'The XLSX file is damaged: its zip directory is missing.');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (count > limits.entries) throw new XlsxRefused('too-large', `The workbook holds ${count} files; at most ${limits.entries} are read.`);
  const out: Entry[] = [];
  let budget = limits.inflatedBytes;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50)
      throw new XlsxRefused('not-a-zip', 'The XLSX file is damaged: a zip directory entry is unreadable.');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue; // images, printer settings: never read
    if (flags & 0x1) throw new XlsxRefused('unsupported', 'The workbook is encrypted; save it without a password.');
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50)
      throw new XlsxRefused('not-a-zip', 'The XLSX file is damaged: a zip entry is unreadable.');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) throw new XlsxRefused('not-a-zip', 'The XLSX file is damaged: a zip entry runs past the end of the file.');
    const raw = bytes.subarray(start, start + compressed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        // One byte over what is left of the budget is enough to know it is too much.
        data = inflateRawSync(raw, { maxOutputLength: budget + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limits);
        throw new XlsxRefused('not-a-zip', 'The XLSX file is damaged: a zip entry does not inflate.');
      }
    } else throw new XlsxRefused('unsupported', `The workbook uses a zip compression method (${method}) spreadsheets do not use.`);
    budget -= data.length;
    if (budget < 0) throw tooLarge(limits);
    out.push({ name, data });
  }
  return out;
}

const tooLarge = (limits: { inflatedBytes: number }) =>
  new XlsxRefused(
    'too-large',
    `The workbook inflates to more than ${Math.round(limits.inflatedBytes / 1024 / 1024)} MB of XML; it is refused unread (a zip bomb, or far larger than any questionnaire).`,
  );

/** The entries as a zip without compression (method 0), for the library to read. */
export function storedZip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
