/**
 * The one place an imported sheet's readings become facts (CAIQ v4 and SIG Lite alike). Called
 * inside the import's transaction.
 *
 * For now a fact is written through the existing MFA service with evidence "attestation" (the
 * vendor's own word) and a source string "CAIQ import <id>, <question id>".
 * AFTER MERGE (issue 16, part A): switch the MFA write to the structured source
 * `{ kind: "questionnaire-import", importId, questionId }` with confidence self-attested, and write
 * `commitment` readings (days to notify) into part A's vendor commitments, as accepted
 * questionnaire answers are; they are `not-stored` until then.
 *
 * What is on record is not overwritten by weaker evidence: a record resting on an audit report or on
 * observation stays; a Yes that names no method says less than any record and never replaces one;
 * a record assessed after the sheet's day stays.
 */
import type { Actor } from '../../domain/account.ts';
import type { MfaRecord, MfaRecordInput } from '../../domain/mfa.ts';
import { FORMAT_TITLES, type ImportFormat, type MappedAnswer } from '../../domain/questionnaire-import.ts';
import { MFA_METHODS, type MfaPopulation } from '../../domain/vocabulary.ts';
import type { Store } from '../../db/store.ts';
import type { MfaService } from '../mfa-service.ts';
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
  readonly store: Store;
  readonly mfa: MfaService;
  readonly actor: Actor;
  readonly vendorId: number;
  readonly importId: number;
  readonly format: ImportFormat;
  /** YYYY-MM-DD: the facts' knownFrom and the day their evidence speaks for. */
  readonly knownFrom: string;
}

const INDEPENDENT = new Set(['audit-report', 'observed']);
const rank = (r: Reading & { fact: 'mfa' }) => MFA_METHODS.indexOf(r.method) * 2 + (r.enforced ? 1 : 0);

export function sourceText(format: ImportFormat, importId: number, questionId: string): string {
  return `${format === 'caiq' ? 'CAIQ' : FORMAT_TITLES[format]} import ${importId}, ${questionId}`;
}

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

/** Writes what the readings support and says, per mapped answer, what became of it. */
export function applyImportFacts(ctx: FactContext, pending: readonly PendingFact[]): MappedAnswer[] {
  const source = (questionId: string) => ({ kind: 'questionnaire-import' as const, importId: ctx.importId, questionId });
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
  const next: MfaRecordInput[] = [...onRecord];
  for (const [population, p] of chosen) {
    const held = onRecord.find((x) => x.population === population);
    const why = keeps(held, p.reading, ctx.knownFrom);
    const value = { method: p.reading.method, enforced: p.reading.enforced };
    if (why) {
      out.set(p.questionId, { ...base(p), reading: p.reading.words, value, outcome: 'kept-on-record', detail: why });
      continue;
    }
    const notes = `${FORMAT_TITLES[ctx.format]} ${p.questionId}: “${p.answer}”${p.detail ? `: ${p.detail}` : ''}`.slice(0, 4000);
    const record: MfaRecordInput = {
      population,
      method: p.reading.method,
      enforced: p.reading.enforced,
      evidence: 'attestation',
      source: sourceText(ctx.format, ctx.importId, p.questionId),
      assessedOn: ctx.knownFrom,
      knownFrom: ctx.knownFrom,
      notes,
    };
    const i = next.findIndex((x) => x.population === population);
    if (i >= 0) next[i] = record;
    else next.push(record);
    out.set(p.questionId, { ...base(p), reading: p.reading.words, value, outcome: 'written', detail: `MFA record of ${population} written (attestation, known from ${ctx.knownFrom})` });
  }
  if (next.some((r, i) => r !== onRecord[i]) || next.length !== onRecord.length) ctx.mfa.replace(ctx.actor, ctx.vendorId, { items: next });

  return pending.map((p): MappedAnswer => {
    const done = out.get(p.questionId);
    if (done) return done;
    const r = p.reading;
    if (r === null) return { ...base(p), reading: 'nothing to read (NA, blank, or no usable words)', value: null, outcome: 'no-reading', detail: 'kept as text only' };
    if (r.fact === 'mfa') {
      const winner = chosen.get(p.target as MfaPopulation)!;
      return { ...base(p), reading: r.words, value: { method: r.method, enforced: r.enforced }, outcome: 'kept-on-record', detail: `${winner.questionId} in this sheet reads weaker for this population and counts` };
    }
    if (r.fact === 'commitment') return { ...base(p), reading: r.words, value: r.days, outcome: 'not-stored', detail: 'kept with the answer: breach-notification commitments are not stored as facts yet' };
    return { ...base(p), reading: r.words, value: r.inventory, outcome: 'not-stored', detail: 'a Yes or No names no subprocessor: the subprocessors on record stay as they are' };
  });
}
