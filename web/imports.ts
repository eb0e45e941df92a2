/**
 * Data in and out, PURE: which content type a VERIS file goes with, the problems of a refused
 * import as table rows, results and progress in words, and the loop that waits for an import job.
 * The data page and its components use these; tested in node.
 */
import { ApiError } from './api/api-error.ts';
import type { ImportOutcome, Job, RestoreResult, VendorImport, VerisImport } from './api/client.ts';
import { undecided, vendorsToWrite, type OnDuplicate } from './vendor-import.ts';

/** The licence and home of the VERIS Community Database, restated (the web takes only types from the server). */
export const VCDB_URL = 'https://github.com/vz-risk/VCDB';
export const VCDB_CREDIT = 'VERIS Community Database (VCDB), CC BY-SA 4.0';
export const CC_BY_SA_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';

export type VerisContentType = 'application/json' | 'application/x-ndjson';

/** NDJSON by its name (.ndjson, .jsonl); anything else is sent as JSON (one object or an array). */
export const verisContentType = (fileName: string): VerisContentType =>
  /\.(ndjson|jsonl)$/i.test(fileName.trim()) ? 'application/x-ndjson' : 'application/json';

/** One problem of a refused import, as a table shows it: where (row or record), which field, why. */
export interface ImportProblem {
  readonly where: string;
  readonly field: string;
  readonly message: string;
}

type Loose = Readonly<Record<string, unknown>>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * A CSV import's problems (`{ path: 'rows.4.tier', row: 4, column: 'tier', message }`). Row 1 is
 * the header, as a spreadsheet numbers it; a problem of the whole file has no row.
 */
export function csvProblems(fields: readonly Loose[]): ImportProblem[] {
  return fields.map((f) => {
    const row = num(f.row);
    return { where: row === null ? 'whole file' : row === 1 ? 'row 1 (header)' : `row ${row}`, field: str(f.column) ?? '', message: String(f.message ?? '') };
  });
}

/** A record by its place in the request: "record 3", or where it came from when several files were sent ("b.json, record 1"). */
export type RecordPlace = (index: number) => string;
const byIndex: RecordPlace = (index) => `record ${index + 1}`;

/**
 * A VERIS import's problems: a record's (`records.3.timeline.incident.year`, with its index and
 * incident id), a line of NDJSON that is not JSON (`lines.7`), or the body's (`path: ''`).
 */
export function verisProblems(fields: readonly Loose[], place: RecordPlace = byIndex): ImportProblem[] {
  return fields.map((f) => {
    const path = String(f.path ?? '');
    const message = String(f.message ?? '');
    const line = num(f.line);
    const index = num(f.index);
    if (line !== null) return { where: index === null || place === byIndex ? `line ${line}` : place(index), field: '', message };
    const id = str(f.id);
    const field = path.replace(/^records\.\d+\.?/, '');
    if (index === null) return { where: 'whole file', field, message };
    return { where: id ? `${place(index)} (${id})` : place(index), field, message };
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A CSV import's counts in words, for a dry run ("would") or the real thing. */
export function vendorImportSummary(r: VendorImport): string {
  const counts = r.dryRun
    ? [`${plural(r.created, 'vendor')} to create`, `${r.updated.toLocaleString('en-US')} to update`, `${r.unchanged.toLocaleString('en-US')} unchanged`]
    : [`${plural(r.created, 'vendor')} created`, `${r.updated.toLocaleString('en-US')} updated`, `${r.unchanged.toLocaleString('en-US')} unchanged`];
  const waiting = r.dryRun ? undecided(r) : 0;
  const more = [
    waiting > 0 ? plural(waiting, 'possible duplicate') : '',
    r.invalid > 0 ? `${plural(r.invalid, 'invalid row')} ${r.dryRun ? 'to leave out' : 'left out'}` : '',
  ].filter(Boolean);
  return `${counts.join(', ')}${more.length ? `; ${more.join('; ')}` : ''}.`;
}

/** The label of the button that confirms a checked CSV: the vendors it writes, or the valid rows when some are not. */
export const importButtonLabel = (r: VendorImport, onDuplicate?: OnDuplicate): string =>
  r.invalid > 0 ? `Import the ${plural(r.rows.length, 'valid row')}` : `Import ${plural(vendorsToWrite(r, onDuplicate), 'vendor')}`;

export function verisSummary(r: VerisImport): string {
  const made = r.vendorsCreated === 0 ? 'no new vendor' : `${plural(r.vendorsCreated, 'new vendor')} (not engaged)`;
  const counts = r.dryRun
    ? `${plural(r.created, 'incident')} to create, ${r.updated.toLocaleString('en-US')} to update; ${made.replace('no new vendor', 'no new vendor to create')}`
    : `${plural(r.created, 'incident')} created, ${r.updated.toLocaleString('en-US')} updated; ${made}`;
  const more = [
    r.warningsTotal > 0 ? plural(r.warningsTotal, 'warning') : '',
    r.invalid > 0 ? `${plural(r.invalid, 'invalid record')} ${r.dryRun ? 'to leave out' : 'left out'}` : '',
  ].filter(Boolean);
  return `${counts}${more.length ? `; ${more.join('; ')}` : ''}.`;
}

/** The label of the button that confirms a checked VERIS file: the records it imports, "valid" when some are not. */
export const verisButtonLabel = (r: VerisImport): string => {
  const n = r.created + r.updated;
  return r.invalid > 0 ? `Import the ${plural(n, 'valid record')}` : `Import ${plural(n, 'record')}`;
};

/** A restore's counts in this order; a kind added to exports later follows, named after its key. */
const RESTORED: Readonly<Record<string, string>> = {
  vendors: 'Vendors',
  incidents: 'Incidents',
  subprocessors: 'Subprocessors',
  mfaRecords: 'MFA records',
  postureFacts: 'Posture facts',
  methodologyVersions: 'Methodology versions',
  snapshots: 'Quarter snapshots',
  reports: 'Reports',
  reviews: 'Reviews',
  documents: 'Documents',
  questionnaireRequests: 'Questionnaire requests',
  questionnaireAnswers: 'Questionnaire answers',
  questionnaireImports: 'Imported questionnaires',
};

const keyLabel = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

/** A restore's counts, labelled. */
export function restoreCounts(r: RestoreResult): Array<readonly [string, number]> {
  const entries = Object.entries(r).filter((e): e is [string, number] => e[0] !== 'mode' && typeof e[1] === 'number');
  const known = Object.keys(RESTORED);
  const rank = (k: string) => (known.includes(k) ? known.indexOf(k) : known.length);
  return entries.sort((a, b) => rank(a[0]) - rank(b[0])).map(([k, n]) => [RESTORED[k] ?? keyLabel(k), n] as const);
}

export const RESTORE_MODE_LABEL = {
  empty: 'Into an empty database',
  merge: 'Merge into this database',
  replace: 'Replace everything',
} as const;

/** Progress in words: "1,000 of 2,400 rows (42%)", then how it ended. */
export function progressText(job: Pick<Job, 'state' | 'done' | 'total'>, unit: string): string {
  const share = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const count = `${job.done.toLocaleString('en-US')} of ${plural(job.total, unit)}`;
  if (job.state === 'succeeded') return `Finished: ${count}.`;
  if (job.state === 'failed') return `Stopped after ${count}; nothing was written.`;
  return `Working: ${count} (${share}%).`;
}

/** Waits `ms`, or rejects with the signal's AbortError as soon as it aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(() => (signal?.removeEventListener('abort', stop), resolve()), ms);
    const stop = () => (clearTimeout(timer), reject(signal?.reason ?? new DOMException('Aborted', 'AbortError')));
    signal?.addEventListener('abort', stop, { once: true });
  });

export interface PollOptions {
  readonly signal?: AbortSignal | undefined;
  readonly intervalMs?: number;
  /** Told of every state seen, the first included: the progress bar follows it. */
  readonly onProgress?: (job: Job) => void;
  readonly wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Asks for the job every `intervalMs` until it is no longer running; an abort stops the loop. */
export async function pollJob(get: (id: string) => Promise<Job>, first: Job, o: PollOptions = {}): Promise<Job> {
  const wait = o.wait ?? sleep;
  let job = first;
  o.onProgress?.(job);
  while (job.state === 'running') {
    await wait(o.intervalMs ?? 400, o.signal);
    job = await get(job.id);
    o.onProgress?.(job);
  }
  return job;
}

/**
 * A finished job as the inline answer would have been: its result, or the same refusal a small
 * import gets (400 `import-invalid` listing every problem), so one view shows both.
 */
export function jobResult<T>(job: Job): T {
  // The job keeps its problems beside its result, not twice: put them back where an inline answer has them.
  if (job.state === 'succeeded') return { ...(job.result as object), errors: job.errors, errorsTotal: job.errorsTotal } as T;
  const general = job.errors.every((e) => e.path === '');
  if (general) throw new ApiError(500, 'import-failed', job.errors[0]?.message ?? 'The import failed; nothing was written.');
  if (job.errors.every((e) => e.duplicateOf)) {
    throw new ApiError(
      409,
      'import-possible-duplicates',
      `${Math.max(job.errorsTotal, job.errors.length).toLocaleString('en-US')} row(s) may duplicate existing vendors; nothing was written.`,
      job.errors,
    );
  }
  throw new ApiError(
    400,
    'import-invalid',
    `${Math.max(job.errorsTotal, job.errors.length).toLocaleString('en-US')} problem(s) found; nothing was written.`,
    job.errors,
  );
}

/** An import's outcome settled: the result at once, or after waiting for its job. */
export async function settle<T>(outcome: ImportOutcome<T>, get: (id: string) => Promise<Job>, o: PollOptions = {}): Promise<T> {
  if (outcome.kind === 'done') return outcome.result;
  return jobResult<T>(await pollJob(get, outcome.job, o));
}

/** A refused import in one line, for the status line above the list of problems. */
export const refusalText = (source: string, e: ApiError): string =>
  `${source} was refused: ${plural(e.fields.length, 'problem')}, listed below; nothing was written.`;

/** Whether a failure is an import's list of bad rows or records, or of possible duplicates (shown as a table, not as an error box). */
export const isImportRefusal = (e: unknown): e is ApiError =>
  e instanceof ApiError &&
  ((e.status === 400 && e.code === 'import-invalid') ||
    (e.status === 409 && e.code === 'import-possible-duplicates') ||
    // Rows whose vendor someone changed since the preview: listed like any refused row.
    (e.status === 412 && e.code === 'edit-conflict' && e.fields.length > 0));

/** An attribution whose text ends with its home in brackets, split so the address can be a link. */
export function attributionParts(text: string): { readonly text: string; readonly url: string | null } {
  const m = /^(.*?)[\s,]*\((https?:\/\/[^\s)]+)\)\s*\.?$/.exec(text.trim());
  return m ? { text: m[1]!, url: m[2]! } : { text: text.trim(), url: null };
}

/** A result that lists the problems of its records (each with its path and message, and more keys). */
export interface WithErrors {
  readonly errors: ReadonlyArray<{ readonly path: string; readonly message: string }>;
  /** How many problems in all (`errors` holds the first 1,000). */
  readonly errorsTotal?: number;
}

/**
 * A finished import that still lists problems (a dry run answers 200 with them) as the refusal a
 * real import gets, so the page shows both the same way.
 */
export function refuseIfErrors<T extends WithErrors>(r: T): T {
  if (r.errors.length === 0) return r;
  throw new ApiError(
    400,
    'import-invalid',
    `${Math.max(r.errorsTotal ?? 0, r.errors.length).toLocaleString('en-US')} problem(s) found; nothing was written.`,
    r.errors,
  );
}
