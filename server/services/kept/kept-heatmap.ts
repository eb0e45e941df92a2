/**
 * Today's heatmap from the kept rows, serialized once per (generation, day, methodology, status):
 * a request that finds the rows unchanged is served the same bytes, and the ETag names them without
 * hashing the body (a 10,000-vendor heatmap weighs about 7 MB).
 */
import { riskiestFirst } from '../../scoring/assessment.ts';
import type { Vendor } from '../../domain/vendor.ts';
import { heatmapHead, shows, type HeatmapRow, type HeatmapStatus } from '../scoring-service.ts';
import type { KeptScoresService } from './kept-scores-service.ts';

export interface PreparedHeatmap {
  readonly etag: string;
  readonly body: Buffer;
}

/** Bodies kept at once: one per status asked for, of the current generation. */
const MAX_BODIES = 8;

export function keptHeatmap(kept: KeptScoresService) {
  const cache = new Map<string, PreparedHeatmap>();
  return {
    /** The body of GET /portfolio/heatmap for today, default decay, this status. */
    today: async (status: HeatmapStatus): Promise<PreparedHeatmap> => {
      await kept.fresh();
      const generation = kept.generation();
      const policy = kept.policy();
      const asOf = kept.today();
      const key = `${generation}|${asOf}|${policy.version}|${status}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const show = shows(status);
      const picked = kept
        .heatmapRows()
        .filter((r) => show({ status: r.status } as Vendor))
        .map((r) => JSON.parse(r.heatmapRow) as HeatmapRow)
        .sort(riskiestFirst);
      // The rows are JSON already; only the head and the order are new.
      const body = Buffer.from(JSON.stringify({ ...heatmapHead(asOf, policy), rows: picked }));
      const prepared = { etag: `"k${generation}-${asOf}-${policy.version.replace(/[^\w.-]/g, '_')}-${status}"`, body };
      for (const k of cache.keys()) if (!k.startsWith(`${generation}|${asOf}|`)) cache.delete(k);
      if (cache.size >= MAX_BODIES) cache.clear();
      cache.set(key, prepared);
      return prepared;
    },
  };
}

export type KeptHeatmap = ReturnType<typeof keptHeatmap>;
