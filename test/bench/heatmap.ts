/**
 * `npm run bench`: how long the portfolio heatmap and the review due list take to compute and to
 * serve for a large portfolio (5,000 vendors with incidents, support arrangements, MFA posture, and
 * procurement decisions for a quarter of them). Prints figures; asserts nothing, because timings
 * belong in benchmarks, not in tests.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { makeDeps } from '../../server/deps.ts';
import { incidentInput } from '../../server/domain/incident.ts';
import { mfaRecord } from '../../server/domain/mfa.ts';
import { subprocessorInput } from '../../server/domain/subprocessor.ts';
import { vendorInput } from '../../server/domain/vendor.ts';
import { reviewInput } from '../../server/domain/review.ts';
import { silentLogger } from '../../server/logger.ts';
import { DEFAULT_POLICY } from '../../server/scoring/policy.ts';
import { fixedClock } from '../../server/services/clock.ts';
import { SESSION_COOKIE } from '../../server/http/request-context.ts';
import { SYSTEM } from '../../server/domain/account.ts';
import { memDb } from '../helpers/db.ts';
import { testOptions } from '../helpers/app.ts';
import { TEST_PASSWORD_HASH } from '../helpers/passwords.ts';

const VENDORS = Number(process.env.BENCH_VENDORS ?? 5000);
const RUNS = 7;
const NOW = '2026-11-29T00:00:00.000Z';

const deps = makeDeps(memDb(), testOptions({ version: 'bench' }));
const { store } = deps;
const severities = ['low', 'medium', 'high', 'critical'] as const;

store.transaction(() => {
  for (let i = 0; i < VENDORS; i++) {
    const id = store.vendors.create(
      vendorInput.parse({ name: `Vendor ${i}`, category: `category ${i % 12}`, tier: (i % 4) + 1, dataAccess: 'confidential', environmentAccess: 'user' }),
      NOW,
    );
    for (let k = 0; k < i % 4; k++) {
      const year = 2018 + ((i + k) % 8);
      store.incidents.create(
        id,
        incidentInput.parse({
          title: `Incident ${k}`,
          severity: severities[(i + k) % 4],
          intrusionStartDate: `${year}-02-01`,
          detectedByVendorDate: `${year}-03-01`,
          publicDisclosureDate: `${year}-04-15`,
          // Every other incident runs through support, so repeats (recurrence) are exercised too.
          supportInvolved: k % 2 === 0,
          supportInvolvementType: k % 2 === 0 ? 'in-house-support-tool' : 'none',
          initialAccessVectors: ['stolen-credentials'],
        }),
        NOW,
      );
    }
    // Every third vendor outsources support; half of those to another vendor on record (inherited risk).
    if (i % 3 === 0) {
      const vendorId = i % 6 === 0 && i > 0 ? id - 1 : null;
      store.subprocessors.create(id, subprocessorInput.parse({ name: 'Support', function: 'customer support', outsourced: true, accessLevel: 'session-artifacts', vendorId }), NOW);
    }
    if (i % 2 === 0) store.mfa.replace(id, [mfaRecord.parse({ population: 'admins', method: 'fido2', enforced: true, evidence: 'attestation', source: null, assessedOn: '2024-01-01' })], NOW);
  }
});

// Decisions on every fourth vendor, on days spread over two years, so every state of the due list occurs.
for (let i = 0; i < VENDORS; i += 4) {
  const day = `${2024 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-15`;
  deps.reviews.create(SYSTEM, i + 1, reviewInput.parse({ decision: 'approved', rationale: 'bench', decidedOn: day }));
}

// The API is for signed-in callers: a viewer's session, as a browser would send it.
const viewer = store.users.create('bench@example.com', TEST_PASSWORD_HASH, 'viewer', deps.clock.now());
const cookie = `${SESSION_COOKIE}=${deps.auth.startSession(store.users.find(viewer)!, false, { ip: '127.0.0.1', userAgent: 'bench' }, null).secret}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => unknown | Promise<unknown>) => {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) };
};

const compute = await time(() => deps.scoring.heatmap('2026-11-29'));
const app = createApp(deps);
const get = async (path: string) => {
  const res = await request(app).get(path).set('Cookie', cookie);
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return res.text.length;
};
let bytes = 0;
const served = await time(async () => {
  bytes = await get('/api/v1/portfolio/heatmap?asOf=2026-11-29');
});
const due = await time(() => deps.reviews.due({ asOf: '2026-11-29', before: '2026-12-29' }));
let dueBytes = 0;
const dueServed = await time(async () => {
  dueBytes = await get('/api/v1/reviews/due?asOf=2026-11-29');
});
let icsBytes = 0;
const icsServed = await time(async () => {
  icsBytes = await get('/api/v1/reviews/due.ics?asOf=2026-11-29');
});
const fmt = (t: { median: number; min: number; max: number }) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`;
console.log(`heatmap, ${VENDORS} vendors × ${deps.scoring.heatmap('2026-11-29').factors.length} factors, ${RUNS} runs (target: well under 1 s)`);
console.log(`  compute (5 queries + scoring): ${fmt(compute)}`);
console.log(`  GET /api/v1/portfolio/heatmap: ${fmt(served)}, ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`review due list, ${VENDORS} vendors, ${deps.reviews.due({ asOf: '2026-11-29', before: '2026-12-29' }).length} due (target: under 1 s)`);
console.log(`  compute (status of every vendor): ${fmt(due)}`);
console.log(`  GET /api/v1/reviews/due: ${fmt(dueServed)}, ${(dueBytes / 1024).toFixed(0)} KiB`);
console.log(`  GET /api/v1/reviews/due.ics: ${fmt(icsServed)}, ${(icsBytes / 1024).toFixed(0)} KiB`);
