/** Scores and the portfolio heatmap: gathers the facts, asks the pure engine, shapes the answer. */
import type { Store } from '../db/store.ts';
import type { Vendor } from '../domain/vendor.ts';
import { scoreVendor } from '../scoring/score-vendor.ts';
import { riskiestFirst } from '../scoring/assessment.ts';
import { FACTOR_IDS, FACTOR_LABELS, type VendorScore } from '../scoring/types.ts';
import type { Policy } from '../scoring/policy.ts';
import { DECAY_POLICIES } from '../scoring/decay.ts';
import type { DecayPolicyName } from '../domain/methodology.ts';
import { found } from './errors.ts';
import { loadAllFacts, loadFacts } from './facts-loader.ts';
import type { MethodologyService } from './methodology-service.ts';
import type { Heatmap, HeatmapRow } from '../domain/score.ts';

export type { Heatmap, HeatmapRow } from '../domain/score.ts';

/** Which vendors the heatmap shows: the engaged ones (every status but not-engaged), all of them, or those of one status. */
export type HeatmapStatus = 'engaged' | 'all' | Vendor['status'];

export const shows =
  (status: HeatmapStatus) =>
  (v: Vendor): boolean =>
    status === 'all' ? true : status === 'engaged' ? v.status !== 'not-engaged' : v.status === status;

const largest = (cs: readonly { label: string; points: number }[]) =>
  cs.reduce<{ label: string; points: number } | null>(
    (best, c) => (c.points > 0 && (!best || c.points > best.points) ? { label: c.label, points: c.points } : best),
    null,
  );

/** A vendor's heatmap row, from its score. */
export function heatmapRowOf(v: Vendor, s: VendorScore): HeatmapRow {
  return {
    vendorId: v.id,
    name: v.name,
    category: v.category,
    tier: v.tier,
    status: v.status,
    likelihood: s.likelihood,
    impact: s.impact,
    risk: s.risk,
    band: s.band,
    assessed: s.assessed,
    evidenceCoverage: s.evidenceCoverage,
    unknownPoints: s.unknownPoints,
    inherentRisk: s.inherentRisk,
    inherentBand: s.inherentBand,
    toAssess: s.toAssess.map((m) => m.text),
    confidence: s.confidence,
    cell: s.cell,
    // An unknown factor shows as null: it is counted in the score, but it is not evidence.
    cells: Object.fromEntries(s.factors.map((f) => [f.id, f.known ? f.score : null])),
    top: Object.fromEntries(s.factors.map((f) => [f.id, largest(f.contributions)])),
    findings: s.findings.length,
  };
}

/** The heatmap's head: what every heatmap of this policy says besides its rows. */
export const heatmapHead = (asOf: string, policy: Policy): Omit<Heatmap, 'rows'> => ({
  asOf,
  methodologyVersion: policy.version,
  decay: policy.decay.name,
  factors: FACTOR_IDS.map((id) => ({ id, label: FACTOR_LABELS[id], weight: policy.weights[id] })),
  bands: policy.bands,
});

/** What the scoring service reads today's scores from (the kept scores, server/services/kept/). */
export interface TodayScores {
  today(): string;
  score(vendorId: number): VendorScore;
}

export function scoringService(store: Store, methodology: MethodologyService, kept?: TodayScores) {
  return {
    /** As of today, the kept score; any other day, computed on demand. */
    score: (vendorId: number, asOf: string): VendorScore => {
      if (kept && asOf === kept.today()) return kept.score(vendorId);
      const v = found(store.vendors.find(vendorId), 'vendor', vendorId);
      return scoreVendor(loadFacts(store, v), methodology.active(), asOf);
    },

    /**
     * Every engaged vendor (or those `status` asks for) scored as of one day, riskiest first (the
     * assessed by residual risk, then the not-assessed by inherent risk), in one batched pass. With
     * `decay`, the methodology in force but another named decay policy: what the choice does. With
     * `draft`, a methodology that is not stored at all (the editor's preview of what putting it in
     * force would do).
     */
    heatmap: (asOf: string, decay?: DecayPolicyName, status: HeatmapStatus = 'engaged', draft?: Policy): Heatmap => {
      const inForce = draft ?? methodology.active();
      const policy = decay ? { ...inForce, decay: DECAY_POLICIES[decay] } : inForce;
      const rows = loadAllFacts(store)
        .filter((f) => shows(status)(f.vendor))
        .map((f) => heatmapRowOf(f.vendor, scoreVendor(f, policy, asOf)))
        .sort(riskiestFirst);
      return { ...heatmapHead(asOf, policy), rows };
    },
  };
}

export type ScoringService = ReturnType<typeof scoringService>;
