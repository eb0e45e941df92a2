/**
 * `npm run bench`: how long the portfolio heatmap takes to compute and to serve for a large
 * portfolio (5,000 vendors with incidents, support arrangements and MFA posture). Prints figures;
 * asserts nothing, because timings belong in benchmarks, not in tests.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { makeDeps } from '../../server/deps.ts';
import { incidentInput } from '../../server/domain/incident.ts';
import { mfaRecord } from '../../server/domain/mfa.ts';
import { subprocessorInput } from '../../server/domain/subprocessor.ts';
import { vendorInput } from '../../server/domain/vendor.ts';
import { silentLogger } from '../../server/logger.ts';
import { DEFAULT_POLICY } from '../../server/scoring/policy.ts';
import { fixedClock } from '../../server/services/clock.ts';
import { memDb } from '../helpers/db.ts';
import { testOptions } from '../helpers/app.ts';

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
const http = request(createApp(deps));
let bytes = 0;
const served = await time(async () => {
  const res = await http.get('/api/v1/portfolio/heatmap?asOf=2026-11-29');
  bytes = res.text.length;
});
const fmt = (t: { median: number; min: number; max: number }) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`;
console.log(`heatmap, ${VENDORS} vendors × ${deps.scoring.heatmap('2026-11-29').factors.length} factors, ${RUNS} runs (target: well under 1 s)`);
console.log(`  compute (5 queries + scoring): ${fmt(compute)}`);
console.log(`  GET /api/v1/portfolio/heatmap: ${fmt(served)}, ${(bytes / 1024).toFixed(0)} KiB`);
