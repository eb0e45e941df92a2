/**
 * Quarter-end history. A closed quarter's score is frozen the first time it is computed and read
 * back unchanged afterwards, so a report on that quarter is reproducible; recomputing it (say,
 * under a new methodology) is an explicit action. The current quarter is live, as of today.
 */
import { DEFAULT_QUARTERS, MAX_QUARTERS, quarterEnd, quarterOf, quarterRange, quarterSpan, shiftQuarter } from '../domain/quarter.ts';
import type { Store } from '../db/store.ts';
import type { TrendVendor } from '../db/snapshots-repo.ts';
import { scoreVendor } from '../scoring/score-vendor.ts';
import { round1 } from '../scoring/arithmetic.ts';
import type { VendorScore } from '../scoring/types.ts';
import type { Actor } from '../domain/account.ts';
import type { Policy } from '../scoring/policy.ts';
import type { Clock } from './clock.ts';
import { found, invalid } from './errors.ts';
import { loadAllFacts, loadFacts, type LoadedFacts } from './facts-loader.ts';
import type { MethodologyService } from './methodology-service.ts';

/** The most quarters one request spans: shared with the web (domain/quarters.ts), which offers as many. */
export { MAX_QUARTERS };
const MOVERS = 5;
const MOVER_POINTS = 5;
/** Up to this many vendors to freeze, their facts are read one vendor at a time; beyond, the whole portfolio at once. */
const PER_VENDOR_LOADS = 200;

/** A vendor's risk and band at one quarter end: what the trends show. */
export interface TrendPoint {
  risk: number;
  band: VendorScore['band'];
}

export interface HistoryItem {
  quarter: string;
  asOf: string;
  likelihood: number;
  impact: number;
  risk: number;
  band: VendorScore['band'];
  methodologyVersion: string;
  /** True for a closed quarter's stored snapshot; false for the live current quarter. */
  frozen: boolean;
}

const item = (quarter: string, s: VendorScore, frozen: boolean): HistoryItem => ({
  quarter,
  asOf: s.asOf,
  likelihood: s.likelihood,
  impact: s.impact,
  risk: s.risk,
  band: s.band,
  methodologyVersion: s.methodologyVersion,
  frozen,
});

/** Today's kept scores (server/services/kept/): the current quarter reads them instead of scoring every vendor. */
export interface KeptToday {
  current(): Map<number, VendorScore>;
  currentRisks(): Map<number, TrendPoint>;
}

export function historyService(store: Store, clock: Clock, methodology: MethodologyService, kept: KeptToday) {
  const current = () => quarterOf(clock.today());

  const checkClosed = (quarter: string, path: string) => {
    if (quarter >= current()) throw invalid(`${quarter} is not closed yet.`, [{ path, message: `must be before the current quarter ${current()}` }]);
  };

  const freezeOne = (quarter: string, f: LoadedFacts, policy: Policy): VendorScore => {
    const s = scoreVendor(f, policy, quarterEnd(quarter));
    store.snapshots.put(quarter, s, clock.now());
    return s;
  };

  /**
   * The current quarter's column of the trends: every given vendor's risk and band today, from the
   * kept scores (their risk and band columns alone). THE one place trends read the current quarter.
   */
  const currentScores = (vendors: ReadonlyArray<{ id: number }>): Map<number, TrendPoint> => {
    const wanted = new Set(vendors.map((v) => v.id));
    return new Map([...kept.currentRisks()].filter(([id]) => wanted.has(id)));
  };

  /**
   * A closed quarter's column of the trends: the risk and band columns of its frozen snapshots
   * (no score JSON parsed), and only the vendors without one yet have their facts loaded and are
   * frozen now.
   */
  const closedRisks = (quarter: string, vendors: readonly TrendVendor[], allFacts: () => readonly LoadedFacts[]): Map<number, TrendPoint> => {
    const out = new Map(store.snapshots.risksForQuarter(quarter).map((r) => [r.vendorId, { risk: r.risk, band: r.band }]));
    const missing = vendors.filter((v) => !out.has(v.id));
    if (missing.length === 0) return out;
    const policy = methodology.active();
    // Many missing (a first freeze): one read of the portfolio beats a few queries per vendor.
    const facts = missing.length > PER_VENDOR_LOADS ? allFacts() : missing.map((v) => loadFacts(store, found(store.vendors.find(v.id), 'vendor', v.id)));
    const wanted = new Set(missing.map((v) => v.id));
    for (const f of facts) {
      if (!wanted.has(f.vendor.id)) continue;
      const s = freezeOne(quarter, f, policy);
      out.set(f.vendor.id, { risk: s.risk, band: s.band });
    }
    return out;
  };

  return {
    currentScores,
    current,
    /** One item per quarter end from `from` to `to` (defaults: the last eight quarters). */
    history: (vendorId: number, range: { from?: string | undefined; to?: string | undefined }): { items: HistoryItem[] } => {
      const vendor = found(store.vendors.find(vendorId), 'vendor', vendorId);
      const to = range.to ?? current();
      const from = range.from ?? shiftQuarter(to, -(DEFAULT_QUARTERS - 1));
      if (to > current())
        throw invalid('The history cannot reach past the current quarter.', [{ path: 'query.to', message: `must not be after ${current()}` }]);
      const span = quarterSpan(from, to);
      if (span < 1) throw invalid('from must not be after to.', [{ path: 'query.from', message: `must not be after ${to}` }]);
      if (span > MAX_QUARTERS) throw invalid(`At most ${MAX_QUARTERS} quarters at a time.`, [{ path: 'query.from', message: `spans ${span} quarters` }]);

      return store.transaction(() => {
        const frozen = new Map(store.snapshots.forVendor(vendorId, from, to).map((s) => [s.quarter, s.score]));
        const facts = loadFacts(store, vendor);
        const policy = methodology.active();
        const items = quarterRange(from, to).map((q) => {
          if (q === current()) return item(q, scoreVendor(facts, policy, clock.today()), false);
          const s = frozen.get(q) ?? freezeOne(q, facts, policy);
          return item(q, s, true);
        });
        return { items };
      });
    },

    /**
     * Every engaged vendor's risk at each quarter end from `from` to `to` (default: the last eight),
     * frozen like a vendor's history, with the change over the span and the biggest movers marked.
     */
    trends: (range: { from?: string | undefined; to?: string | undefined }) => {
      const to = range.to ?? current();
      const from = range.from ?? shiftQuarter(to, -(DEFAULT_QUARTERS - 1));
      if (to > current()) throw invalid('Trends cannot reach past the current quarter.', [{ path: 'query.to', message: `must not be after ${current()}` }]);
      const span = quarterSpan(from, to);
      if (span < 2) throw invalid('Trends need at least two quarters.', [{ path: 'query.from', message: `must be before ${to}` }]);
      if (span > MAX_QUARTERS) throw invalid(`At most ${MAX_QUARTERS} quarters at a time.`, [{ path: 'query.from', message: `spans ${span} quarters` }]);
      return store.transaction(() => {
        const quarters = quarterRange(from, to);
        const vendors = store.snapshots.trendVendors();
        // Read at most once, and only when some closed quarter has vendors to freeze.
        let all: LoadedFacts[] | undefined;
        const allFacts = () => (all ??= loadAllFacts(store));
        const byQuarter = quarters.map((q) => (q === current() ? currentScores(vendors) : closedRisks(q, vendors, allFacts)));
        const rows = vendors.map((v) => {
          const scores = byQuarter.map((m) => m.get(v.id)!);
          return {
            vendorId: v.id,
            name: v.name,
            tier: v.tier,
            risks: scores.map((s) => s.risk),
            bands: scores.map((s) => s.band),
            delta: round1(scores.at(-1)!.risk - scores[0]!.risk),
            mover: false,
          };
        });
        // The biggest movers: the five largest changes of at least five points, either way.
        const movers = [...rows]
          .filter((r) => Math.abs(r.delta) >= MOVER_POINTS)
          .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
          .slice(0, MOVERS);
        for (const r of movers) r.mover = true;
        return {
          quarters,
          asOf: quarters.map((q) => (q === current() ? clock.today() : quarterEnd(q))),
          rows: rows.sort((a, b) => b.risks.at(-1)! - a.risks.at(-1)! || a.name.localeCompare(b.name)),
        };
      });
    },

    /** Recomputes every vendor's snapshot of a closed quarter under the methodology in force. */
    recompute: (actor: Actor, quarter: string) =>
      store.transaction(() => {
        checkClosed(quarter, 'params.quarter');
        const policy = methodology.active();
        const all = loadAllFacts(store);
        for (const f of all) store.snapshots.put(quarter, scoreVendor(f, policy, quarterEnd(quarter)), clock.now());
        const result = { quarter, asOf: quarterEnd(quarter), methodologyVersion: policy.version, vendors: all.length };
        store.audit.append(actor, { action: 'recompute', entity: 'snapshot', entityId: quarter, after: result }, clock.now());
        return result;
      }),
  };
}

export type HistoryService = ReturnType<typeof historyService>;
