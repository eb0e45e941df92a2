/**
 * Several VERIS files sent as one import, PURE: each file (one record, an array, or NDJSON) becomes
 * NDJSON lines, one record a line, and the server's record numbers are mapped back to the file and
 * the record within it. A file that is neither JSON nor NDJSON is named before anything is sent.
 */
import type { RecordPlace } from './imports.ts';

export interface ChosenFile {
  readonly name: string;
  readonly text: string;
}

/** Where one file's records sit in the combined request. */
export interface Segment {
  readonly name: string;
  /** The index of its first record among all of them. */
  readonly first: number;
  readonly count: number;
}

export type Combined = { readonly ok: true; readonly text: string; readonly segments: readonly Segment[] } | { readonly ok: false; readonly message: string };

/** One file's records, as NDJSON lines; a broken NDJSON line goes as it is, for the server to report. */
function linesOf(file: ChosenFile): string[] | string {
  const trimmed = file.text.trim();
  if (trimmed === '') return `${file.name} is empty`;
  try {
    const whole = JSON.parse(trimmed) as unknown;
    return (Array.isArray(whole) ? whole : [whole]).map((r) => JSON.stringify(r));
  } catch (e) {
    const lines = trimmed
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      // NDJSON when its first line is a record; otherwise the file is broken JSON, not a file of lines.
      if (lines.length < 2) throw e;
      JSON.parse(lines[0]!);
    } catch {
      return `${file.name} is neither JSON nor NDJSON (${(e as Error).message})`;
    }
    return lines;
  }
}

export function combineVerisFiles(files: readonly ChosenFile[]): Combined {
  const segments: Segment[] = [];
  const all: string[] = [];
  for (const f of files) {
    const lines = linesOf(f);
    if (typeof lines === 'string') return { ok: false, message: lines };
    segments.push({ name: f.name, first: all.length, count: lines.length });
    all.push(...lines);
  }
  return { ok: true, text: all.join('\n'), segments };
}

/** "b.json, record 2" (several files), or "record 5" (one). */
export function placeIn(segments: readonly Segment[]): RecordPlace {
  return (index) => {
    if (segments.length < 2) return `record ${index + 1}`;
    const s = segments.find((seg) => index >= seg.first && index < seg.first + seg.count);
    return s ? `${s.name}, record ${index - s.first + 1}` : `record ${index + 1}`;
  };
}

/** The files' names for a heading: "a.json", "a.json and b.ndjson", "3 files". */
export function filesLabel(files: readonly ChosenFile[]): string {
  if (files.length === 1) return files[0]!.name;
  if (files.length === 2) return `${files[0]!.name} and ${files[1]!.name}`;
  return `${files.length} files`;
}
