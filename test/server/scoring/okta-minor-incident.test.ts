/**
 * The bug issue 13 reports: inserting a minor credential incident between Okta's two support
 * breaches replaced the critical support-channel repeat with two high credential repeats, and
 * lowered Okta's risk. Adding an incident must never lower a score nor weaken a finding.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { SYSTEM } from '../../../server/domain/account.ts';
import { createStore } from '../../../server/db/store.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { fixedClock } from '../../../server/services/clock.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { loadFacts } from '../../../server/services/facts-loader.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { memDb } from '../../helpers/db.ts';
import { incidentFacts } from '../../helpers/fixtures.ts';

function okta() {
  const store = createStore(memDb());
  seedDemoPortfolio(store, loadDemoPortfolio(loadConfig({}).seedDir), fixedClock('2026-01-01T00:00:00.000Z'), { reset: false, actor: SYSTEM });
  return loadFacts(store, store.vendors.findByName('Okta')!);
}

describe("a minor credential incident between Okta's two support breaches", () => {
  const facts = okta();
  const minor = incidentFacts({
    id: 10_000,
    title: 'Minor credential incident',
    severity: 'low',
    intrusionStartDate: '2023-02-01',
    detectedByVendorDate: '2023-02-02',
    publicDisclosureDate: '2023-02-03',
    initialAccessVectors: ['stolen-credentials'],
  });
  const withMinor = { ...facts, incidents: [...facts.incidents, minor] };

  it.each(['2023-10-31', '2024-06-30', '2025-06-30'])('lowers no factor, nor likelihood or risk, as of %s', (asOf) => {
    const before = scoreVendor(facts, DEFAULT_POLICY, asOf);
    const after = scoreVendor(withMinor, DEFAULT_POLICY, asOf);
    for (const f of before.factors) expect(after.factors.find((x) => x.id === f.id)!.score, f.id).toBeGreaterThanOrEqual(f.score);
    expect(after.likelihood).toBeGreaterThanOrEqual(before.likelihood);
    expect(after.risk).toBeGreaterThanOrEqual(before.risk);
  });

  it('keeps the critical support-channel repeat of 2023 after 2022', () => {
    const hars = facts.incidents.find((i) => i.ref === 'okta-2023-10-support-system')!;
    const sitel = facts.incidents.find((i) => i.ref === 'okta-2022-01-sitel')!;
    const repeat = scoreVendor(withMinor, DEFAULT_POLICY, '2023-10-31').findings.find((f) => f.id === `repeat-root-cause:incident:${hars.id}`);
    expect(repeat).toMatchObject({ severity: 'critical' });
    expect(repeat!.refs).toContain(`incident:${sitel.id}`);
  });
});
