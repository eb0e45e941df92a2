/**
 * What accepting answers writes (issue 16), PURE: from the accepted proposals and what is on
 * record, the MFA records, support arrangement, subprocessors and commitments to write, each
 * self-attested, known from the submission day, with the answer it came from. Only what changes is
 * written: an answer that agrees with the record leaves the record (and its evidence) as it is.
 */
import type { MfaRecord } from '../../domain/mfa.ts';
import { subprocessorAsInput, subprocessorInput, type SubprocessorInput, type SubprocessorPatch } from '../../domain/subprocessor.ts';
import { commitmentValue, type Commitment } from '../../domain/commitment.ts';
import type { z } from 'zod';
import type { QuestionnaireSource } from '../../domain/questionnaire.ts';
import type { MfaMethod, MfaPopulation } from '../../domain/vocabulary.ts';
import { SESSION_CONTROLS_PREFIX, type OnRecord, type Proposal, type RowField, type SupportField } from './mapping.ts';

export interface PlanContext {
  readonly vendorId: number;
  readonly requestId: number;
  /** The day the answers were submitted (UTC): the facts' knownFrom and the MFA records' assessedOn. */
  readonly submittedOn: string;
  readonly now: string;
}

/** A subprocessor write: a new one (`create`) or a change to one on record (`patch`). */
export type SubprocessorWrite =
  | { readonly questionId: string; readonly targetId: null; readonly create: SubprocessorInput; readonly source: QuestionnaireSource }
  | { readonly questionId: string; readonly targetId: number; readonly patch: SubprocessorPatch; readonly source: QuestionnaireSource };

export interface Plan {
  readonly mfa: ReadonlyArray<{ readonly questionIds: readonly string[]; readonly record: MfaRecord }>;
  readonly subprocessors: readonly SubprocessorWrite[];
  readonly commitments: ReadonlyArray<{ readonly questionId: string; readonly commitment: Commitment }>;
  /** Accepted answers that cannot become a fact alone, by question id. */
  readonly problems: ReadonlyArray<{ readonly questionId: string; readonly message: string }>;
}

const sourceOf = (ctx: PlanContext, questionId: string): QuestionnaireSource => ({ kind: 'questionnaire', requestId: ctx.requestId, questionId });
const statedIn = (ctx: PlanContext) => `Stated by the vendor in questionnaire request ${ctx.requestId}.`;

/** The evidence text with its support-session controls line set to `controls`. */
export function withSessionControls(evidence: string | null, controls: string): string {
  const kept = (evidence ?? '').split('\n').filter((l) => l !== '' && !l.startsWith(SESSION_CONTROLS_PREFIX));
  return [...kept, `${SESSION_CONTROLS_PREFIX}${controls}`].join('\n');
}

function mfaPlan(accepted: readonly Proposal[], on: OnRecord, ctx: PlanContext, problems: Plan['problems'][number][]): Plan['mfa'] {
  const byPopulation = new Map<MfaPopulation, { method?: MfaMethod; enforced?: boolean; questionIds: string[] }>();
  for (const p of accepted) {
    if (p.data.fact !== 'mfa' || p.changes.length === 0) continue;
    const e = byPopulation.get(p.data.population) ?? { questionIds: [] };
    if (p.data.field === 'method') e.method = p.data.value;
    else e.enforced = p.data.value;
    e.questionIds.push(p.questionId);
    byPopulation.set(p.data.population, e);
  }
  const out: Plan['mfa'][number][] = [];
  for (const [population, e] of byPopulation) {
    const r = on.mfa.find((x) => x.population === population);
    const method = e.method ?? r?.method;
    // An answer about enforcement alone cannot say which method: never claim one it did not answer.
    if (method === undefined) {
      for (const q of e.questionIds)
        problems.push({ questionId: q, message: 'no MFA method is on record for this population: accept the answer naming its method too' });
      continue;
    }
    // A method answered without its enforcement keeps the recorded one; none recorded: not enforced (the weaker reading).
    const enforced = e.enforced ?? r?.enforced ?? false;
    const first = e.questionIds[0]!;
    out.push({
      questionIds: e.questionIds,
      record: {
        population,
        method,
        enforced,
        evidence: 'attestation',
        source: sourceOf(ctx, first),
        assessedOn: ctx.submittedOn,
        notes: r?.notes ?? null,
        knownFrom: ctx.submittedOn,
        confidence: 'self-attested',
      },
    });
  }
  return out;
}

function supportPlan(accepted: readonly Proposal[], on: OnRecord, ctx: PlanContext, problems: Plan['problems'][number][]): SubprocessorWrite[] {
  const parts = accepted.filter((p) => p.data.fact === 'support' && p.changes.length > 0);
  if (parts.length === 0) return [];
  const values = new Map<SupportField, string | number | boolean>();
  let targetId: number | null = null;
  for (const p of parts) {
    if (p.data.fact !== 'support') continue;
    values.set(p.data.field, p.data.value);
    targetId = p.data.targetId;
  }
  const first = parts[0]!.questionId;
  const source = sourceOf(ctx, first);
  const target = targetId === null ? undefined : on.subprocessors.find((s) => s.id === targetId);
  const controls = values.get('sessionControls') as string | undefined;
  if (target) {
    const patch: Record<string, unknown> = { knownFrom: ctx.submittedOn };
    for (const [f, v] of values) {
      if (f === 'provider') patch['name'] = v;
      else if (f === 'sessionControls') patch['evidence'] = withSessionControls(target.evidence, v as string);
      else patch[f] = v;
    }
    return [{ questionId: first, targetId: target.id, patch: patch, source }];
  }
  const accessLevel = values.get('accessLevel');
  if (accessLevel === undefined) {
    for (const p of parts)
      problems.push({ questionId: p.questionId, message: 'no support arrangement is on record: accept the answer about its access to customer tenants too' });
    return [];
  }
  // An arrangement not said to be in-house counts as outsourced (the weaker reading).
  const outsourced = (values.get('outsourced') as boolean | undefined) ?? true;
  const evidence = controls === undefined ? statedIn(ctx) : withSessionControls(statedIn(ctx), controls);
  const create: SubprocessorInput = {
    name: (values.get('provider') as string | undefined) ?? (outsourced ? 'Outsourced support (provider not named)' : 'In-house support'),
    function: 'customer support',
    outsourced,
    accessLevel: accessLevel as SubprocessorInput['accessLevel'],
    artifactsSanitized: (values.get('artifactsSanitized') as boolean | undefined) ?? null,
    retentionDays: (values.get('retentionDays') as number | undefined) ?? null,
    staffMfa: (values.get('staffMfa') as MfaMethod | undefined) ?? null,
    vendorId: null,
    location: (values.get('location') as string | undefined) ?? null,
    since: null,
    until: null,
    evidence,
    sources: [],
    knownFrom: ctx.submittedOn,
  };
  return [{ questionId: first, targetId: null, create, source }];
}

function rowsPlan(accepted: readonly Proposal[], on: OnRecord, ctx: PlanContext): SubprocessorWrite[] {
  const out: SubprocessorWrite[] = [];
  for (const p of accepted) {
    if (p.data.fact !== 'subprocessors' || p.changes.length === 0) continue;
    const source = sourceOf(ctx, p.questionId);
    for (const row of p.data.rows) {
      const v = row.values as Partial<Record<RowField, string | number | boolean>>;
      const target = row.targetId === null ? undefined : on.subprocessors.find((s) => s.id === row.targetId);
      if (target) {
        const changed = (Object.entries(v) as Array<[RowField, string | number | boolean]>).filter(([f, x]) => f !== 'name' && target[f] !== x);
        if (changed.length === 0) continue;
        out.push({
          questionId: p.questionId,
          targetId: target.id,
          patch: { ...Object.fromEntries(changed), knownFrom: ctx.submittedOn },
          source,
        });
        continue;
      }
      out.push({
        questionId: p.questionId,
        targetId: null,
        source,
        create: {
          name: String(v.name),
          function: (v.function as string | undefined) ?? 'subprocessor',
          // A subprocessor is another company: outsourced unless the answer says otherwise.
          outsourced: (v.outsourced as boolean | undefined) ?? true,
          accessLevel: v.accessLevel as SubprocessorInput['accessLevel'],
          artifactsSanitized: (v.artifactsSanitized as boolean | undefined) ?? null,
          retentionDays: (v.retentionDays as number | undefined) ?? null,
          staffMfa: (v.staffMfa as MfaMethod | undefined) ?? null,
          vendorId: null,
          location: (v.location as string | undefined) ?? null,
          since: null,
          until: null,
          evidence: statedIn(ctx),
          sources: [],
          knownFrom: ctx.submittedOn,
        },
      });
    }
  }
  return out;
}

/** "name: Too big: expected string to have <=200 characters": why an answer does not fit the record it would write. */
const unfit = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');

/** The writes whose result would not be a valid record (a name too long for one, a contact that is no e-mail address), as problems. */
function fitProblems(subprocessors: readonly SubprocessorWrite[], commitments: Plan['commitments'], on: OnRecord): Plan['problems'][number][] {
  const out: Plan['problems'][number][] = [];
  for (const w of subprocessors) {
    const target = w.targetId === null ? undefined : on.subprocessors.find((s) => s.id === w.targetId);
    const r = w.targetId === null ? subprocessorInput.safeParse(w.create) : subprocessorInput.safeParse({ ...subprocessorAsInput(target!), ...w.patch });
    if (!r.success) out.push({ questionId: w.questionId, message: `the answer does not fit a subprocessor record (${unfit(r.error)})` });
  }
  for (const c of commitments) {
    const r = commitmentValue[c.commitment.field].safeParse(c.commitment.value);
    if (!r.success) out.push({ questionId: c.questionId, message: `the answer does not fit ${c.commitment.field} (${unfit(r.error)})` });
  }
  return out;
}

/** The writes that accepting these proposals makes (only proposals with changes write anything). */
export function planFor(accepted: readonly Proposal[], on: OnRecord, ctx: PlanContext): Plan {
  const problems: Plan['problems'][number][] = [];
  const mfa = mfaPlan(accepted, on, ctx, problems);
  const subprocessors = [...supportPlan(accepted, on, ctx, problems), ...rowsPlan(accepted, on, ctx)];
  const commitments = accepted.flatMap((p) =>
    p.data.fact === 'commitment' && p.changes.length > 0
      ? [
          {
            questionId: p.questionId,
            commitment: {
              vendorId: ctx.vendorId,
              field: p.data.field,
              value: p.data.value,
              confidence: 'self-attested' as const,
              source: sourceOf(ctx, p.questionId),
              knownFrom: ctx.submittedOn,
              updatedAt: ctx.now,
            },
          },
        ]
      : [],
  );
  problems.push(...fitProblems(subprocessors, commitments, on));
  return { mfa, subprocessors, commitments, problems };
}
