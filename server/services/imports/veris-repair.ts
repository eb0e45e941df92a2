/**
 * Real VERIS data as it is: a record is refused only for what Vendorscope needs (its id, a usable
 * victim name, a usable incident year, a schema version we can read). Anything else that is
 * invalid (an unknown enumeration, a field the schema does not know, an impossible date in
 * `plus.timeline`) is taken out of the record and reported as a warning naming the field and the
 * value; the record imports without it. PURE apart from the validator it is given.
 */
import { certainlyBefore, parsePartialDate } from '../../domain/partial-date.ts';
import { verisDate } from './veris-map.ts';
import type { VerisProblem } from './veris-schema.ts';

type Json = Record<string, unknown>;

export interface VerisWarning {
  /** The field, as a dotted path into the record (`plus.timeline.notification.month`). */
  readonly field: string;
  /** What it held (cut short when long; null when it was missing). */
  readonly value: unknown;
  readonly message: string;
}

export interface Repaired {
  readonly record: Json;
  readonly warnings: readonly VerisWarning[];
  /** What refuses the record: problems of the fields Vendorscope cannot do without. */
  readonly problems: readonly VerisProblem[];
}

/** More passes than a record needs: taking a field out can empty its list, which the next pass takes out. */
const MAX_PASSES = 5;
const REMOVED = Symbol('removed');

const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const segments = (path: string) => (path === '' ? [] : path.split('.'));
const at = (r: unknown, segs: readonly string[]): unknown => segs.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), r);

/** A value as a warning keeps it: primitives as they are, anything larger as short JSON. */
function shown(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
const words = (v: unknown) => (typeof v === 'string' ? `"${v.length > 60 ? `${v.slice(0, 60)}…` : v}"` : JSON.stringify(shown(v)));

/** Whether a problem touches what Vendorscope cannot do without; its words if so. */
function essential(p: VerisProblem, value: unknown): string | null {
  const s = segments(p.path);
  const field = [...s, ...(p.keyword === 'required' && p.property ? [p.property] : [])].join('.');
  if (p.keyword === 'version' || s[0] === 'schema_version') return p.message;
  if (field === 'incident_id')
    return p.keyword === 'required'
      ? 'incident_id is missing; Vendorscope needs it to recognise the record when it comes again'
      : `incident_id ${words(value)} is not usable: ${p.message}`;
  if (p.keyword === 'required') return null;
  if (field === 'timeline' || field === 'timeline.incident' || field === 'timeline.incident.year') {
    return `${field} ${words(value)} is not a usable incident date (${p.message}); give a year, or leave the date out`;
  }
  if (field === 'victim' || field === 'victim.victim_id') return `${field} ${words(value)} is not a usable victim name (${p.message})`;
  return null;
}

function warningText(p: VerisProblem, field: string, value: unknown, version: string): string {
  switch (p.keyword) {
    case 'required':
      return `${field} is missing (VERIS requires it); imported as unknown`;
    case 'additionalProperties':
      return `${field} is not a field of VERIS ${version}; imported without it`;
    case 'enum':
      return `${field} ${words(value)} is not a VERIS value; imported without it`;
    case 'type':
      return `${field} ${words(value)} should be ${p.expected === 'integer' ? 'a whole number' : `of type ${p.expected ?? 'another type'}`}; imported without it`;
    case 'minimum':
    case 'maximum':
      return `${field} ${words(value)} is out of range (${p.message}); imported without it`;
    case 'minItems':
      return `${field} is an empty list; imported without it`;
    case 'uniqueItems':
      return `${field} repeats a value; imported with each value once`;
    default:
      return `${field} ${words(value)} is not valid (${p.message}); imported without it`;
  }
}

/** Takes out the fields at these paths; array items are removed after, so that indices stay true meanwhile. */
function remove(record: Json, paths: ReadonlyArray<readonly string[]>): void {
  const arrays = new Set<unknown[]>();
  for (const segs of paths) {
    const parent = at(record, segs.slice(0, -1));
    const key = segs.at(-1)!;
    if (Array.isArray(parent)) {
      parent[Number(key)] = REMOVED;
      arrays.add(parent);
    } else if (isObj(parent)) delete parent[key];
  }
  for (const a of arrays) {
    const kept = a.filter((x) => x !== REMOVED);
    a.splice(0, a.length, ...kept);
  }
}

/** The schema's problems, each taken out (or refused, when essential), pass after pass. */
function schemaPass(record: Json, validate: (r: Json) => VerisProblem[], warn: (w: VerisWarning, key: string) => void): VerisProblem[] {
  const version = String(record.schema_version ?? '');
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const problems = validate(record);
    if (problems.length === 0) return [];
    const refusals = problems.flatMap((p) => {
      const message = essential(p, at(record, segments(p.path)));
      return message === null ? [] : [{ ...p, message }];
    });
    if (refusals.length > 0) return refusals;
    const removals: string[][] = [];
    for (const p of problems) {
      const segs = segments(p.path);
      const target = p.keyword === 'additionalProperties' || p.keyword === 'required' ? [...segs, p.property ?? ''] : segs;
      const field = target.join('.');
      const value = at(record, target);
      // One warning a field: a value taken out of a required field is not reported again as missing.
      warn({ field, value: shown(value), message: warningText(p, field, value, version) }, field);
      if (p.keyword === 'required') continue;
      if (p.keyword === 'uniqueItems' && Array.isArray(value)) {
        const once = [...new Map(value.map((x: unknown) => [JSON.stringify(x), x])).values()];
        value.splice(0, value.length, ...once);
      } else removals.push(target);
    }
    if (removals.length === 0) return [];
    remove(record, removals);
  }
  return [];
}

/** A date's parts that make a real date: the year, then the month and day while they do. */
function datePass(record: Json, path: string, warn: (w: VerisWarning, key: string) => void): void {
  const t = at(record, segments(path));
  if (!isObj(t)) return;
  const drop = (part: 'month' | 'day', why: string) => {
    warn({ field: `${path}.${part}`, value: shown(t[part]), message: why }, `${path}.${part}`);
    delete t[part];
  };
  if (typeof t.year === 'number' && (t.year < 1900 || t.year > 2100) && path !== 'timeline.incident') {
    warn({ field: `${path}.year`, value: t.year, message: `${path}.year ${t.year} is not a plausible year; imported without this date` }, `${path}.year`);
    for (const k of Object.keys(t)) delete t[k];
    return;
  }
  if (t.month !== undefined && (typeof t.month !== 'number' || !Number.isInteger(t.month) || t.month < 1 || t.month > 12)) {
    drop(
      'month',
      `${path}.month ${words(t.month)} is not a month (1 to 12); the date is imported as its year alone${typeof t.year === 'number' ? `, ${t.year}` : ''}`,
    );
    delete t.day;
  }
  if (t.day !== undefined && t.month === undefined) drop('day', `${path}.day ${words(t.day)} has no month; imported without it`);
  const full = verisDate(t);
  if (t.day !== undefined && full && !parsePartialDate(full))
    drop('day', `${path}.day ${words(t.day)}: ${full} is not a calendar day; the date is imported as its month, ${full.slice(0, 7)}`);
}

/** The record made importable, with a warning for each thing taken out, or the problems that refuse it. */
export function repairVeris(raw: Json, validate: (r: Json) => VerisProblem[]): Repaired {
  const warnings: VerisWarning[] = [];
  const seen = new Set<string>();
  const warn = (w: VerisWarning, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    warnings.push(w);
  };
  // Most records are sound: they are copied only when something must be taken out.
  const record = validate(raw).length === 0 && !needsDateRepair(raw) ? raw : structuredClone(raw);
  if (record !== raw) {
    const problems = schemaPass(record, validate, warn);
    if (problems.length > 0) return { record, warnings, problems };
    datePass(record, 'timeline.incident', warn);
    datePass(record, 'plus.timeline.notification', warn);
  }
  // VCDB sometimes dates the notification before the incident: a disclosure cannot precede it.
  const incident = verisDate(at(record, ['timeline', 'incident']));
  const notification = verisDate(at(record, ['plus', 'timeline', 'notification']));
  if (incident && notification && certainlyBefore(notification, incident)) {
    warnings.push({
      field: 'plus.timeline.notification',
      value: notification,
      message: `plus.timeline.notification ${notification} is before the incident (${incident}); imported without it`,
    });
    const target = record === raw ? structuredClone(raw) : record;
    delete (at(target, ['plus', 'timeline']) as Json).notification;
    return { record: target, warnings, problems: [] };
  }
  return { record, warnings, problems: [] };
}

/** Whether a record's dates need a look beyond the schema: a month out of range, or a day that is not in its month. */
function needsDateRepair(r: Json): boolean {
  return ['timeline.incident', 'plus.timeline.notification'].some((path) => {
    const t = at(r, segments(path));
    if (!isObj(t) || Object.keys(t).length === 0) return false;
    const d = verisDate(t);
    const yearOk = path === 'timeline.incident' || (typeof t.year === 'number' && t.year >= 1900 && t.year <= 2100);
    return (
      !yearOk ||
      (t.day !== undefined && t.month === undefined) ||
      (t.month !== undefined && typeof t.month !== 'number') ||
      (d !== null && !parsePartialDate(d))
    );
  });
}
