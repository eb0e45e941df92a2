/**
 * The what-if panel's state and what it asks the API, PURE. A draft holds only what the user
 * changed (anything left out stays as recorded); `whatIfChange` turns it into the body of
 * POST /vendors/:id/what-if, and `findingChanges` / `delta` read the answer.
 */
import type { Finding } from '../server/http/contract.ts';
import type { DataAccess, EnvironmentAccess, MfaMethod } from '../server/domain/vocabulary.ts';
import type { WhatIfRequest } from './api/client.ts';

/** The populations the panel lets one change: the ones the Okta story turns on. */
export const WHAT_IF_POPULATIONS = ['support', 'admins'] as const;
export type WhatIfPopulation = (typeof WHAT_IF_POPULATIONS)[number];

export interface MfaChoice {
  readonly method: MfaMethod;
  readonly enforced: boolean;
}

/** A subprocessor's hypothetical changes; a field left out stays as recorded. */
export interface SubprocessorChoice {
  readonly remove?: boolean;
  readonly artifactsSanitized?: boolean;
  readonly staffMfa?: MfaMethod;
}

export interface Relationship {
  readonly tier: number;
  readonly dataAccess: DataAccess;
  readonly environmentAccess: EnvironmentAccess;
}

export interface WhatIfDraft {
  readonly mfa: Readonly<Partial<Record<WhatIfPopulation, MfaChoice>>>;
  readonly subprocessors: Readonly<Record<number, SubprocessorChoice>>;
  readonly relationship: Readonly<Partial<Relationship>>;
}

export const EMPTY_DRAFT: WhatIfDraft = { mfa: {}, subprocessors: {}, relationship: {} };

/** The request body for a draft, against the relationship on record (a "change" to the current value is none). */
export function whatIfChange(draft: WhatIfDraft, current: Relationship, asOf?: string): WhatIfRequest {
  const out: { -readonly [K in keyof WhatIfRequest]: WhatIfRequest[K] } = {};
  if (asOf) out.asOf = asOf;
  const mfa = WHAT_IF_POPULATIONS.flatMap((population) => {
    const c = draft.mfa[population];
    return c ? [{ population, method: c.method, enforced: c.enforced }] : [];
  });
  if (mfa.length > 0) out.mfa = mfa;
  const entries = Object.entries(draft.subprocessors).map(([id, c]) => [Number(id), c] as const);
  const removed = entries.filter(([, c]) => c.remove).map(([id]) => id);
  if (removed.length > 0) out.removeSubprocessorIds = removed;
  const changed = entries.flatMap(([id, c]) => {
    if (c.remove) return [];
    const fields = {
      ...(c.artifactsSanitized === undefined ? {} : { artifactsSanitized: c.artifactsSanitized }),
      ...(c.staffMfa === undefined ? {} : { staffMfa: c.staffMfa }),
    };
    return Object.keys(fields).length > 0 ? [{ id, ...fields }] : [];
  });
  if (changed.length > 0) out.subprocessors = changed;
  const rel = (Object.keys(draft.relationship) as Array<keyof Relationship>).filter(
    (k) => draft.relationship[k] !== undefined && draft.relationship[k] !== current[k],
  );
  if (rel.length > 0) out.relationship = Object.fromEntries(rel.map((k) => [k, draft.relationship[k]]));
  return out;
}

/** True when the request would change nothing (only an `asOf`, or nothing at all). */
export const isNoChange = (change: WhatIfRequest): boolean => Object.keys(change).every((k) => k === 'asOf');

/** The draft without changes to subprocessors that are gone (deleted since the draft was made). */
export function pruneDraft(draft: WhatIfDraft, subprocessorIds: readonly number[]): WhatIfDraft {
  const keep = Object.entries(draft.subprocessors).filter(([id]) => subprocessorIds.includes(Number(id)));
  if (keep.length === Object.keys(draft.subprocessors).length) return draft;
  return { ...draft, subprocessors: Object.fromEntries(keep) };
}

/** Findings the change would settle, and findings it would raise, by finding id (a rule and what it is about). */
export function findingChanges(before: readonly Finding[], after: readonly Finding[]): { gone: Finding[]; appeared: Finding[] } {
  const was = new Set(before.map((f) => f.id));
  const is = new Set(after.map((f) => f.id));
  return { gone: before.filter((f) => !is.has(f.id)), appeared: after.filter((f) => !was.has(f.id)) };
}

export interface Delta {
  readonly direction: 'up' | 'down' | 'none';
  /** "▲ 3.1", "▼ 5.2" or "no change": the arrow and the number, never the colour alone. */
  readonly text: string;
  /** The same for a screen reader: "5.2 lower". */
  readonly spoken: string;
}

export function delta(n: number): Delta {
  const size = Math.abs(n).toFixed(1);
  if (size === '0.0') return { direction: 'none', text: 'no change', spoken: 'no change' };
  return n > 0 ? { direction: 'up', text: `▲ ${size}`, spoken: `${size} higher` } : { direction: 'down', text: `▼ ${size}`, spoken: `${size} lower` };
}
