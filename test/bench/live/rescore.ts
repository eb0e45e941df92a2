/**
 * The full rescore the bench measures, in one place so that it can be switched when scores are
 * kept. Until then a "full rescore" is one computation of every engaged vendor's score (the
 * heatmap), and the way to run one over HTTP is to ask for the heatmap. Once scores are kept, a
 * methodology change rescores everything (batched, yielding):
 * - `fullRescore`: call that rescore (a promise is awaited);
 * - `rescoreOverHttp`: `await changeMethodology(server)`, then wait until the rescore it started is
 *   done (however the kept scores tell it: a job to poll, or the kept rows' methodology version).
 */
import type { Deps } from '../../../server/deps.ts';

export interface BenchServer {
  readonly base: string;
  /** A viewer's session. */
  readonly headers: Record<string, string>;
  /** An admin's session cookie. */
  readonly adminCookie: string;
}

/** What the bench calls a full rescore of the portfolio, timed in the server's process (CPU and wall time; a promise is awaited). */
export function fullRescore(deps: Deps): unknown {
  return deps.scoring.heatmap(deps.clock.today());
}

/** Starts a full rescore over HTTP; settles when it is done. */
export async function rescoreOverHttp(server: BenchServer): Promise<void> {
  const res = await fetch(`${server.base}/api/v1/portfolio/heatmap`, { headers: server.headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`the rescore answered ${res.status}`);
}

/** A methodology change over HTTP: the methodology in force stored again under a new version label (PUT /api/v1/methodology, as an admin). */
export async function changeMethodology(server: BenchServer): Promise<void> {
  const headers = { Cookie: server.adminCookie, Origin: server.base };
  const current = (await (await fetch(`${server.base}/api/v1/methodology`, { headers })).json()) as Record<string, unknown>;
  const { createdAt: _createdAt, ...body } = current;
  const res = await fetch(`${server.base}/api/v1/methodology`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, version: `bench-${Date.now()}`, note: 'npm run bench: a methodology change' }),
  });
  if (!res.ok) throw new Error(`PUT /api/v1/methodology answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}
