/**
 * The methodology's parameters for reading and for editing, PURE: grouped by section as the page
 * shows them (each with its value, why and source), the editor's draft of a new version (starting
 * from the version in force), the form's fields read back into the draft, the body PUT and the
 * preview take, and the server's errors placed beside the fields they name. The parameter paths
 * are the rationale's keys, which the API gives in the engine's order; the server checks all.
 */
import type { FactorId } from '../server/domain/methodology.ts';
import type { Methodology, MethodologyBody } from './api/client.ts';
import { MFA_METHOD_LABEL, SEVERITY_LABEL } from './format.ts';

export interface RationaleLine {
  readonly why: string;
  readonly source: string;
}

/** How a value is edited: a number (blank for none), a choice, yes or no, free text, or not at all. */
export type Control = 'number' | 'select' | 'yes-no' | 'text' | 'fixed';

export interface MethodologyDraft {
  readonly version: string;
  readonly note: string;
  /** Every parameter's value, shaped as the API shapes them (`weights`, `support`, `decay`, `bands`…). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Per parameter path, why and from where. Its keys are the parameters, in order. */
  readonly rationale: Readonly<Record<string, RationaleLine>>;
  /** Per value path (`support.accessPoints.admin`), how the form edits it. */
  readonly controls: Readonly<Record<string, Control>>;
}

export const SECTION_LABEL: Readonly<Record<string, string>> = {
  weights: 'Factor weights',
  decay: 'Decay policy',
  incidents: 'Past incidents',
  recurrence: 'Repeat incidents',
  campaigns: 'Campaigns',
  incidentCap: 'Incident cap',
  disclosure: 'Disclosure',
  support: 'Support chain',
  mfa: 'MFA posture',
  impact: 'Impact',
  bands: 'Risk bands',
  confidence: 'Confidence',
  findings: 'Findings',
  reviewTriggers: 'Review triggers',
};

/** "accessPoints" → "access points"; a section not listed above reads the same way. */
export const words = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
export const sectionLabel = (id: string): string => SECTION_LABEL[id] ?? words(id).replace(/^./, (c) => c.toUpperCase());

/** The id of a section's part of the page, for links from a factor to its parameters. */
export const sectionAnchor = (section: string): string => `params-${section}`;

/** The sections a factor's score reads: its own, its weight, and the decay for those built from incidents. */
export function factorSections(factor: FactorId): string[] {
  const decays = factor === 'incidents' || factor === 'recurrence' || factor === 'disclosure';
  return [factor, 'weights', ...(decays ? ['decay'] : [])];
}

export const getAt = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((x, k) => (x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);

/** `o` with the value at `path` replaced (arrays stay arrays). */
export function setAt<T>(o: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const inner = rest.length === 0 ? value : setAt((o as Record<string, unknown>)[head], rest.join('.'), value);
  if (Array.isArray(o)) return (o as unknown[]).map((x, i) => (String(i) === head ? inner : x)) as T;
  return { ...(o as object), [head]: inner } as T;
}

/** The value paths under `path`: the value itself, or each field of a record, each item's fields of a list. */
export function leavesOf(value: unknown, path: string): string[] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leavesOf(v, `${path}.${k}`));
  return [path];
}

const DECAY_KINDS = ['half-life', 'linear'] as const;

/** The choices of a value that has them; undefined for the others. */
export function optionsOf(path: string): ReadonlyArray<{ value: string; label: string }> | undefined {
  if (path === 'decay.kind') return DECAY_KINDS.map((k) => ({ value: k, label: k }));
  if (path === 'mfa.unknownCountsAs.method') return Object.entries(MFA_METHOD_LABEL).map(([value, label]) => ({ value, label }));
  if (/^reviewTriggers\.minIncidentSeverity\.\d$/.test(path)) return Object.entries(SEVERITY_LABEL).map(([value, label]) => ({ value, label }));
  return undefined;
}

function controlOf(path: string, value: unknown): Control {
  if (/^bands\.\d+\.band$/.test(path)) return 'fixed';
  if (optionsOf(path)) return 'select';
  if (typeof value === 'boolean') return 'yes-no';
  if (typeof value === 'string') return 'text';
  return 'number';
}

const controlsOf = (values: Readonly<Record<string, unknown>>, paths: readonly string[]): Record<string, Control> =>
  Object.fromEntries(paths.flatMap((p) => leavesOf(getAt(values, p), p)).map((leaf) => [leaf, controlOf(leaf, getAt(values, leaf))]));

/** The next minor version of a semantic version ("1.0.0" → "1.1.0"); blank for any other label. */
export function nextVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? `${m[1]}.${Number(m[2]) + 1}.0` : '';
}

/** A new version's draft, starting from the version in force: its values and rationale, a new label, no note. */
export function draftOf(m: Methodology): MethodologyDraft {
  const { version, note: _note, createdAt: _at, rationale, ...values } = m;
  return { version: nextVersion(version), note: '', values, rationale, controls: controlsOf(values, Object.keys(rationale)) };
}

export interface ParameterRow {
  readonly path: string;
  /** Its name within its section ("accessPoints"), or the section itself for one that is a single parameter. */
  readonly name: string;
  readonly value: unknown;
  readonly rationale: RationaleLine | undefined;
}

export interface ParameterSection {
  readonly id: string;
  readonly label: string;
  readonly rows: readonly ParameterRow[];
}

/** The parameters grouped by section, in the order the API gives them. */
export function sectionsOf(values: Readonly<Record<string, unknown>>, rationale: Readonly<Record<string, RationaleLine>>): ParameterSection[] {
  const out = new Map<string, ParameterRow[]>();
  for (const path of Object.keys(rationale)) {
    const [section, ...rest] = path.split('.') as [string, ...string[]];
    const rows = out.get(section) ?? out.set(section, []).get(section)!;
    rows.push({ path, name: rest.join('.') || section, value: getAt(values, path), rationale: rationale[path] });
  }
  return [...out].map(([id, rows]) => ({ id, label: sectionLabel(id), rows }));
}

/** A value in words: "low 8, medium 20"; a list item by item ("critical 50, high 30"); none as "none". */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (Array.isArray(v)) return v.map((x: unknown) => (x !== null && typeof x === 'object' ? Object.values(x).map(String).join(' ') : String(x))).join(', ');
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k} ${valueText(x)}`)
      .join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** A leaf's label within its parameter: "admin", "tier 1", the band's name for a band's threshold. */
export function leafLabel(draftValues: Readonly<Record<string, unknown>>, parameter: string, leaf: string): string {
  if (leaf === parameter) return words(parameter.split('.').at(-1)!);
  const rest = leaf.slice(parameter.length + 1);
  const band = /^(\d+)\.minRisk$/.exec(rest);
  if (parameter === 'bands' && band) return `${String(getAt(draftValues, `bands.${band[1]}.band`))} from`;
  if (/^\d$/.test(rest) && parameter !== 'bands') return `tier ${rest}`;
  return words(rest.replaceAll('.', ' '));
}

/** Form field names: a value `v.<leaf>`, a rationale's parts `why.<parameter>` and `src.<parameter>`. */
export const valueName = (leaf: string): string => `v.${leaf}`;
export const whyName = (parameter: string): string => `why.${parameter}`;
export const sourceName = (parameter: string): string => `src.${parameter}`;

const text = (fd: FormData, name: string): string | undefined => {
  const v = fd.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** A typed number as a number, a blank as none, anything else as typed (for the server to name). */
const numberOf = (s: string): unknown => (s.trim() === '' ? null : /^\s*-?\d+(\.\d+)?\s*$/.test(s) ? Number(s) : s);

/** What a decay policy of another kind starts as, keeping its name. */
const decayOfKind = (kind: string, name: string): Record<string, unknown> =>
  kind === 'linear' ? { name, kind, days: 365 } : { name, kind, halfLifeDays: 1095, cutoffDays: null };

/**
 * The draft a form shows now: each field it has read into the draft, the others kept. A decay
 * policy switched to another kind takes that kind's fields (the form then shows them).
 */
export function draftFromForm(fd: FormData, prev: MethodologyDraft): MethodologyDraft {
  let values = prev.values;
  for (const [leaf, control] of Object.entries(prev.controls)) {
    const raw = text(fd, valueName(leaf));
    if (raw === undefined || control === 'fixed') continue;
    const v = control === 'number' ? numberOf(raw) : control === 'yes-no' ? (raw === 'yes' ? true : raw === 'no' ? false : raw) : raw;
    values = setAt(values, leaf, v);
  }
  let controls = prev.controls;
  const kind = getAt(values, 'decay.kind');
  if (typeof kind === 'string' && kind !== getAt(prev.values, 'decay.kind')) {
    values = { ...values, decay: decayOfKind(kind, String(getAt(values, 'decay.name') ?? '')) };
    const others = Object.fromEntries(Object.entries(controls).filter(([k]) => !k.startsWith('decay.')));
    controls = { ...others, ...controlsOf(values, ['decay']) };
  }
  const rationale = Object.fromEntries(
    Object.entries(prev.rationale).map(([p, r]) => [p, { why: text(fd, whyName(p)) ?? r.why, source: text(fd, sourceName(p)) ?? r.source }]),
  );
  return { version: text(fd, 'version') ?? prev.version, note: text(fd, 'note') ?? prev.note, values, rationale, controls };
}

/** The request a draft makes (PUT /methodology, and the preview): blanks trimmed, an empty note as none. */
export function draftBody(d: MethodologyDraft): MethodologyBody {
  const rationale = Object.fromEntries(Object.entries(d.rationale).map(([p, r]) => [p, { why: r.why.trim(), source: r.source.trim() }]));
  return { ...(d.values as Omit<MethodologyBody, 'version' | 'note' | 'rationale'>), version: d.version.trim(), note: d.note.trim() || null, rationale };
}

/**
 * The server's messages (by path under `body`) placed where the form shows them: `version`, `note`,
 * a value `v.<leaf>`, a parameter's row `p.<parameter>` (a record that must add up), a section
 * `s.<section>` (the factor weights), a rationale's `why.<parameter>` or `src.<parameter>`, and
 * anything else under `form`, with its path, so that no refusal goes unsaid.
 */
export function placeErrors(paths: Readonly<Record<string, string>>, d: MethodologyDraft): Record<string, string> {
  const parameters = Object.keys(d.rationale);
  const sections = new Set(parameters.map((p) => p.split('.')[0]));
  const out: Record<string, string> = {};
  const put = (key: string, message: string) => (out[key] = out[key] ? `${out[key]}; ${message}` : message);
  for (const [path, message] of Object.entries(paths)) {
    if (path === 'version' || path === 'note') put(path, message);
    else if (path.startsWith('rationale.')) {
      const rest = path.slice('rationale.'.length);
      const part = /^(.*)\.(why|source)$/.exec(rest);
      if (part && parameters.includes(part[1]!)) put(part[2] === 'why' ? whyName(part[1]!) : sourceName(part[1]!), message);
      else if (parameters.includes(rest)) put(whyName(rest), message);
      else put('form', `rationale of ${rest}: ${message}`);
    } else if (path in d.controls) put(valueName(path), message);
    else if (parameters.includes(path)) put(`p.${path}`, message);
    else if (sections.has(path)) put(`s.${path}`, message);
    else {
      const owner = parameters.find((p) => path.startsWith(`${p}.`));
      put(owner ? `p.${owner}` : 'form', owner ? message : `${path || 'the version'}: ${message}`);
    }
  }
  return out;
}
