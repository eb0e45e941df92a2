/**
 * The quarterly risk report. A closed quarter has ONE frozen snapshot, taken the first time the
 * quarter is asked for (or by an admin's refreeze): the vendors engaged at the quarter's end, their
 * scores and findings as the database knew them then. It never changes afterwards, whatever it is
 * compared with: `vs` only adds comparison columns, computed from the other quarter's own frozen
 * snapshot. What was recorded since shows beside it as the restated view (`view: 'restated'`: the
 * same quarter and day, scored from today's database under the snapshot's methodology) and as the
 * diff of the two. The current quarter is live, as of today.
 */
import type { Actor } from '../../domain/account.ts';
import { quarterEnd, shiftQuarter } from '../../domain/quarter.ts';
import type { Store } from '../../db/store.ts';
import type { FrozenReportMeta, FrozenReportRecord } from '../../db/reports-repo.ts';
import type { ReportOrigin, ReportViewParam } from '../../domain/report.ts';
import type { Policy } from '../../scoring/policy.ts';
import { scoreVendor } from '../../scoring/score-vendor.ts';
import type { VendorScore } from '../../scoring/types.ts';
import type { Clock } from '../clock.ts';
import { invalid, ServiceError } from '../errors.ts';
import { loadAllFacts } from '../facts-loader.ts';
import type { HistoryService, KeptToday } from '../history-service.ts';
import type { MethodologyService } from '../methodology-service.ts';
import { buildReport, engagedOn, NOT_ASSESSED_METHOD, type ReportBasis, type ReportBody } from './report-body.ts';
import { compareSides, MOVER_POINTS, type ReportSide } from './report-compare.ts';
import { restate, type Restatement } from './report-restate.ts';
import { appendixItems, appendixOf } from './report-appendix.ts';

type AppendixItem = ReturnType<typeof appendixItems<ReturnType<typeof withAssessment>>>[number];

export type ReportView = ReportViewParam | 'live';

/** A snapshot's headline: what the history lists and the audit trail records. */
export function headlineOf(body: string) {
  const b = JSON.parse(body) as Partial<ReportBody>;
  return {
    vendors: b.summary?.vendors ?? 0,
    averageRisk: b.summary?.averageRisk ?? 0,
    critical: b.summary?.critical ?? 0,
    byBand: { 'not-assessed': 0, ...(b.summary?.byBand ?? { critical: 0, high: 0, moderate: 0, low: 0 }) },
    methodologyVersion: b.methodologyVersion ?? '',
  };
}

/**
 * A body frozen before a vendor could be not assessed (methodology 1.x) assessed every vendor: it
 * is read with that said explicitly (no vendor not assessed, every vendor assessed). Nothing it
 * holds changes; an inherent risk it never had stays null.
 */
type ReportRow = Omit<ReportBody['vendors'][number], 'inherentRisk' | 'evidenceCoverage'> & { inherentRisk: number | null; evidenceCoverage: number | null };
function withAssessment(body: ReportBody): Omit<ReportBody, 'vendors'> & { vendors: ReportRow[] } {
  const old = body as Partial<ReportBody>;
  if (old.notAssessed !== undefined) return body;
  return {
    ...body,
    summary: { ...body.summary, byBand: { ...body.summary.byBand, 'not-assessed': 0 } },
    notAssessed: [],
    vendors: body.vendors.map((v) => ({ ...v, assessed: true, inherentRisk: null, evidenceCoverage: null })),
    method: { ...body.method, assessed: NOT_ASSESSED_METHOD },
  };
}

/** A frozen body, read back as it was written: older bodies may have older shapes, but each names its quarter. */
type FrozenBody = { readonly quarter: string } & Readonly<Record<string, unknown>>;

const snapshotItem = (m: FrozenReportMeta & { body: string }) => {
  const { body, ...meta } = m;
  return { ...meta, inForce: m.supersededAt === null, headline: headlineOf(body) };
};

/** Keeps `value` under `key` among the few most recently used. */
const KEPT = 4;
function remember<V>(m: Map<string, V>, key: string, value: V): V {
  m.delete(key);
  m.set(key, value);
  if (m.size > KEPT) m.delete(m.keys().next().value!);
  return value;
}

/** `kept` gives today's kept scores (server/services/kept/): the live quarter reads them instead of scoring every vendor. */
export function reportService(store: Store, clock: Clock, history: HistoryService, methodology: MethodologyService, kept: Pick<KeptToday, 'current'>) {
  const policyOf = (version: string): Policy => methodology.byVersion(version) ?? methodology.active();

  /** The report of one quarter from the database as it stands, each vendor scored under `policyFor`. */
  const compute = (quarter: string, asOf: string, policyFor: (vendorId: number) => Policy, scored?: ReadonlyMap<number, VendorScore>) => {
    const rows = loadAllFacts(store)
      .filter((f) => engagedOn(f.vendor, asOf))
      .map((facts) => ({ facts, score: scored?.get(facts.vendor.id) ?? scoreVendor(facts, policyFor(facts.vendor.id), asOf) }));
    return buildReport({ quarter, asOf, rows, reviews: store.reviews.all().filter((r) => r.decidedOn <= asOf), policyOf });
  };

  /*
   * A stored snapshot never changes, so what is read or computed from one is kept for the next
   * request (a few, the most recently used; keyed by id and generatedAt, which a restore keeps):
   * its parsed body, its appendix, and its comparison with another snapshot. The restatement also
   * rests on today's facts: it is kept while their generation stands still.
   */
  const keyOf = (m: Pick<FrozenReportMeta, 'id' | 'generatedAt'>) => `${m.id}@${m.generatedAt}`;
  const bodies = new Map<string, ReportBody>();
  const appendices = new Map<string, AppendixItem[]>();
  const comparisons = new Map<string, ReturnType<typeof compareSides>>();
  const restatements = new Map<string, { generation: number; value: Restatement }>();

  /** A snapshot's side: its body (parsed once), its basis parsed only when a comparison or restatement is computed. */
  const sideOf = (m: FrozenReportMeta, text?: { body: string; basis: string | null }): ReportSide => {
    const key = keyOf(m);
    const body = bodies.get(key) ?? remember(bodies, key, JSON.parse(text?.body ?? store.reports.body(m.id)!) as ReportBody);
    let basis: ReportBasis | undefined;
    return {
      body,
      get basis() {
        return (basis ??= JSON.parse(text?.basis ?? store.reports.basis(m.id)!) as ReportBasis);
      },
      snapshotId: m.id,
      generatedAt: m.generatedAt,
    };
  };

  /** Takes a closed quarter's snapshot now, under the methodology in force. The caller supersedes the one before. */
  const freeze = (quarter: string, actor: Actor, origin: ReportOrigin): FrozenReportRecord => {
    const policy = methodology.active();
    const { body, basis } = compute(quarter, quarterEnd(quarter), () => policy);
    const record = {
      quarter,
      asOf: quarterEnd(quarter),
      body: JSON.stringify(body),
      basis: JSON.stringify(basis),
      generatedAt: clock.now(),
      generatedBy: actor.label,
      supersededAt: null,
      supersededBy: null,
      origin,
      comparedWith: null,
    };
    return { ...record, id: store.reports.insert(record) };
  };

  /** The snapshot in force, taken now when the quarter was never frozen. */
  const frozenSide = (quarter: string, actor: Actor): ReportSide => {
    const meta = store.reports.inForceMeta(quarter);
    if (meta) return sideOf(meta);
    const fresh = freeze(quarter, actor, 'first-view');
    return sideOf(fresh, fresh);
  };

  /** What differs between a snapshot and its quarter as known today: computed again only when a fact changed since. */
  const restatementOf = (frozen: ReportSide): Restatement => {
    const key = `${frozen.snapshotId}@${frozen.generatedAt}`;
    const generation = store.reports.factGeneration();
    const kept = restatements.get(key);
    if (kept && kept.generation === generation) return kept.value;
    return remember(restatements, key, { generation, value: restate(frozen, restatedSide(frozen)) }).value;
  };

  /** Two frozen snapshots compare the same way every time: the comparison is computed once. */
  const comparisonOf = (view: ReportView, side: ReportSide, vsSide: ReportSide) => {
    if (view !== 'frozen' || side.snapshotId === null || vsSide.snapshotId === null) return compareSides(side, vsSide, policyOf);
    const key = `${side.snapshotId}@${side.generatedAt}>${vsSide.snapshotId}@${vsSide.generatedAt}`;
    return comparisons.get(key) ?? remember(comparisons, key, compareSides(side, vsSide, policyOf));
  };

  /** A closed quarter's per-vendor appendix, from its snapshot in force (taken now if there is none). */
  const appendixItemsOf = (side: ReportSide): AppendixItem[] => {
    const key = `${side.snapshotId}@${side.generatedAt}`;
    return appendices.get(key) ?? remember(appendices, key, appendixItems(withAssessment(side.body)));
  };

  /** The frozen snapshot's quarter as known today: same day, each vendor under the methodology the snapshot used. */
  const restatedSide = (frozen: ReportSide): ReportSide => {
    const versions = new Map(frozen.basis.vendors.map((v) => [v.vendorId, v.methodologyVersion]));
    const main = frozen.body.methodologyVersion.split(', ')[0]!;
    const { body, basis } = compute(frozen.body.quarter, frozen.body.asOf, (id) => policyOf(versions.get(id) ?? main));
    return { body, basis, snapshotId: frozen.snapshotId, generatedAt: frozen.generatedAt };
  };

  const liveSide = (quarter: string): ReportSide => {
    const policy = methodology.active();
    const { body, basis } = compute(quarter, clock.today(), () => policy, kept.current());
    return { body, basis, snapshotId: null, generatedAt: clock.now() };
  };

  const checkQuarter = (quarter: string) => {
    if (quarter > history.current())
      throw invalid(`${quarter} has not begun.`, [{ path: 'params.quarter', message: `must not be after ${history.current()}` }]);
  };

  const checkClosedReport = (quarter: string) => {
    checkQuarter(quarter);
    if (quarter === history.current()) {
      throw new ServiceError(
        'conflict',
        'quarter-not-closed',
        `${quarter} is the current quarter: its report is live, with its whole appendix at ?appendix=full.`,
        [{ path: 'params.quarter', message: 'must be a closed quarter' }],
      );
    }
  };

  const compose = (view: ReportView, side: ReportSide, vsSide: ReportSide, restatement: Restatement | null) => {
    const b = withAssessment(side.body);
    const vs = vsSide.body;
    const { columns, movers, comparison } = comparisonOf(view, side, vsSide);
    return {
      quarter: b.quarter,
      asOf: b.asOf,
      vs: vs.quarter,
      vsAsOf: vs.asOf,
      methodologyVersion: b.methodologyVersion,
      view,
      frozen: view === 'frozen',
      snapshotId: side.snapshotId,
      generatedAt: side.generatedAt,
      summary: b.summary,
      topRisks: b.topRisks,
      notAssessed: b.notAssessed,
      movers,
      newIncidents: b.newIncidents,
      disclosureLags: b.disclosureLags,
      findings: b.findings,
      vendors: b.vendors.map((v) => ({ ...v, ...columns.get(v.vendorId)! })),
      tier1Scores: b.tier1Scores,
      bands: b.bands,
      method: {
        ...b.method,
        movers: `Vendors in both reports whose risk changed by at least ${MOVER_POINTS} point since ${vs.quarter}. Each change is split by recomputing with one part moved at a time, in this order: methodology, decay, new incidents, posture (MFA, support arrangements, relationship); the causes add up to the change. Both sides are the quarters’ own snapshots and the facts each rested on, so the comparison reads the same every time.`,
      },
      comparison: { ...comparison, view: view === 'live' ? ('frozen' as const) : view },
      restatement,
      appendix: appendixOf(b, true),
    };
  };

  return {
    /**
     * The report of `quarter` compared with `vs` (default: the previous quarter): the frozen
     * snapshot of a closed quarter (taken now if there is none), its restated view, or the live
     * current quarter.
     */
    quarterly: (actor: Actor, quarter: string, o: { vs?: string | undefined; view?: ReportViewParam | undefined } = {}) => {
      const vs = o.vs ?? shiftQuarter(quarter, -1);
      const live = quarter === history.current();
      checkQuarter(quarter);
      if (vs >= quarter) throw invalid('The quarter compared with must be earlier.', [{ path: 'query.vs', message: `must be before ${quarter}` }]);
      if (live && o.view === 'restated') {
        throw invalid(`${quarter} is the current quarter: it is live, always as known today, so it has no restated view.`, [
          { path: 'query.view', message: 'only a closed quarter has a restated view' },
        ]);
      }
      return store.transaction(() => {
        if (live) return compose('live', liveSide(quarter), frozenSide(vs, actor), null);
        const frozen = frozenSide(quarter, actor);
        if (o.view === 'restated') {
          const restated = restatedSide(frozen);
          return compose('restated', restated, restatedSide(frozenSide(vs, actor)), restate(frozen, restated));
        }
        return compose('frozen', frozen, frozenSide(vs, actor), restatementOf(frozen));
      });
    },

    /**
     * A closed quarter's per-vendor appendix, a page at a time, from its frozen snapshot (taken now
     * if there is none, as the report does): each vendor's full score (tier 1), findings and
     * not-assessed entry, in the report's order. The current quarter is live: its report carries
     * everything with `?appendix=full`.
     */
    appendix: (actor: Actor, quarter: string, page: { offset: number; limit: number }) => {
      checkClosedReport(quarter);
      return store.transaction(() => {
        const side = frozenSide(quarter, actor);
        const items = appendixItemsOf(side);
        return {
          quarter,
          snapshotId: side.snapshotId!,
          generatedAt: side.generatedAt,
          total: items.length,
          offset: page.offset,
          limit: page.limit,
          items: items.slice(page.offset, page.offset + page.limit),
        };
      });
    },

    /** One vendor's entry of a closed quarter's appendix. */
    appendixVendor: (actor: Actor, quarter: string, vendorId: number) => {
      checkClosedReport(quarter);
      return store.transaction(() => {
        const side = frozenSide(quarter, actor);
        const item = appendixItemsOf(side).find((i) => i.vendorId === vendorId);
        if (!item) throw new ServiceError('not-found', 'report-vendor-not-found', `Vendor ${vendorId} is not in the ${quarter} report.`);
        return { quarter, snapshotId: side.snapshotId!, generatedAt: side.generatedAt, item };
      });
    },

    /** A quarter's snapshots, newest first: the one in force and those it replaced. */
    snapshots: (quarter: string) => {
      checkQuarter(quarter);
      return { quarter, items: store.reports.history(quarter).map(snapshotItem) };
    },

    /** One stored snapshot, as it was stored. */
    snapshot: (quarter: string, id: number) => {
      const r = store.reports.find(quarter, id);
      if (!r) throw new ServiceError('not-found', 'report-snapshot-not-found', `No snapshot ${id} of the ${quarter} report.`);
      const { basis: _b, body, ...meta } = r;
      return { ...snapshotItem({ ...meta, body }), body: JSON.parse(body) as FrozenBody };
    },

    /**
     * Replaces a closed quarter's snapshot by a new one taken now (the database as it stands, the
     * methodology in force); the old one stays in the history, superseded. Audited.
     */
    refreeze: (actor: Actor, quarter: string) => {
      checkQuarter(quarter);
      if (quarter === history.current()) {
        throw new ServiceError(
          'conflict',
          'quarter-not-closed',
          `${quarter} is the current quarter: it is live until it closes, so there is nothing to refreeze.`,
          [{ path: 'params.quarter', message: 'must be a closed quarter' }],
        );
      }
      return store.transaction(() => {
        const now = clock.now();
        const old = store.reports.inForce(quarter);
        if (old) store.reports.supersede(old.id, now, actor.label);
        const fresh = freeze(quarter, actor, 'refreeze');
        const item = (r: FrozenReportRecord, supersededAt: string | null, supersededBy: string | null) => {
          const { basis: _b, ...rest } = r;
          return snapshotItem({ ...rest, supersededAt, supersededBy });
        };
        const result = { quarter, snapshot: item(fresh, null, null), superseded: old ? item(old, now, actor.label) : null };
        const audit = (s: ReturnType<typeof item> | null) => s && { snapshotId: s.id, generatedAt: s.generatedAt, ...s.headline };
        store.audit.append(
          actor,
          { action: 'refreeze', entity: 'report', entityId: quarter, before: audit(result.superseded), after: audit(result.snapshot) },
          now,
        );
        return result;
      });
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
export type QuarterlyReport = ReturnType<ReportService['quarterly']>;
export type ReportSnapshots = ReturnType<ReportService['snapshots']>;
export type ReportSnapshotItem = ReportSnapshots['items'][number];
export type RefreezeResult = ReturnType<ReportService['refreeze']>;
export type ReportAppendixPage = ReturnType<ReportService['appendix']>;
export type ReportAppendixItem = ReportAppendixPage['items'][number];
