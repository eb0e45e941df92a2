/**
 * What one CSV row would do, PURE: which vendor it updates, and how. A row updates the vendor
 * its `id` names (the only way to rename one), else the vendor whose name or alias it names (case
 * and spacing ignored; the stored name stays). A row that matches neither creates a vendor, unless
 * its website's domain is an existing vendor's: then it is a possible duplicate, created or skipped
 * only as `onDuplicate` says. Every update lists its field-level changes.
 */
import { fieldProblems } from '../../domain/field-problems.ts';
import { domainOf, nameKey, vendorInput, type Vendor, type VendorInput } from '../../domain/vendor.ts';
import { FIELD_COLUMNS, quoted, REQUIRED_FOR_NEW, type Column, type FieldColumn } from './vendor-cells.ts';
import type { VendorIndex } from './vendor-index.ts';

export type OnDuplicate = 'create' | 'skip';
export type FieldValue = string | number | boolean | string[] | null;

export interface FieldChange {
  readonly field: FieldColumn;
  readonly from: FieldValue;
  readonly to: FieldValue;
}

/** The existing vendor a new row resembles by its website's domain alone. */
export interface DuplicateOf {
  readonly vendorId: number;
  readonly name: string;
  readonly domain: string;
}

export interface RowPlan {
  /** The row's line in the file (1 is the header). */
  readonly row: number;
  /** `duplicate`: a possible duplicate awaiting `onDuplicate`; `skip`: one it skips. */
  readonly action: 'create' | 'update' | 'unchanged' | 'duplicate' | 'skip';
  readonly name: string;
  readonly vendorId: number | null;
  /** An update's changes, field by field. */
  readonly changes?: readonly FieldChange[];
  readonly duplicateOf?: DuplicateOf;
  /** The version of the vendor the row updates (or leaves unchanged), as read when the row was planned. */
  readonly version?: number;
}

export interface RowProblem {
  readonly column: string | null;
  readonly message: string;
}

export type Planned =
  | { readonly ok: true; readonly plan: RowPlan; readonly input: VendorInput; readonly target: Vendor | null }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

/** What earlier rows of the file took: names and aliases (by key), and the vendors they update. */
export class FileClaims {
  readonly names = new Map<string, number>();
  readonly targets = new Map<number, number>();
}

export interface RowContext {
  readonly index: VendorIndex;
  readonly claims: FileClaims;
  readonly onDuplicate: OnDuplicate | undefined;
  /** The day a not-engaged vendor that a row engages is engaged from, unless the row says. */
  readonly today: string;
}

/** A vendor as the fields an import may set. */
export function asInput(v: Vendor): VendorInput {
  const { id: _i, domain: _d, incidentCount: _c, createdAt: _ca, updatedAt: _u, version: _v, ...rest } = v;
  return rest;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const engaged = (status: string) => status !== 'not-engaged';
const whose = (via: 'name' | 'alias', v: Vendor) => `${via === 'name' ? 'the name' : 'an alias'} of ${v.name} (id ${v.id})`;

/** Where the row points: the vendor it updates and whether it renames it, or a problem. */
function targetOf(given: Partial<Record<Column, unknown>>, index: VendorIndex): { target: Vendor | null; rename: boolean } | RowProblem {
  const name = given.name as string | undefined;
  if (given.id !== undefined) {
    const target = index.byId(given.id as number);
    if (!target) return { column: 'id', message: `no vendor has id ${String(given.id)}; leave id empty to create a vendor` };
    const other = name === undefined ? undefined : index.byName(name);
    if (other && other.vendor.id !== target.id) {
      return {
        column: 'name',
        message: `name ${quoted(name!)} is ${whose(other.via, other.vendor)}; the row's id is ${target.name}'s, and renaming it to another vendor's name is not allowed`,
      };
    }
    return { target, rename: name !== undefined && name !== target.name };
  }
  const match = name === undefined ? undefined : index.byName(name);
  return { target: match?.vendor ?? null, rename: false };
}

export function planRow(ctx: RowContext, row: number, given: Partial<Record<Column, unknown>>): Planned {
  const fail = (...problems: RowProblem[]): Planned => ({ ok: false, problems });
  const pointed = targetOf(given, ctx.index);
  if ('message' in pointed) return fail(pointed);
  const { target, rename } = pointed;

  const set: Partial<Record<FieldColumn, unknown>> = {};
  for (const c of FIELD_COLUMNS) if (given[c] !== undefined) set[c] = given[c];
  // Matched by name or alias, the row keeps the stored name: only an id renames.
  if (target && !rename) delete set.name;
  if (!target) {
    const missing = REQUIRED_FOR_NEW.filter((c) => set[c] === undefined);
    if (missing.length > 0) {
      return fail(...missing.map((c) => ({ column: c, message: `${c} is required to create a vendor (this row matches no vendor by id, name or alias)` })));
    }
  }
  const base = target ? asInput(target) : {};
  // A vendor we start doing business with is engaged from today, unless the row says when.
  const engagedNow = target && !engaged(target.status) && typeof set.status === 'string' && engaged(set.status) && set.engagedSince === undefined;
  const merged: Record<string, unknown> = { ...base, ...set, ...(engagedNow ? { engagedSince: ctx.today } : {}) };
  const parsed = vendorInput.safeParse(merged);
  if (!parsed.success) {
    // The cells were each read in words already; what is left are rules across fields (an alias that is the name).
    return fail(
      ...fieldProblems(parsed.error, '').map((p) => {
        const [column = null, ...rest] = p.path.split('.');
        const at = rest.reduce<unknown>(
          (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
          column ? merged[column] : undefined,
        );
        return { column, message: `${column ?? 'the row'}${typeof at === 'string' ? ` ${quoted(at)}` : ''} ${p.message}` };
      }),
    );
  }
  const input = parsed.data;

  const problems: RowProblem[] = [];
  const key = nameKey(input.name);
  const earlierTarget = target ? ctx.claims.targets.get(target.id) : undefined;
  if (earlierTarget !== undefined)
    problems.push({ column: given.id !== undefined ? 'id' : 'name', message: `updates the same vendor as row ${earlierTarget} (${target!.name})` });
  const earlierName = ctx.claims.names.get(key);
  if (earlierName !== undefined && earlierTarget === undefined)
    problems.push({ column: 'name', message: `name ${quoted(input.name)} is also a name or alias in row ${earlierName} (case and spacing are ignored)` });
  for (const alias of input.aliases) {
    const taken = ctx.index.byName(alias);
    if (taken && taken.vendor.id !== target?.id)
      problems.push({ column: 'aliases', message: `aliases ${quoted(alias)} is already ${whose(taken.via, taken.vendor)}` });
    else if (ctx.claims.names.has(nameKey(alias)))
      problems.push({ column: 'aliases', message: `aliases ${quoted(alias)} is also a name or alias in row ${ctx.claims.names.get(nameKey(alias))}` });
  }
  if (problems.length > 0) return fail(...problems);

  let plan: RowPlan;
  if (target) {
    const changes = FIELD_COLUMNS.filter((c) => !same(input[c], target[c])).map((c): FieldChange => ({
      field: c,
      from: target[c] ?? null,
      to: input[c] ?? null,
    }));
    plan = { row, action: changes.length > 0 ? 'update' : 'unchanged', name: input.name, vendorId: target.id, changes, version: target.version };
  } else {
    const domain = domainOf(input.website);
    const like = domain ? ctx.index.byDomain(domain) : undefined;
    const duplicateOf = like && domain ? { vendorId: like.id, name: like.name, domain } : undefined;
    const action = !duplicateOf ? 'create' : ctx.onDuplicate === 'create' ? 'create' : ctx.onDuplicate === 'skip' ? 'skip' : 'duplicate';
    plan = { row, action, name: input.name, vendorId: null, ...(duplicateOf ? { duplicateOf } : {}) };
  }
  if (plan.action !== 'skip') {
    if (target) ctx.claims.targets.set(target.id, row);
    for (const k of [key, ...input.aliases.map(nameKey)]) ctx.claims.names.set(k, row);
  }
  return { ok: true, plan, input, target };
}

/** A possible duplicate as a problem: what refuses an import that did not say what to do with it. */
export const duplicateMessage = (d: DuplicateOf): string =>
  `possible duplicate of ${d.name} (id ${d.vendorId}): the website's domain ${d.domain} is theirs, but the name is not; import again with onDuplicate=create to create it anyway or onDuplicate=skip to leave it out, or give the row ${d.name}'s id (or name) to update it`;
