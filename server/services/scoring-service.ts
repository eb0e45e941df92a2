/** Gathers the facts, asks the pure engine, shapes the answer. */
import type { Store } from '../db/store.ts';
import type { Policy } from '../scoring/policy.ts';
import { scoreVendor } from '../scoring/score-vendor.ts';
import { FACTOR_IDS, FACTOR_LABELS, type ScoringFacts, type VendorScore } from '../scoring/types.ts';
import type { Vendor } from '../domain/vendor.ts';
import type { Incident } from '../domain/incident.ts';
import type { Subprocessor } from '../domain/subprocessor.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import { found } from './errors.ts';

export interface HeatmapRow {
  vendorId: number;
  name: string;
  category: string;
  tier: number;
  status: Vendor['status'];
  likelihood: number;
  impact: number;
  risk: number;
  band: VendorScore['band'];
  confidence: number;
  cells: Record<string, number | null>;
}

export interface Heatmap {
  asOf: string;
  methodologyVersion: string;
  factors: Array<{ id: string; label: string; weight: number }>;
  /** Lowest risk of each band, so a reader can see where the bands begin. */
  bands: Policy['bands'];
  rows: HeatmapRow[];
}

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

function factsOf(v: Vendor, incidents: readonly Incident[], subprocessors: readonly Subprocessor[], mfa: readonly MfaRecord[]): ScoringFacts {
  return { vendor: v, incidents, subprocessors, mfa };
}

export function scoringService(store: Store, policy: Policy) {
  return {
    score: (vendorId: number, asOf: string): VendorScore => {
      const v = found(store.vendors.find(vendorId), 'vendor', vendorId);
      const facts = factsOf(v, store.incidents.listByVendor(v.id), store.subprocessors.listByVendor(v.id), store.mfa.listByVendor(v.id));
      return scoreVendor(facts, policy, asOf);
    },

    /** Every engaged vendor scored as of one day, in four queries whatever the portfolio's size. */
    heatmap: (asOf: string): Heatmap => {
      const incidents = groupBy(store.incidents.all(), (i) => i.vendorId);
      const subprocessors = groupBy(store.subprocessors.all(), (s) => s.parentVendorId);
      const mfa = store.mfa.allByVendor();
      const rows = store.vendors
        .all()
        .filter((v) => v.status !== 'not-engaged')
        .map((v): HeatmapRow => {
          const s = scoreVendor(factsOf(v, incidents.get(v.id) ?? [], subprocessors.get(v.id) ?? [], mfa.get(v.id) ?? []), policy, asOf);
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
            confidence: s.confidence,
            // An unknown factor shows as null: it is counted in the score, but it is not evidence.
            cells: Object.fromEntries(s.factors.map((f) => [f.id, f.known ? f.score : null])),
          };
        })
        .sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name));
      return {
        asOf,
        methodologyVersion: policy.version,
        factors: FACTOR_IDS.map((id) => ({ id, label: FACTOR_LABELS[id], weight: policy.weights[id] })),
        bands: policy.bands,
        rows,
      };
    },
  };
}

export type ScoringService = ReturnType<typeof scoringService>;
