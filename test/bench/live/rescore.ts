/**
 * The full rescore the bench measures, in one place so that it can be switched when scores are
 * kept. Until then a "full rescore" is one computation of every engaged vendor's score (the
 * heatmap), and the way to run one over HTTP is to ask for the heatmap. Once scores are kept, a
 * methodology change rescores everything (batched, yielding): switch `fullRescore` to that rescore
 * and `rescoreOverHttp` to a PUT /api/v1/methodology that waits until the rescore is done.
 */
import type { Deps } from '../../../server/deps.ts';

/** What the bench calls a full rescore of the portfolio, timed in the server's process (CPU and wall time; a promise is awaited). */
export function fullRescore(deps: Deps): unknown {
  return deps.scoring.heatmap(deps.clock.today());
}

/** Starts a full rescore over HTTP; settles when it is done. */
export async function rescoreOverHttp(base: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(`${base}/api/v1/portfolio/heatmap`, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`the rescore answered ${res.status}`);
}
