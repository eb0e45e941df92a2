/**
 * The full rescore the bench measures, in one place. Scores are kept (server/services/kept/): a
 * methodology change marks every vendor stale, and the kept scores drain that in slices that yield
 * the event loop. `fullRescore` does that in the server's process; `rescoreOverHttp` puts a new
 * methodology in force over HTTP and waits for the heatmap, which answers once the rescore is done.
 */
import { SYSTEM } from '../../../server/domain/account.ts';
import type { Deps } from '../../../server/deps.ts';

export interface BenchServer {
  readonly base: string;
  /** A viewer's session. */
  readonly headers: Record<string, string>;
  /** An admin's session cookie. */
  readonly adminCookie: string;
}

let changes = 0;
/**
 * What the bench calls a full rescore of the portfolio, timed in the server's process: the methodology
 * in force put in force again under a new version (every kept row is then of another methodology),
 * and the drain that recomputes every vendor, its heatmap row and review status, and writes them.
 */
export async function fullRescore(deps: Deps): Promise<void> {
  const active = deps.methodology.active();
  deps.methodology.create(SYSTEM, { ...active, version: `${active.version.split('+')[0]}+bench.${++changes}` }, 'npm run bench: a full rescore');
  await deps.keptScores.fresh();
}

/** Starts a full rescore over HTTP (a methodology change); settles when it is done. */
export async function rescoreOverHttp(server: BenchServer): Promise<void> {
  await changeMethodology(server);
  // The heatmap answers once the kept scores are current again.
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
