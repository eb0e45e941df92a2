/**
 * Full export and restore. A restore goes into an empty database (default), replaces everything
 * (`replace`, admins), or merges into what is there (`merge`: records matched by name, source or
 * ref are updated, the rest added). One transaction: a restore that fails writes nothing.
 * The parts: full-export.ts (the document out, and read back), restore-exact.ts and
 * restore-merge.ts (the two ways in), restore-records.ts (what both write records with).
 */
import { ZodError } from 'zod';
import type { Actor } from '../../domain/account.ts';
import type { ExportDocument } from '../../domain/export.ts';
import { fieldProblems } from '../../domain/field-problems.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { invalid, ServiceError } from '../errors.ts';
import type { FeedEvents } from '../changes/feed-events.ts';
import { evidenceProblems, sourceProblems } from './evidence-transfer.ts';
import { documentLinkProblems, futureKnownFrom } from './export-checks.ts';
import { restoreDeletedVendors } from './deleted-vendors.ts';
import { restoreExact } from './restore-exact.ts';
import { merge } from './restore-merge.ts';

export { exportAll, parseExport } from './full-export.ts';

export type RestoreMode = 'empty' | 'merge' | 'replace';

const counts = (d: ExportDocument) => ({
  vendors: d.vendors.length,
  incidents: d.incidents.length,
  subprocessors: d.subprocessors.length,
  mfaRecords: d.mfa.length,
  postureFacts: d.postureFacts.length,
  methodologyVersions: d.methodologyVersions.length,
  snapshots: d.snapshots.length,
  reports: d.reportSnapshots.length + (d.reports?.length ?? 0),
  reviews: d.reviews.length,
  commitments: d.commitments.length,
  documents: d.documents.length,
  questionnaireRequests: d.questionnaireRequests.length,
  questionnaireAnswers: d.questionnaireAnswers.length,
  questionnaireImports: d.questionnaireImports.length,
});

/**
 * The restore as steps (one a record), so that a caller may let the event loop turn between them.
 * A merge records the incidents it adds on What changed (`feed`); a restore into an empty or
 * replaced database brings back a past state, not news, and records none.
 */
function* restoreSteps(
  store: Store,
  clock: Clock,
  actor: Actor,
  d: ExportDocument,
  mode: RestoreMode,
  feed: Pick<FeedEvents, 'incidentsAdded'>,
): Generator<void, RestoreSummary> {
  const now = clock.now();
  if (mode === 'empty' && store.vendors.all().length > 0) {
    throw new ServiceError(
      'conflict',
      'database-not-empty',
      'The database already holds vendors: restore with ?mode=merge, or ?mode=replace (admins) to start over.',
    );
  }
  const future = futureKnownFrom(d, clock.today());
  if (future.length > 0) throw invalid('A record in the document is known from a day after today; nothing was restored.', future.slice(0, 200));
  const links = documentLinkProblems(d);
  if (links.length > 0) throw invalid('A campaign link in the document cannot hold; nothing was restored.', links.slice(0, 200));
  const evidence = evidenceProblems(d);
  if (evidence.length > 0)
    throw invalid('A document or questionnaire record in the export does not hold together; nothing was restored.', evidence.slice(0, 200));
  const sources = sourceProblems(d);
  if (sources.length > 0)
    throw invalid('A fact in the export names a questionnaire answer the export does not carry; nothing was restored.', sources.slice(0, 200));
  if (mode === 'replace') store.clearAll();
  try {
    if (mode === 'merge') {
      const added = yield* merge(store, d, now);
      feed.incidentsAdded(added.map((id) => store.incidents.find(id)!));
    } else yield* restoreExact(store, d, now);
    restoreDeletedVendors(store, d);
  } catch (e) {
    // A record that passes the document schema can still be impossible as a whole (dates).
    if (e instanceof ZodError) throw invalid('A record in the document is invalid; nothing was restored.', fieldProblems(e, 'body').slice(0, 200));
    throw e;
  }
  const summary = { mode, ...counts(d) };
  store.audit.append(actor, { action: 'restore', entity: 'export', entityId: null, after: summary }, now);
  return summary;
}

export type RestoreSummary = { mode: RestoreMode } & ReturnType<typeof counts>;

/** Restores the document in one transaction, at once (the CLI). */
export function restore(
  store: Store,
  clock: Clock,
  actor: Actor,
  d: ExportDocument,
  mode: RestoreMode,
  feed: Pick<FeedEvents, 'incidentsAdded'>,
): RestoreSummary {
  return store.transaction(() => {
    const steps = restoreSteps(store, clock, actor, d, mode, feed);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  });
}

/**
 * Restores the document in one transaction that lets the event loop turn every `every` records
 * (the API): all or nothing still, but the server answers meanwhile. The caller keeps other
 * requests off the connection until it settles (imports-service.ts).
 */
export function restoreStepwise(
  store: Store,
  clock: Clock,
  actor: Actor,
  d: ExportDocument,
  mode: RestoreMode,
  feed: Pick<FeedEvents, 'incidentsAdded'>,
  pause: () => Promise<void>,
  every: number,
): Promise<RestoreSummary> {
  return store.longTransaction(restoreSteps(store, clock, actor, d, mode, feed), pause, every);
}
