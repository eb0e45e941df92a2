/**
 * Scores are kept, not recomputed per request (issue 15 §1). SQL triggers (migration 0013) mark the
 * vendors a write affects as stale, in the write's own transaction; then:
 *   - a small set (≤ SMALL) is recomputed before that transaction commits (the store's before-commit hook);
 *   - a big one (a methodology change, a restore, a large import, a new day) is drained in batches
 *     of a few milliseconds with the event loop turning between them (setImmediate), so that other
 *     requests stay fast meanwhile;
 *   - a read of one stale vendor computes that vendor at once; a portfolio read waits for the drain,
 *     so it never serves scores that disagree with the facts;
 *   - a read that finds nothing stale writes nothing.
 * Every update of a kept row records its events (score-changed, finding-new, finding-resolved)
 * through `changes.record`, in the same transaction.
 */
import type { KeptRow, StaleReason } from '../../db/kept-scores-repo.ts';
import type { Store } from '../../db/store.ts';
import type { Review, ReviewStatus } from '../../domain/review.ts';
import type { Vendor } from '../../domain/vendor.ts';
import type { Logger } from '../../logger.ts';
import type { Policy } from '../../scoring/policy.ts';
import type { VendorScore } from '../../scoring/types.ts';
import type { ChangesService } from '../changes/changes-service.ts';
import type { Clock } from '../clock.ts';
import { found } from '../errors.ts';
import { groupBy, loadAllFacts, loadFacts, type LoadedFacts } from '../facts-loader.ts';
import type { MethodologyService } from '../methodology-service.ts';
import { causesOf, computeKept, nextKept } from './kept-row.ts';

/** Stale vendors recomputed inside the writing transaction; more go to the batched drain. */
export const SMALL = 100;
/** How long one drain batch may hold the event loop, in milliseconds. */
export const SLICE_MS = 5;

const yieldLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const later = () => new Promise<void>((resolve) => setTimeout(resolve, 10));

export function keptScoresService(store: Store, clock: Clock, methodology: MethodologyService, changes: ChangesService, log?: Logger) {
  const kept = store.kept;
  let draining: Promise<void> | null = null;
  let inHook = false;
  // Old methodology versions by label, parsed once per batch (one transaction: a restore cannot swap
  // a label's parameters in the middle of it); a methodology change otherwise parses it per vendor.
  let oldPolicies = new Map<string, Policy | undefined>();
  const policyOf = (version: string): Policy | undefined => {
    if (!oldPolicies.has(version)) oldPolicies.set(version, methodology.byVersion(version));
    return oldPolicies.get(version);
  };

  /**
   * Writes one vendor's new kept row (or drops it: the vendor is gone) and records its events; a
   * row that would not change is not written. Call in a transaction. True when something was written.
   */
  const apply = (
    vendorId: number,
    f: LoadedFacts | undefined,
    reviews: readonly Review[],
    reasons: ReadonlySet<StaleReason>,
    policy: Policy,
    asOf: string,
  ): boolean => {
    if (!f) {
      kept.remove(vendorId);
      return true;
    }
    const old = kept.find(vendorId);
    const c = computeKept(f, reviews, policy, asOf);
    const oldPolicy = old && (old.methodologyVersion === policy.version ? policy : policyOf(old.methodologyVersion));
    const causes = old ? causesOf(f, old, c.score, reasons, policy, oldPolicy) : undefined;
    const { row, events } = nextKept(f.vendor.name, c, old, causes ?? { methodology: 0, decay: 0, incidents: 0, posture: 0 });
    const same =
      old !== undefined &&
      (['methodologyVersion', 'asOf', 'status', 'score', 'heatmapRow', 'reviewStatus', 'recordedRisk', 'recordedBand', 'pendingCauses'] as const).every(
        (k) => old[k] === row[k],
      );
    if (same) return false;
    kept.put({ ...row, computedAt: clock.now() });
    changes.record(events);
    return true;
  };

  const reasonsOf = (vendorId: number): Set<StaleReason> => new Set(kept.reasons(vendorId).map((r) => r.reason));

  /** Recomputes one vendor from its facts as they are now and clears its marks. Call in a transaction. */
  const refreshOne = (id: number, policy: Policy, asOf: string): boolean => {
    const v = store.vendors.find(id);
    const wrote = apply(id, v && loadFacts(store, v), v ? store.reviews.listByVendor(id) : [], reasonsOf(id), policy, asOf);
    kept.clear(id);
    return wrote;
  };

  /** Recomputes vendors and moves the generation when a kept row changed. Call in a transaction. */
  const refreshAll = (ids: Iterable<number>, policy: Policy, asOf: string, until = Infinity): void => {
    oldPolicies = new Map();
    let wrote = false;
    for (const id of ids) {
      wrote = refreshOne(id, policy, asOf) || wrote;
      if (performance.now() >= until) break;
    }
    if (wrote) kept.bumpGeneration();
  };

  /** Recomputes these vendors, in one transaction. */
  const refresh = (ids: readonly number[]): void => {
    if (ids.length === 0) return;
    const policy = methodology.active();
    const asOf = clock.today();
    store.transaction(() => refreshAll(ids, policy, asOf));
  };

  /**
   * Drains the stale queue in slices of SLICE_MS, each one transaction that loads the facts of the
   * vendors it recomputes (so it never writes a score from facts read before a later write), with
   * the event loop turning between slices. One drain at a time; whoever needs it finished awaits it.
   */
  const drain = (): Promise<void> => {
    draining ??= (async () => {
      try {
        await yieldLoop();
        while (store.db.open && kept.anyStale()) {
          // A restore's transaction may be open on the connection: nothing may join it.
          if (store.db.inTransaction) {
            await later();
            continue;
          }
          const start = performance.now();
          const policy = methodology.active();
          const asOf = clock.today();
          store.transaction(() => refreshAll(kept.staleVendors(SMALL), policy, asOf, start + SLICE_MS));
          await yieldLoop();
        }
      } catch (e) {
        log?.error('kept scores: the drain failed; stale vendors are computed when read', e);
      } finally {
        draining = null;
      }
    })();
    return draining;
  };

  /** The store's before-commit hook: a small stale set is recomputed inside the writing transaction. */
  store.onBeforeCommit(() => {
    if (inHook || !kept.anyStale()) return;
    inHook = true;
    try {
      if (kept.staleCount(SMALL + 1) <= SMALL) {
        const policy = methodology.active();
        const asOf = clock.today();
        refreshAll(kept.staleVendors(SMALL), policy, asOf);
      } else {
        // After the commit: the batches run in their own transactions.
        setImmediate(() => void drain());
      }
    } finally {
      inHook = false;
    }
  });

  /** Marks stale whatever is kept for another day or methodology; writes only when there is such. */
  const markOutdated = (): void => {
    const asOf = clock.today();
    const version = methodology.active().version;
    if (kept.outdated(asOf, version)) store.transaction(() => kept.markOutdated(asOf, version));
  };

  // The (generation, day, methodology) last found up to date: kept rows change only with the
  // generation, so the scan for outdated rows is skipped until one of the three moves.
  let checked = '';
  const checkKey = () => `${kept.generation()}|${clock.today()}|${methodology.active().version}`;

  /** Everything kept agrees with the facts as of today; waits for a big drain. */
  const fresh = async (): Promise<void> => {
    if (checked !== checkKey()) markOutdated();
    if (kept.anyStale()) {
      if (kept.staleCount(SMALL + 1) <= SMALL) refresh(kept.staleVendors(SMALL));
      if (kept.anyStale()) await drain();
      // Whatever a failed drain or writes meanwhile left is computed now.
      while (kept.anyStale()) refresh(kept.staleVendors(SMALL));
    }
    checked = checkKey();
  };

  /** The same, without waiting: a big set is recomputed at once (for synchronous callers). */
  const freshNow = (): void => {
    markOutdated();
    while (kept.anyStale()) refresh(kept.staleVendors(1000));
  };

  const isFresh = (row: KeptRow | undefined, vendorId: number): row is KeptRow =>
    row !== undefined && row.asOf === clock.today() && row.methodologyVersion === methodology.active().version && kept.reasons(vendorId).length === 0;

  const parsedMap = <T>(rows: ReadonlyArray<{ vendorId: number }>, pick: (r: never) => string): Map<number, T> =>
    new Map(rows.map((r) => [r.vendorId, JSON.parse(pick(r as never)) as T]));

  return {
    today: (): string => clock.today(),
    drain,
    fresh,

    /** One vendor's score today: kept, or computed now when stale. */
    score: (vendorId: number): VendorScore => {
      const v: Vendor = found(store.vendors.find(vendorId), 'vendor', vendorId);
      const row = kept.find(v.id);
      if (isFresh(row, v.id)) return JSON.parse(row.score) as VendorScore;
      refresh([v.id]);
      return JSON.parse(kept.find(v.id)!.score) as VendorScore;
    },

    /** One vendor's review status today. */
    reviewStatus: (vendorId: number): ReviewStatus => {
      const row = kept.find(vendorId);
      if (isFresh(row, vendorId)) return JSON.parse(row.reviewStatus) as ReviewStatus;
      refresh([vendorId]);
      return JSON.parse(kept.find(vendorId)!.reviewStatus) as ReviewStatus;
    },

    /** The methodology in force (the kept rows' policy). */
    policy: (): Policy => methodology.active(),
    /** Today's heatmap rows as kept (JSON text); call `fresh` first. */
    heatmapRows: () => kept.heatmapRows(methodology.active().version, clock.today()),

    /** The generation of the kept rows: it moves whenever a kept row is written. */
    generation: (): number => kept.generation(),
    /** Whether anything kept is stale or of another day or methodology (a read would recompute). */
    stale: (): boolean => kept.anyStale() || kept.outdated(clock.today(), methodology.active().version),

    /**
     * Every vendor's current score (today, methodology in force), by vendor id, from the kept rows;
     * what is stale is computed first, synchronously. For the current quarter's trends and report.
     */
    current: (): Map<number, VendorScore> => {
      freshNow();
      return parsedMap<VendorScore>(kept.scores(methodology.active().version, clock.today()), (r: { score: string }) => r.score);
    },

    /** Every vendor's risk and band today, by vendor id, without reading the whole scores (the trends' current quarter). */
    currentRisks: (): Map<number, { risk: number; band: VendorScore['band'] }> => {
      freshNow();
      return new Map(kept.risks(methodology.active().version, clock.today()).map((r) => [r.vendorId, { risk: r.risk, band: r.band }]));
    },

    /** Every vendor's review status today, by vendor id (the due list of today). */
    reviewStatuses: (): Map<number, ReviewStatus> => {
      freshNow();
      return parsedMap<ReviewStatus>(kept.reviewStatuses(methodology.active().version, clock.today()), (r: { reviewStatus: string }) => r.reviewStatus);
    },

    /**
     * Compares every kept row with a fresh computation (today, methodology in force). A vendor the
     * queue holds, or kept for another day or methodology, is `pending` (known stale: the next read
     * or the drain recomputes it); any other difference, a vendor with nothing kept and not queued,
     * or a row kept for a vendor that does not exist, is a disagreement. Writes nothing.
     */
    verify: (): { checked: number; pending: number; disagreements: Array<{ vendorId: number; name: string; problem: string }> } => {
      const policy = methodology.active();
      const asOf = clock.today();
      const reviews = groupBy(store.reviews.all({ latestFirst: true }), (r) => r.vendorId);
      const rows = new Map(kept.all().map((r) => [r.vendorId, r]));
      const disagreements: Array<{ vendorId: number; name: string; problem: string }> = [];
      let pending = 0;
      let checked = 0;
      for (const f of loadAllFacts(store)) {
        const id = f.vendor.id;
        const row = rows.get(id);
        rows.delete(id);
        checked++;
        if (kept.reasons(id).length > 0 || (row && (row.asOf !== asOf || row.methodologyVersion !== policy.version))) {
          pending++;
          continue;
        }
        const c = computeKept(f, reviews.get(id) ?? [], policy, asOf);
        const say = (problem: string) => disagreements.push({ vendorId: id, name: f.vendor.name, problem });
        if (!row) say('nothing kept, and not queued for computation');
        else if (row.score !== c.write.score)
          say(
            `kept risk ${row.risk} (${row.band}), computed ${c.score.risk} (${c.score.band})${row.risk === c.score.risk ? ': factors, findings or gaps differ' : ''}`,
          );
        else if (row.heatmapRow !== c.write.heatmapRow) say('the heatmap row differs');
        else if (row.reviewStatus !== c.write.reviewStatus) say('the review status differs');
      }
      for (const row of rows.values())
        disagreements.push({ vendorId: row.vendorId, name: `#${row.vendorId}`, problem: 'kept for a vendor that does not exist' });
      return { checked, pending, disagreements };
    },

    /**
     * The day job: at the start of each UTC day every vendor is recomputed (decay moves with the
     * day); at start, a database whose rows are of an older day is caught up. Started only from
     * server/main.ts; returns what stops it.
     */
    startDayJob: (): (() => void) => {
      let timer: NodeJS.Timeout | undefined;
      const catchUp = () => {
        markOutdated();
        if (kept.anyStale()) void drain();
      };
      const schedule = () => {
        const next = Date.parse(`${clock.today()}T00:00:00.000Z`) + 86_400_000;
        // A minimum wait, so that a clock a little behind the timer's never makes it spin.
        timer = setTimeout(
          () => {
            catchUp();
            schedule();
          },
          Math.max(1000, next - Date.parse(clock.now())),
        );
        timer.unref();
      };
      catchUp();
      schedule();
      return () => clearTimeout(timer);
    },
  };
}

export type KeptScoresService = ReturnType<typeof keptScoresService>;
