/**
 * The half of a VERIS import that needs no database: reading the body (one object, an array, or
 * NDJSON read line by line), smoothing quirks, checking each record against its schema, repairing
 * what is optional and mapping it to an incident. It runs in the import worker (import-worker.ts),
 * so a large body never holds up other requests; the writing half is veris-import.ts.
 */
import { fieldProblems } from '../../domain/field-problems.ts';
import { incidentInput, type IncidentInput } from '../../domain/incident.ts';
import type { JobError } from '../jobs-service.ts';
import { Capped } from './capped.ts';
import { jsonParseCost } from './parse-cost.ts';
import { mapVeris } from './veris-map.ts';
import { repairVeris } from './veris-repair.ts';
import { smoothQuirks, type VerisProblem } from './veris-schema.ts';

export type OnInvalid = 'reject' | 'skip';

/** A record ready to write: where it came from and the incident it becomes. */
export interface Planned {
  readonly index: number;
  readonly id: string;
  readonly victim: string;
  readonly victimCategory: string;
  readonly incident: IncidentInput;
  readonly warnings: number;
}

/** The problems records have, as both the checking and the import report them: each list the first 1,000, each total all. */
export interface VerisProblems {
  /** Records without a usable id, victim name or incident year (or not JSON). */
  readonly invalid: number;
  /** Problems that refuse the import; nothing was (or would be) written. */
  readonly errors: readonly JobError[];
  readonly errorsTotal: number;
  /** With onInvalid=skip, the problems of the records left out. */
  readonly skipped: readonly JobError[];
  readonly skippedTotal: number;
  /** Fields taken out of records that import without them. */
  readonly warnings: readonly JobError[];
  readonly warningsTotal: number;
}

/** What reading and checking a body found. */
export interface PreparedVeris extends VerisProblems {
  /** How many records the body holds (broken lines included). */
  readonly records: number;
  /** The records to write, the last occurrence of a repeated incident_id winning. */
  readonly planned: readonly Planned[];
}

/**
 * An NDJSON line that is not JSON keeps its place among the records, so that indices stay those of
 * the lines. A class, so that no parsed record can pass for one.
 */
export class BrokenLine {
  constructor(
    readonly line: number,
    readonly message: string,
  ) {}
}

/** Problems that refuse a body before any record is read (it is empty, or not JSON at all). */
export class UnreadableBody extends Error {
  constructor(readonly errors: readonly JobError[]) {
    super('the body is empty or not JSON');
  }
}

/** A body (or one of its lines) whose parse would need more memory than `maxCost` allows (parse-cost.ts). */
export class TooCostly extends Error {
  constructor() {
    super('the body holds more values than one import may read at once; split it (or send VERIS as NDJSON, one record per line)');
    this.name = 'TooCostly';
  }
}

/**
 * The records of a body: a JSON object, a JSON array, or one JSON object per line, with how many
 * there are. NDJSON is read line by line as the records are taken, so only one parsed line is alive
 * at a time; throws UnreadableBody when the body is empty or not JSON at all.
 */
export function readVerisBody(text: string, maxCost = Number.POSITIVE_INFINITY): { total: number; records: Iterable<unknown> } {
  const first = text.search(/\S/);
  if (first < 0) throw new UnreadableBody([{ path: '', message: 'the body is empty' }]);
  try {
    if (jsonParseCost(text) > maxCost) {
      if (text[first] === '[') throw new TooCostly();
      throw new SyntaxError('too large to read as one JSON document');
    }
    const whole = JSON.parse(text) as unknown;
    const records = Array.isArray(whole) ? whole : [whole];
    return { total: records.length, records };
  } catch (e) {
    if (e instanceof TooCostly) throw e;
    let total = 0;
    for (const { text: line } of linesOf(text)) if (line.trim() !== '') total++;
    if (total < 2) throw new UnreadableBody([{ path: '', message: `not valid JSON: ${(e as Error).message.slice(0, 200)}` }]);
    return { total, records: ndjson(text, maxCost) };
  }
}

function* ndjson(text: string, maxCost: number): Generator<unknown> {
  for (const { number, text: line } of linesOf(text)) {
    const first = line.trimStart()[0];
    if (first === undefined) continue;
    // Each line is one record, a JSON object: a line that cannot be one is refused without the cost of a parse error.
    if (first !== '{') {
      yield new BrokenLine(number, 'not a JSON object: each line of NDJSON holds one VERIS record');
      continue;
    }
    if (jsonParseCost(line) > maxCost) {
      yield new BrokenLine(number, 'the line holds more JSON values than one record may');
      continue;
    }
    try {
      yield JSON.parse(line);
    } catch (e) {
      yield new BrokenLine(number, `not valid JSON: ${(e as Error).message.slice(0, 200)}`);
    }
  }
}

/** The lines of a text (LF or CRLF), numbered from 1, without splitting it into an array. */
function* linesOf(text: string): Generator<{ number: number; text: string }> {
  let start = 0;
  for (let number = 1; start <= text.length; number++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield { number, text: text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end) };
    start = end + 1;
  }
}

/** The mapped incident, or its problems; a field that fails our own rules is left out with a warning, as in the repair. */
function parseMapped(
  mapped: Record<string, unknown>,
  warn: (field: string, value: unknown, message: string) => void,
): { incident?: IncidentInput; problems: VerisProblem[] } {
  let candidate = { ...mapped };
  for (let pass = 0; pass < 3; pass++) {
    const parsed = incidentInput.safeParse(candidate);
    if (parsed.success) return { incident: parsed.data, problems: [] };
    const fields = [...new Set(fieldProblems(parsed.error, '').map((p) => p.path.split('.')[0]!))];
    const droppable = fields.filter((f) => f !== 'title' && f in candidate);
    if (droppable.length === 0) return { problems: fieldProblems(parsed.error, '').map((p) => ({ ...p, path: `mapped.${p.path}` })) };
    for (const f of droppable) {
      warn(`mapped.${f}`, candidate[f], `the record's ${f} ${JSON.stringify(candidate[f])} is not valid here; imported without it`);
      candidate = { ...candidate, [f]: Array.isArray(candidate[f]) ? [] : null };
    }
  }
  return { problems: [{ path: 'mapped', message: 'the record could not be mapped to an incident' }] };
}

/** Reads and checks every record; `progress` hears how many have been read. */
export function prepareVeris(
  records: Iterable<unknown>,
  validate: (r: Record<string, unknown>) => VerisProblem[],
  opts: { readonly onInvalid?: OnInvalid; readonly progress?: (done: number) => void } = {},
): PreparedVeris {
  const skipInvalid = opts.onInvalid === 'skip';
  const errors = new Capped<JobError>();
  const skipped = new Capped<JobError>();
  const warnings = new Capped<JobError>();
  let invalid = 0;
  let count = 0;
  // The last occurrence of a repeated incident_id wins: an upsert, never two rows (guide, quirk 2).
  const planned = new Map<string, Planned>();
  for (const raw of records) {
    const index = count++;
    if (index % 500 === 0) opts.progress?.(index);
    const problems: JobError[] = [];
    const fail = (path: string, message: string, id: string | null = null, extra: object = {}) =>
      problems.push({
        path: path.startsWith('lines.') ? path : `records.${index}${path ? `.${path}` : ''}`,
        index,
        id,
        field: path.startsWith('lines.') ? null : path || null,
        message,
        ...extra,
      });
    let id: string | null = null;
    let warned = 0;
    const warn = (field: string, value: unknown, message: string) => {
      warned++;
      warnings.push({ path: `records.${index}.${field}`, index, id, field, value, message });
    };
    if (raw instanceof BrokenLine) fail(`lines.${raw.line}`, raw.message, null, { line: raw.line });
    else if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('', 'expected a VERIS incident object');
    else {
      const smoothed = smoothQuirks(raw as Record<string, unknown>);
      id = typeof smoothed.incident_id === 'string' && smoothed.incident_id.trim() !== '' ? smoothed.incident_id : null;
      const repaired = repairVeris(smoothed, validate);
      if (repaired.problems.length > 0) for (const p of repaired.problems) fail(p.path, p.message, id);
      else {
        for (const w of repaired.warnings) warn(w.field, w.value, w.message);
        const mapped = mapVeris(repaired.record);
        const { incident, problems: mapProblems } = parseMapped(mapped.incident, warn);
        for (const p of mapProblems) fail(p.path, p.message, id);
        if (incident) {
          planned.set(mapped.id.toLowerCase(), {
            index,
            id: mapped.id,
            victim: mapped.victim,
            victimCategory: mapped.victimCategory,
            incident,
            warnings: warned,
          });
        }
      }
    }
    if (problems.length > 0) {
      invalid++;
      for (const p of problems) (skipInvalid ? skipped : errors).push(p);
    }
  }
  opts.progress?.(count);
  if (count === 0) errors.push({ path: '', message: 'no records' });
  return {
    records: count,
    planned: [...planned.values()],
    invalid,
    errors: errors.items,
    errorsTotal: errors.total,
    skipped: skipped.items,
    skippedTotal: skipped.total,
    warnings: warnings.items,
    warningsTotal: warnings.total,
  };
}
