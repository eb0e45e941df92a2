/**
 * The one place an imported sheet's readings become facts (CAIQ v4 and SIG Lite alike). Called
 * inside the import's transaction.
 *
 * A reading becomes a self-attested fact, as an accepted questionnaire answer does, its source the
 * answer it was read from (`{ kind: "questionnaire-import", importId, questionId }`), known from
 * the sheet's day: an MFA record (evidence "attestation", through the MFA service one population at
 * a time) or a vendor commitment (days to notify customers of a breach, through the commitments
 * service).
 *
 * What is on record is not overwritten by weaker evidence: an MFA record resting on an audit report
 * or on observation stays; a Yes that names no method says less than any record and never replaces
 * one; a record or commitment known after the sheet's day stays; a commitment an analyst recorded
 * stays.
 */
import type { Actor } from '../../domain/account.ts';
import type { MfaRecord } from '../../domain/mfa.ts';
import { commitmentValue, type Commitment } from '../../domain/commitment.ts';
import { SELF_ATTESTED } from '../../domain/questionnaire.ts';
import { FORMAT_TITLES, type ImportFormat, type ImportSource, type MappedAnswer } from '../../domain/questionnaire-import.ts';
import { MFA_METHODS, type MfaPopulation } from '../../domain/vocabulary.ts';
import type { MfaService } from '../mfa-service.ts';
import type { CommitmentsService } from '../commitments-service.ts';
import { METHOD_LABELS } from '../../scoring/mfa-factor.ts';
import { certainlyBefore } from '../../domain/partial-date.ts';
import type { Reading } from './standard-mappings.ts';

export interface PendingFact {
  readonly questionId: string;
  readonly question: string;
  readonly answer: string;
  readonly detail: string | null;
  readonly target: string;
  readonly label: string;
  readonly fact: MappedAnswer['fact'];
  readonly reading: Reading | null;
}

export interface FactContext {
  readonly mfa: MfaService;
  readonly commitments: CommitmentsService;
  readonly actor: Actor;
  readonly vendorId: number;
  readonly importId: number;
  readonly format: ImportFormat;
  /** YYYY-MM-DD: the facts' knownFrom and the day their evidence speaks for. */
  readonly knownFrom: string;
  /** The import's time: a commitment's updatedAt. */
  readonly now: string;
}

const INDEPENDENT = new Set(['audit-report', 'observed']);
const rank = (r: Reading & { fact: 'mfa' }) => MFA_METHODS.indexOf(r.method) * 2 + (r.enforced ? 1 : 0);

/** Why the MFA record on file stays, or null when the reading may replace it. */
function keeps(onRecord: MfaRecord | undefined, r: Reading & { fact: 'mfa' }, knownFrom: string): string | null {
  if (!onRecord) return null;
  const held = `on record: ${METHOD_LABELS[onRecord.method]}, ${onRecord.enforced ? 'enforced' : 'not enforced'} (${onRecord.evidence}, ${onRecord.assessedOn})`;
  if (INDEPENDENT.has(onRecord.evidence)) return `${held}; independent evidence is kept over the vendor's own word`;
  if (!r.methodNamed) return `${held}; the answer names no method and says less than the record`;
  if (certainlyBefore(knownFrom, onRecord.assessedOn)) return `${held}; the record speaks for a later day than the sheet`;
  if (onRecord.method === r.method && onRecord.enforced === r.enforced) return `${held}; the answer agrees with it`;
  return null;
}

/** Why the commitment on file stays, or null when the reading may replace it. */
function keepsCommitment(onRecord: Commitment | undefined, days: number, knownFrom: string): string | null {
  if (!onRecord) return null;
  const held = `on record: within ${String(onRecord.value)} day(s) (${onRecord.confidence}, known from ${onRecord.knownFrom})`;
  if (onRecord.confidence !== SELF_ATTESTED) return `${held}; an analyst recorded it, and it is kept over the vendor's own word`;
  if (certainlyBefore(knownFrom, onRecord.knownFrom)) return `${held}; it is known from a later day than the sheet`;
  if (onRecord.value === days) return `${held}; the answer agrees with it`;
  return null;
}

/** Writes what the readings support and says, per mapped answer, what became of it. */
export function applyImportFacts(ctx: FactContext, pending: readonly PendingFact[]): MappedAnswer[] {
  const source = (questionId: string): ImportSource => ({ kind: 'questionnaire-import', importId: ctx.importId, questionId });
  const out = new Map<string, MappedAnswer>();
  const base = (p: PendingFact) => ({ questionId: p.questionId, fact: p.fact, target: p.target, label: p.label, source: source(p.questionId) });

  // MFA: per population the weakest reading in the sheet counts (two answers about admins: the less reassuring one).
  const onRecord = ctx.mfa.get(ctx.vendorId).items;
  const chosen = new Map<MfaPopulation, PendingFact & { reading: Reading & { fact: 'mfa' } }>();
  for (const p of pending) {
    const r = p.reading;
    if (r?.fact !== 'mfa') continue;
    const population = p.target as MfaPopulation;
    const prev = chosen.get(population);
    if (!prev || rank(r) < rank(prev.reading)) chosen.set(population, { ...p, reading: r });
  }
  for (const [population, p] of chosen) {
    const held = onRecord.find((x) => x.population === population);
    const why = keeps(held, p.reading, ctx.knownFrom);
    const value = { method: p.reading.method, enforced: p.reading.enforced };
    if (why) {
      out.set(p.questionId, { ...base(p), reading: p.reading.words, value, outcome: 'kept-on-record', detail: why });
      continue;
    }
    const notes = `${FORMAT_TITLES[ctx.format]} ${p.questionId}: “${p.answer}”${p.detail ? `: ${p.detail}` : ''}`.slice(0, 4000);
    const record: MfaRecord = {
      population,
      method: p.reading.method,
      enforced: p.reading.enforced,
      evidence: 'attestation',
      source: source(p.questionId),
      assessedOn: ctx.knownFrom,
      notes,
      knownFrom: ctx.knownFrom,
      confidence: SELF_ATTESTED,
    };
    // One population at a time, the others kept: as an accepted questionnaire answer is written (audited).
    ctx.mfa.putRecord(ctx.actor, ctx.vendorId, record);
    out.set(p.questionId, {
      ...base(p),
      reading: p.reading.words,
      value,
      outcome: 'written',
      detail: `MFA record of ${population} written (self-attested, known from ${ctx.knownFrom})`,
    });
  }

  // Days to notify: the longest period the sheet names counts (a promise is never read as faster than made).
  const committed = ctx.commitments.list(ctx.vendorId).items.filter((c) => c.field === 'notifyWithinDays');
  let notify: (PendingFact & { days: number }) | undefined;
  for (const p of pending) {
    const r = p.reading;
    if (r?.fact !== 'commitment' || r.days === null || !commitmentValue.notifyWithinDays.safeParse(r.days).success) continue;
    if (!notify || r.days > notify.days) notify = { ...p, days: r.days };
  }
  if (notify) {
    const why = keepsCommitment(committed[0], notify.days, ctx.knownFrom);
    if (why) out.set(notify.questionId, { ...base(notify), reading: notify.reading!.words, value: notify.days, outcome: 'kept-on-record', detail: why });
    else {
      ctx.commitments.put(ctx.actor, {
        vendorId: ctx.vendorId,
        field: 'notifyWithinDays',
        value: notify.days,
        confidence: SELF_ATTESTED,
        source: source(notify.questionId),
        knownFrom: ctx.knownFrom,
        updatedAt: ctx.now,
      });
      out.set(notify.questionId, {
        ...base(notify),
        reading: notify.reading!.words,
        value: notify.days,
        outcome: 'written',
        detail: `commitment written: notifies customers within ${notify.days} day(s) (self-attested, known from ${ctx.knownFrom})`,
      });
    }
  }

  return pending.map((p): MappedAnswer => {
    const done = out.get(p.questionId);
    if (done) return done;
    const r = p.reading;
    if (r === null)
      return { ...base(p), reading: 'nothing to read (NA, blank, or no usable words)', value: null, outcome: 'no-reading', detail: 'kept as text only' };
    if (r.fact === 'mfa') {
      const winner = chosen.get(p.target as MfaPopulation)!;
      return {
        ...base(p),
        reading: r.words,
        value: { method: r.method, enforced: r.enforced },
        outcome: 'kept-on-record',
        detail: `${winner.questionId} in this sheet reads weaker for this population and counts`,
      };
    }
    if (r.fact === 'commitment') {
      if (r.days === null)
        return { ...base(p), reading: r.words, value: null, outcome: 'not-stored', detail: 'kept with the answer: it names no number of days to store' };
      if (notify && notify.questionId !== p.questionId && r.days <= notify.days) {
        return {
          ...base(p),
          reading: r.words,
          value: r.days,
          outcome: 'kept-on-record',
          detail: `${notify.questionId} in this sheet names a longer period and counts`,
        };
      }
      return { ...base(p), reading: r.words, value: r.days, outcome: 'not-stored', detail: 'kept with the answer: more days than a commitment can hold' };
    }
    return {
      ...base(p),
      reading: r.words,
      value: r.inventory,
      outcome: 'not-stored',
      detail: 'a Yes or No names no subprocessor: the subprocessors on record stay as they are',
    };
  });
}
