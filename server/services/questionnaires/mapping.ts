/**
 * From answers to facts (issue 16), PURE: which Vendorscope fact each mapped answer would create or
 * change, old → new against what is on record, in words and as data. The template loader calls
 * `checkTemplateMappings` at start; the review shows `proposalsFor`; what the analyst accepts is
 * planned by apply-plan.ts and written by review-service.ts.
 */
import {
  answerValueSchema,
  type Question,
  type QuestionMapping,
  type QuestionnaireTemplate,
  SUBPROCESSOR_COLUMN_FIELDS,
  SUPPORT_FIELDS,
} from '../../domain/questionnaire.ts';
import type { MfaRecord } from '../../domain/mfa.ts';
import type { Subprocessor } from '../../domain/subprocessor.ts';
import type { Commitment, CommitmentField } from '../../domain/commitment.ts';
import { COMMITMENT_LABELS } from '../../domain/commitment.ts';
import { nameKey } from '../../domain/vendor.ts';
import type { AccessLevel, MfaMethod, MfaPopulation } from '../../domain/vocabulary.ts';
import { METHOD_LABELS, POPULATION_LABELS } from '../../scoring/mfa-factor.ts';

export type SupportField = (typeof SUPPORT_FIELDS)[number];
export type RowField = (typeof SUBPROCESSOR_COLUMN_FIELDS)[number];

export const ACCESS_LABELS: Readonly<Record<AccessLevel, string>> = {
  none: 'no access to customer tenants',
  metadata: 'ticket metadata',
  'customer-data': 'customer data',
  'session-artifacts': 'troubleshooting artefacts that can carry session tokens',
  admin: 'impersonation or admin access',
};

const SUPPORT_LABELS: Readonly<Record<SupportField, string>> = {
  provider: 'provider',
  outsourced: 'outsourced',
  location: 'location',
  accessLevel: 'access to customer tenants',
  artifactsSanitized: 'artefacts sanitized on upload',
  retentionDays: 'artefact retention (days)',
  sessionControls: 'support-session controls',
  staffMfa: 'staff MFA',
};
const ROW_LABELS: Readonly<Record<RowField, string>> = {
  name: 'name',
  function: 'function',
  outsourced: 'outsourced',
  accessLevel: 'access to customer tenants',
  location: 'location',
  staffMfa: 'staff MFA',
  artifactsSanitized: 'artefacts sanitized on upload',
  retentionDays: 'artefact retention (days)',
};

export { checkTemplateMappings } from './mapping-checks.ts';

/** What is on record for the vendor, as the review compares answers with it. */
export interface OnRecord {
  readonly mfa: readonly MfaRecord[];
  readonly subprocessors: readonly Subprocessor[];
  readonly commitments: readonly Commitment[];
}

export interface FactChange {
  readonly field: string;
  readonly label: string;
  readonly old: string | null;
  readonly new: string | null;
}

/** One subprocessor a rows answer names: the record it matches (by name), and the values it states. */
export interface RowPlan {
  readonly targetId: number | null;
  readonly values: Readonly<Partial<Record<RowField, string | number | boolean>>>;
}

/** What the answer says, as data: the apply plan reads this. */
export type ProposalData =
  | { readonly fact: 'mfa'; readonly population: MfaPopulation; readonly field: 'method'; readonly value: MfaMethod }
  | { readonly fact: 'mfa'; readonly population: MfaPopulation; readonly field: 'enforced'; readonly value: boolean }
  | { readonly fact: 'support'; readonly targetId: number | null; readonly field: SupportField; readonly value: string | number | boolean }
  | { readonly fact: 'subprocessors'; readonly rows: readonly RowPlan[] }
  | { readonly fact: 'commitment'; readonly field: CommitmentField; readonly value: string | number };

export interface Proposal {
  readonly questionId: string;
  readonly fact: QuestionMapping['fact'];
  /** The fact, in words: "Support staff MFA", "Support arrangement (Sitel)". */
  readonly label: string;
  /** Only what would change; empty when the answer agrees with what is on record. */
  readonly changes: readonly FactChange[];
  readonly feeds: readonly string[];
  readonly data: ProposalData;
}

const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? 'yes' : 'no');
const method = (m: MfaMethod | null | undefined) => (m ? METHOD_LABELS[m] : null);
const days = (n: number | null | undefined) => (n === null || n === undefined ? null : `${n} days`);

/** How a value of a support or row field reads. */
function shown(field: RowField | SupportField, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (field === 'staffMfa') return method(v as MfaMethod);
  if (field === 'accessLevel') return ACCESS_LABELS[v as AccessLevel];
  if (field === 'outsourced' || field === 'artifactsSanitized') return yesNo(v as boolean);
  if (field === 'retentionDays') return days(v as number);
  return String(v);
}

/** The support arrangement on record: the first running one whose function is customer support. */
export function supportArrangement(subprocessors: readonly Subprocessor[]): Subprocessor | undefined {
  return subprocessors.find((s) => s.until === null && /support/i.test(s.function));
}

export const SESSION_CONTROLS_PREFIX = 'Support-session controls: ';

/** The support-session controls line of an arrangement's evidence, or null. */
export function sessionControlsOf(evidence: string | null): string | null {
  return (
    evidence
      ?.split('\n')
      .find((l) => l.startsWith(SESSION_CONTROLS_PREFIX))
      ?.slice(SESSION_CONTROLS_PREFIX.length) ?? null
  );
}

/** What a support field of an arrangement holds, in the answer's terms. */
function supportValue(s: Subprocessor, field: SupportField): string | number | boolean | null {
  switch (field) {
    case 'provider':
      return s.name;
    case 'sessionControls':
      return sessionControlsOf(s.evidence);
    default:
      return s[field];
  }
}

const rowValue = (s: Subprocessor, field: RowField) => s[field];

/** An answer's value as the question takes it; undefined when it does not fit (the respond API refuses those). */
function valueOf(q: Question, value: unknown): unknown {
  const r = answerValueSchema(q).safeParse(value);
  return r.success ? r.data : undefined;
}

/** A whole number of days: retention and notice periods are kept in days. */
const wholeDays = (n: number) => Math.ceil(n);

function mfaProposal(q: Question, m: Extract<QuestionMapping, { fact: 'mfa' }>, v: unknown, on: OnRecord): Proposal {
  const r = on.mfa.find((x) => x.population === m.population);
  const label = `${POPULATION_LABELS[m.population]} MFA`;
  const base = { questionId: q.id, fact: 'mfa' as const, label, feeds: q.feeds };
  if (m.field === 'method') {
    const value = v as MfaMethod;
    const changes = r?.method === value ? [] : [{ field: 'method', label: `${label}: method`, old: method(r?.method), new: method(value) }];
    return { ...base, changes, data: { fact: 'mfa', population: m.population, field: 'method', value } };
  }
  const value = v as boolean;
  const changes = r?.enforced === value ? [] : [{ field: 'enforced', label: `${label}: enforced`, old: yesNo(r?.enforced), new: yesNo(value) }];
  return { ...base, changes, data: { fact: 'mfa', population: m.population, field: 'enforced', value } };
}

function supportProposal(q: Question, field: SupportField, v: unknown, on: OnRecord): Proposal {
  const target = supportArrangement(on.subprocessors);
  const value: string | number | boolean =
    field === 'sessionControls'
      ? Array.isArray(v)
        ? (v as string[]).map((c) => q.options?.find((o) => o.value === c)?.label ?? c).join('; ') || 'none'
        : String(v)
      : field === 'retentionDays'
        ? wholeDays(v as number)
        : (v as string | number | boolean);
  const old = target ? supportValue(target, field) : null;
  const changes = old === value ? [] : [{ field, label: `Support arrangement: ${SUPPORT_LABELS[field]}`, old: shown(field, old), new: shown(field, value) }];
  return {
    questionId: q.id,
    fact: 'support',
    label: target ? `Support arrangement (${target.name})` : 'Support arrangement (new)',
    changes,
    feeds: q.feeds,
    data: { fact: 'support', targetId: target?.id ?? null, field, value },
  };
}

function rowsProposal(q: Question, v: unknown, on: OnRecord): Proposal {
  const rows = (v as Array<Record<string, unknown>>).map((row): RowPlan => {
    const values: Partial<Record<RowField, string | number | boolean>> = {};
    for (const c of q.columns ?? []) {
      const x = row[c.id];
      if (!c.field || x === null || x === undefined) continue;
      values[c.field] = c.field === 'retentionDays' ? wholeDays(x as number) : (x as string | number | boolean);
    }
    const target = on.subprocessors.find((s) => nameKey(s.name) === nameKey(String(values.name ?? '')));
    return { targetId: target?.id ?? null, values };
  });
  const changes = rows.flatMap((r, i) => {
    const target = r.targetId === null ? undefined : on.subprocessors.find((s) => s.id === r.targetId);
    const who = String(r.values.name);
    return (Object.entries(r.values) as Array<[RowField, string | number | boolean]>)
      .filter(([f, x]) => !target || rowValue(target, f) !== x)
      .filter(([f]) => !(target && f === 'name'))
      .map(([f, x]) => ({ field: `rows.${i}.${f}`, label: `${who}: ${ROW_LABELS[f]}`, old: target ? shown(f, rowValue(target, f)) : null, new: shown(f, x) }));
  });
  return {
    questionId: q.id,
    fact: 'subprocessors',
    label: `Subprocessors with tenant access (${rows.length})`,
    changes,
    feeds: q.feeds,
    data: { fact: 'subprocessors', rows },
  };
}

function commitmentProposal(q: Question, field: CommitmentField, v: unknown, on: OnRecord): Proposal {
  const value = field === 'notifyWithinDays' ? wholeDays(v as number) : String(v);
  const old = on.commitments.find((c) => c.field === field)?.value ?? null;
  const show = (x: string | number | null) => (x === null ? null : field === 'notifyWithinDays' ? days(x as number) : String(x));
  const changes = old === value ? [] : [{ field, label: COMMITMENT_LABELS[field], old: show(old), new: show(value) }];
  return { questionId: q.id, fact: 'commitment', label: COMMITMENT_LABELS[field], changes, feeds: q.feeds, data: { fact: 'commitment', field, value } };
}

/**
 * Per mapped question with an answer that fits it, the fact it would create or change: keyed by
 * question id. Unmapped questions, and answers that do not fit their question, have none.
 */
export function proposalsFor(t: QuestionnaireTemplate, answers: ReadonlyArray<{ questionId: string; value: unknown }>, on: OnRecord): Map<string, Proposal> {
  const out = new Map<string, Proposal>();
  const byId = new Map(answers.map((a) => [a.questionId, a.value]));
  for (const q of t.sections.flatMap((s) => s.questions)) {
    const m = q.maps;
    if (!m || !byId.has(q.id)) continue;
    const v = valueOf(q, byId.get(q.id));
    if (v === undefined) continue;
    out.set(
      q.id,
      m.fact === 'mfa'
        ? mfaProposal(q, m, v, on)
        : m.fact === 'support'
          ? supportProposal(q, m.field, v, on)
          : m.fact === 'subprocessors'
            ? rowsProposal(q, v, on)
            : commitmentProposal(q, m.field, v, on),
    );
  }
  return out;
}
