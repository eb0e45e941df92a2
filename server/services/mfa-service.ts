/** MFA posture of a vendor: one record per population; a missing population is unknown. */
import { knownTooEarly, type MfaPostureInput, type MfaRecord, type MfaRecordInput, type StoredMfaPosture } from '../domain/mfa.ts';
import { knownFromInFuture } from '../domain/known-from.ts';
import { isFactSource, sameSource } from '../domain/fact-source.ts';
import type { FieldProblem } from '../domain/field-problems.ts';
import type { Store } from '../db/store.ts';
import type { Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import { checkVersion, EditConflict, found, invalid } from './errors.ts';

/** The same evidence as the stored record: a re-sent posture does not make it newly known. */
const sameEvidence = (a: MfaRecordInput, b: MfaRecord) =>
  a.method === b.method && a.enforced === b.enforced && a.evidence === b.evidence && sameSource(a.source, b.source) && a.assessedOn === b.assessedOn;

/**
 * Each record's knownFrom: as given; left out, the stored record's when the evidence is the same,
 * else today (the day the record is created). Problems as field paths: a knownFrom in the future,
 * or a record speaking for a day after its evidence was known.
 */
export function resolveKnownFrom(
  items: readonly MfaRecordInput[],
  stored: readonly MfaRecord[],
  today: string,
): { items: MfaRecord[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const resolved = items.map((r, i): MfaRecord => {
    const kept = stored.find((s) => s.population === r.population && sameEvidence(r, s));
    // An answer is a source only where a questionnaire put it: sent back it stays, it is never typed in.
    if (isFactSource(r.source) && !stored.some((s) => s.population === r.population && sameSource(s.source, r.source))) {
      problems.push({
        path: `body.items.${i}.source`,
        message: "is a questionnaire answer this population's record does not come from: give a URL or citation",
      });
    }
    const knownFrom = r.knownFrom ?? kept?.knownFrom ?? today;
    const future = r.knownFrom === null ? null : knownFromInFuture(r.knownFrom, today);
    if (future) problems.push({ path: `body.items.${i}.knownFrom`, message: future });
    // Given, the schema already refused a knownFrom before assessedOn; defaulted, it is the assessment that cannot be right.
    if (r.knownFrom === null && knownTooEarly({ knownFrom, assessedOn: r.assessedOn })) {
      problems.push({
        path: `body.items.${i}.assessedOn`,
        message: `is after ${knownFrom}, the day this record is known from: give knownFrom, the day its evidence was public or recorded`,
      });
    }
    // The same evidence re-sent keeps how sure it is (an accepted answer stays self-attested); new evidence is the analyst's.
    return { ...r, knownFrom, confidence: kept?.confidence ?? 'recorded' };
  });
  return { items: resolved, problems };
}

export function mfaService(store: Store, clock: Clock) {
  const posture = (vendorId: number): StoredMfaPosture => {
    found(store.vendors.find(vendorId), 'vendor', vendorId);
    return { items: store.mfa.listByVendor(vendorId), version: store.vendors.mfaVersion(vendorId)! };
  };
  return {
    get: posture,
    /** Replaces the whole posture: populations left out become unknown. With `ifMatch`, only at that version. */
    replace: (actor: Actor, vendorId: number, next: MfaPostureInput, ifMatch?: number): StoredMfaPosture =>
      store.transaction(() => {
        const before = posture(vendorId);
        checkVersion('MFA posture', before, ifMatch);
        const { items, problems } = resolveKnownFrom(next.items, before.items, clock.today());
        if (problems.length > 0) throw invalid('Some MFA records cannot be stored as given.', problems);
        // Compared in the write itself: a posture replaced meanwhile is not replaced again.
        if (!store.mfa.replace(vendorId, items, clock.now(), before.version)) throw new EditConflict('MFA posture', posture(vendorId), before.version);
        const after = posture(vendorId);
        store.audit.append(actor, { action: 'replace', entity: 'mfa', entityId: vendorId, vendorId, before, after }, clock.now());
        return after;
      }),
    /**
     * Sets one population's record as given (its knownFrom, confidence and source included), the
     * others kept: how an accepted questionnaire answer becomes a fact. Part of the caller's
     * transaction; audited like a replacement.
     */
    putRecord: (actor: Actor, vendorId: number, record: MfaRecord): StoredMfaPosture =>
      store.transaction(() => {
        const before = posture(vendorId);
        const items = [...before.items.filter((r) => r.population !== record.population), record];
        if (!store.mfa.replace(vendorId, items, clock.now(), before.version)) throw new EditConflict('MFA posture', posture(vendorId), before.version);
        const after = posture(vendorId);
        store.audit.append(actor, { action: 'replace', entity: 'mfa', entityId: vendorId, vendorId, before, after }, clock.now());
        return after;
      }),
  };
}

export type MfaService = ReturnType<typeof mfaService>;
