/** All repositories over one connection, plus the transaction boundary services use. */
import type { Db } from './open.ts';
import { incidentsRepo } from './incidents-repo.ts';
import { metaRepo } from './meta-repo.ts';
import { mfaRepo } from './mfa-repo.ts';
import { postureFactsRepo } from './posture-facts-repo.ts';
import { subprocessorsRepo } from './subprocessors-repo.ts';
import { vendorsRepo } from './vendors-repo.ts';
import { methodologyRepo } from './methodology-repo.ts';
import { snapshotsRepo } from './snapshots-repo.ts';
import { reportsRepo } from './reports-repo.ts';
import { reviewsRepo } from './reviews-repo.ts';
import { auditRepo } from './audit-repo.ts';
import { passkeysRepo } from './passkeys-repo.ts';
import { sessionsRepo } from './sessions-repo.ts';
import { tokensRepo } from './tokens-repo.ts';
import { usersRepo } from './users-repo.ts';
import { changesRepo } from './changes-repo.ts';
import { feedRepo } from './feed-repo.ts';
import { keptScoresRepo } from './kept-scores-repo.ts';
import { watchRulesRepo } from './watch-rules-repo.ts';
import { notificationsRepo } from './notifications-repo.ts';
import { webhooksRepo } from './webhooks-repo.ts';
import { deliveriesRepo } from './deliveries-repo.ts';
import { questionnairesRepo } from './questionnaires-repo.ts';
import { commitmentsRepo } from './commitments-repo.ts';
import { questionnaireImportsRepo } from './questionnaire-imports-repo.ts';
import { documentsRepo } from './documents-repo.ts';
import { questionnaireTransferRepo } from './questionnaire-transfer-repo.ts';

export function createStore(db: Db) {
  const clearAll = db.prepare('DELETE FROM vendors'); // cascades to everything a vendor owns
  // Run at the end of every outermost transaction, before it commits (the kept scores catch up with its writes there).
  const beforeCommit: Array<() => void> = [];
  const settle = () => {
    for (const hook of beforeCommit) hook();
  };
  return {
    /** The connection itself, for whole-database operations (backup). */
    db,
    vendors: vendorsRepo(db),
    incidents: incidentsRepo(db),
    subprocessors: subprocessorsRepo(db),
    mfa: mfaRepo(db),
    postureFacts: postureFactsRepo(db),
    meta: metaRepo(db),
    methodology: methodologyRepo(db),
    snapshots: snapshotsRepo(db),
    reports: reportsRepo(db),
    reviews: reviewsRepo(db),
    users: usersRepo(db),
    sessions: sessionsRepo(db),
    tokens: tokensRepo(db),
    passkeys: passkeysRepo(db),
    audit: auditRepo(db),
    changes: changesRepo(db),
    feed: feedRepo(db),
    kept: keptScoresRepo(db),
    watchRules: watchRulesRepo(db),
    notifications: notificationsRepo(db),
    webhooks: webhooksRepo(db),
    deliveries: deliveriesRepo(db),
    questionnaires: questionnairesRepo(db),
    commitments: commitmentsRepo(db),
    questionnaireImports: questionnaireImportsRepo(db),
    documents: documentsRepo(db),
    questionnaireTransfer: questionnaireTransferRepo(db),
    /** Runs fn in one transaction (a savepoint when nested); fn must be synchronous. */
    transaction: <T>(fn: () => T): T => {
      const outermost = !db.inTransaction;
      return db.transaction(() => {
        const result = fn();
        if (outermost) settle();
        return result;
      })();
    },
    /** Adds work every outermost transaction does last, inside it (kept scores: server/services/kept/). */
    onBeforeCommit: (hook: () => void): void => {
      beforeCommit.push(hook);
    },
    /**
     * Runs a stepped write in one transaction that stays open while the event loop turns between
     * steps (`pause`). Whoever calls it must keep every other use of the connection away meanwhile:
     * what they read would be unfinished, and what they wrote would join this transaction.
     */
    longTransaction: async <T>(steps: Iterator<unknown, T>, pause: () => Promise<void>, every: number): Promise<T> => {
      db.exec('BEGIN IMMEDIATE');
      try {
        for (let n = 1; ; n++) {
          const step = steps.next();
          if (step.done) {
            settle();
            db.exec('COMMIT');
            return step.value;
          }
          if (n % every === 0) await pause();
        }
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
    /** Deletes every vendor and all they own. */
    clearAll: (): void => {
      clearAll.run();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
