/**
 * A what-if draft in the dossier's query string and back, PURE, so that a link opens the same
 * what-if. Readable keys, each under `wi.` (the dossier's other query keys stay free):
 *   wi.mfa.support=fido2,enforced   wi.mfa.admins=totp,not-enforced
 *   wi.remove=3,7                   (subprocessors removed)
 *   wi.sanitized.3=yes|no           wi.staffMfa.3=fido2
 *   wi.tier=2  wi.dataAccess=restricted  wi.environmentAccess=none
 * Reading is forgiving: a value it does not know is left out (a hand-edited link degrades to
 * "as recorded", never to an error), and the server still validates what is sent.
 */
import type { MfaMethod } from '../server/domain/vocabulary.ts';
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, MFA_METHOD_LABEL } from './format.ts';
import { EMPTY_DRAFT, WHAT_IF_POPULATIONS, type MfaChoice, type Relationship, type SubprocessorChoice, type WhatIfDraft } from './what-if.ts';

export const WHAT_IF_PREFIX = 'wi.';

// The web takes only types from the server: the vocabularies' values are the keys of their labels.
const known = (labels: object, v: string | undefined) => v !== undefined && Object.hasOwn(labels, v);
const isMethod = (v: string | undefined): v is MfaMethod => known(MFA_METHOD_LABEL, v);
const ID = /^[1-9]\d{0,14}$/;

/** The query parameters of a draft (empty for no change), in a stable order. */
export function draftToQuery(draft: WhatIfDraft): Record<string, string> {
  const q: Record<string, string> = {};
  for (const p of WHAT_IF_POPULATIONS) {
    const c = draft.mfa[p];
    if (c) q[`${WHAT_IF_PREFIX}mfa.${p}`] = `${c.method},${c.enforced ? 'enforced' : 'not-enforced'}`;
  }
  const subs = Object.entries(draft.subprocessors)
    .map(([id, c]) => [Number(id), c] as const)
    .sort(([a], [b]) => a - b);
  const removed = subs.filter(([, c]) => c.remove).map(([id]) => id);
  if (removed.length > 0) q[`${WHAT_IF_PREFIX}remove`] = removed.join(',');
  for (const [id, c] of subs) {
    if (c.remove) continue; // a removed subprocessor's other changes mean nothing
    if (c.artifactsSanitized !== undefined) q[`${WHAT_IF_PREFIX}sanitized.${id}`] = c.artifactsSanitized ? 'yes' : 'no';
    if (c.staffMfa !== undefined) q[`${WHAT_IF_PREFIX}staffMfa.${id}`] = c.staffMfa;
  }
  const r = draft.relationship;
  if (r.tier !== undefined) q[`${WHAT_IF_PREFIX}tier`] = String(r.tier);
  if (r.dataAccess !== undefined) q[`${WHAT_IF_PREFIX}dataAccess`] = r.dataAccess;
  if (r.environmentAccess !== undefined) q[`${WHAT_IF_PREFIX}environmentAccess`] = r.environmentAccess;
  return q;
}

/** The draft a query string holds (EMPTY_DRAFT when it holds none). */
export function draftFromQuery(query: URLSearchParams): WhatIfDraft {
  const get = (k: string) => query.get(WHAT_IF_PREFIX + k) ?? undefined;
  const mfa: Partial<Record<(typeof WHAT_IF_POPULATIONS)[number], MfaChoice>> = {};
  for (const p of WHAT_IF_POPULATIONS) {
    const [method, enforced] = (get(`mfa.${p}`) ?? '').split(',');
    if (isMethod(method) && (enforced === 'enforced' || enforced === 'not-enforced')) mfa[p] = { method, enforced: enforced === 'enforced' };
  }
  const subprocessors: Record<number, SubprocessorChoice> = {};
  const edit = (id: number, c: SubprocessorChoice) => (subprocessors[id] = { ...subprocessors[id], ...c });
  for (const id of (get('remove') ?? '').split(',')) if (ID.test(id)) edit(Number(id), { remove: true });
  for (const [key, value] of query) {
    const m = /^wi\.(sanitized|staffMfa)\.([1-9]\d{0,14})$/.exec(key);
    if (!m || subprocessors[Number(m[2])]?.remove) continue;
    if (m[1] === 'sanitized' && (value === 'yes' || value === 'no')) edit(Number(m[2]), { artifactsSanitized: value === 'yes' });
    if (m[1] === 'staffMfa' && isMethod(value)) edit(Number(m[2]), { staffMfa: value });
  }
  const relationship: { -readonly [K in keyof Relationship]?: Relationship[K] } = {};
  const tier = get('tier');
  if (tier && /^[1-4]$/.test(tier)) relationship.tier = Number(tier);
  const data = get('dataAccess');
  if (known(DATA_ACCESS_LABEL, data)) relationship.dataAccess = data as Relationship['dataAccess'];
  const env = get('environmentAccess');
  if (known(ENVIRONMENT_ACCESS_LABEL, env)) relationship.environmentAccess = env as Relationship['environmentAccess'];
  const empty = Object.keys(mfa).length === 0 && Object.keys(subprocessors).length === 0 && Object.keys(relationship).length === 0;
  return empty ? EMPTY_DRAFT : { mfa, subprocessors, relationship };
}

/** The query without its what-if keys: what the rest of the page keeps when the draft changes. */
export function withoutDraft(query: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...query].filter(([k]) => !k.startsWith(WHAT_IF_PREFIX)));
}
