/**
 * Property (issue 15 §1): after any sequence of writes — incidents added, edited, deleted;
 * subprocessors, linked to another vendor record or not; MFA; relationship edits; decisions; a
 * methodology change; days passing — the kept rows equal fresh scores and verify finds nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../../server/scoring/score-vendor.ts';
import { loadFacts } from '../../../../server/services/facts-loader.ts';
import { testApp } from '../../../helpers/app.ts';
import { DAY, testClock } from '../../../helpers/clock.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../../helpers/fixtures.ts';

const pick = fc.nat({ max: 99 });
const command = fc.oneof(
  fc.record({
    kind: fc.constant('incident' as const),
    vendor: pick,
    severity: fc.constantFrom('low', 'medium', 'high', 'critical'),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 2022, max: 2026 }),
  }),
  fc.record({ kind: fc.constant('edit-incident' as const), which: pick, severity: fc.constantFrom('low', 'critical') }),
  fc.record({ kind: fc.constant('delete-incident' as const), which: pick }),
  fc.record({
    kind: fc.constant('subprocessor' as const),
    vendor: pick,
    linked: fc.option(pick),
    access: fc.constantFrom('none', 'metadata', 'customer-data', 'session-artifacts', 'admin'),
  }),
  fc.record({ kind: fc.constant('delete-subprocessor' as const), which: pick }),
  fc.record({ kind: fc.constant('mfa' as const), vendor: pick, method: fc.constantFrom('none', 'sms', 'totp', 'fido2') }),
  fc.record({
    kind: fc.constant('relationship' as const),
    vendor: pick,
    tier: fc.integer({ min: 1, max: 4 }),
    status: fc.constantFrom('proposed', 'approved', 'offboarded'),
  }),
  fc.record({ kind: fc.constant('decision' as const), vendor: pick, decision: fc.constantFrom('approved', 'rejected', 'needs-information') }),
  fc.record({ kind: fc.constant('methodology' as const), shift: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 1, max: 200 }) }),
);

describe('kept scores: a property over random write sequences', () => {
  it('always agree with fresh scores, and verify finds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const clock = testClock('2026-11-29T12:00:00.000Z');
        const t = testApp({ clock });
        let http = t.as('admin');
        const vendors: number[] = [];
        for (let i = 0; i < 3; i++) vendors.push((await http.post('/api/v1/vendors').send(vendorBody({ name: `Vendor ${i}` }))).body.id);
        const incidents: number[] = [];
        const subprocessors: number[] = [];
        let versions = 0;
        const at = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
        for (const c of commands) {
          const res = await (async () => {
            switch (c.kind) {
              case 'incident': {
                const d = `${c.year}-${String(c.month).padStart(2, '0')}-10`;
                const r = await http.post(`/api/v1/vendors/${at(vendors, c.vendor)}/incidents`).send(
                  incidentBody({
                    ref: null as never,
                    severity: c.severity as never,
                    intrusionStartDate: d,
                    firstReportedByThirdPartyDate: null,
                    firstReportedBy: null,
                    detectedByVendorDate: d,
                    publicDisclosureDate: d,
                  }),
                );
                if (r.status === 201) incidents.push(r.body.id);
                return r;
              }
              case 'edit-incident': {
                const id = at(incidents, c.which);
                return id === undefined ? null : http.patch(`/api/v1/incidents/${id}`).send({ severity: c.severity });
              }
              case 'delete-incident': {
                const id = at(incidents, c.which);
                if (id === undefined) return null;
                incidents.splice(incidents.indexOf(id), 1);
                return http.delete(`/api/v1/incidents/${id}`);
              }
              case 'subprocessor': {
                const parent = at(vendors, c.vendor)!;
                const linked = c.linked === null ? null : at(vendors, c.linked)!;
                const r = await http
                  .post(`/api/v1/vendors/${parent}/subprocessors`)
                  .send(subprocessorBody({ name: `Sub ${subprocessors.length}`, vendorId: linked === parent ? null : linked, accessLevel: c.access as never }));
                if (r.status === 201) subprocessors.push(r.body.id);
                return r;
              }
              case 'delete-subprocessor': {
                const id = at(subprocessors, c.which);
                if (id === undefined) return null;
                subprocessors.splice(subprocessors.indexOf(id), 1);
                return http.delete(`/api/v1/subprocessors/${id}`);
              }
              case 'mfa':
                return http
                  .put(`/api/v1/vendors/${at(vendors, c.vendor)}/mfa`)
                  .send({ items: [mfaItem({ population: 'support', method: c.method as never })] });
              case 'relationship':
                return http.patch(`/api/v1/vendors/${at(vendors, c.vendor)}`).send({ tier: c.tier, status: c.status });
              case 'decision':
                return http.post(`/api/v1/vendors/${at(vendors, c.vendor)}/reviews`).send({ decision: c.decision, rationale: 'property' });
              case 'methodology': {
                const shift = c.shift / 100;
                const weights = { ...DEFAULT_POLICY.weights, incidents: DEFAULT_POLICY.weights.incidents + shift, mfa: DEFAULT_POLICY.weights.mfa - shift };
                return http.put('/api/v1/methodology').send({ ...DEFAULT_POLICY, version: `9.${++versions}.0`, note: 'property', weights });
              }
              case 'day':
                clock.advance(c.days * DAY);
                http = t.as('admin');
                // The day job's work: what a new day made stale is recomputed.
                await t.deps.keptScores.fresh();
                return null;
            }
          })();
          if (res) expect(res.status, `${c.kind}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
          // Each write was recomputed before it committed: nothing is left stale, and nothing disagrees.
          expect(t.deps.store.kept.anyStale()).toBe(false);
          expect(t.deps.keptScores.verify(), c.kind).toEqual({ checked: 3, pending: 0, disagreements: [] });
        }
        const policy = t.deps.methodology.active();
        for (const id of vendors) {
          const kept = JSON.parse(t.deps.store.kept.find(id)!.score);
          expect(kept).toEqual(JSON.parse(JSON.stringify(scoreVendor(loadFacts(t.deps.store, t.deps.store.vendors.find(id)!), policy, clock.today()))));
        }
        // Every recorded score change's causes add up to its move.
        for (const ch of t.deps.store.changes.list({ limit: 1000, kinds: ['score-changed'] })) {
          const sum = Object.values(ch.causes!).reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(ch.newRisk! - ch.oldRisk!, 5);
        }
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
