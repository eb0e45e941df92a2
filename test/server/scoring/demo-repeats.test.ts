/**
 * Issue 13's examples on the demo portfolio: which incidents repeat which, under methodology
 * 1.0.0 (stored) and under the default. Microsoft's 2024 password spray no longer "repeats" its
 * 2023 forged signing key, which no longer "repeats" the 2021 reseller campaign; Okta 2023 still
 * repeats Okta 2022 through the support channel; LastPass's November 2022 breach continues
 * August's (one campaign, counted once), as data/seed/portfolio.json records.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { SYSTEM } from '../../../server/domain/account.ts';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { createStore } from '../../../server/db/store.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { repeatsAt } from '../../../server/scoring/recurrence-factor.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import type { Policy } from '../../../server/scoring/policy.ts';
import { fixedClock } from '../../../server/services/clock.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { loadAllFacts } from '../../../server/services/facts-loader.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { memDb } from '../../helpers/db.ts';
import { V1_POLICY } from '../../helpers/policies.ts';

const store = createStore(memDb());
seedDemoPortfolio(store, loadDemoPortfolio(loadConfig({}).seedDir), fixedClock('2026-01-01T00:00:00.000Z'), { reset: false, actor: SYSTEM });
const facts = new Map(loadAllFacts(store).map((f) => [f.vendor.name, f]));
const ASOF = dayNumber('2025-12-31');

/** "later ← earlier" by ref, for every repeat of a vendor known at the end of 2025 (within the window). */
function pairs(vendor: string, policy: Policy, asOf = ASOF): string[] {
  const incidents = facts.get(vendor)!.incidents;
  const ref = (id: number) => incidents.find((i) => i.id === id)!.ref;
  return repeatsAt(incidents, policy, asOf).map((r) => `${ref(r.incident.id)} ← ${ref(r.earlier.id)}`);
}

describe('repeats on the demo portfolio', () => {
  it('Microsoft: each incident "repeated" the one before under 1.0.0; none does now', () => {
    expect(pairs('Microsoft', V1_POLICY, dayNumber('2024-03-31'))).toEqual([
      'microsoft-2024-01-midnight-blizzard ← microsoft-2023-storm-0558',
      'microsoft-2023-storm-0558 ← microsoft-2021-10-nobelium-resellers',
      'microsoft-2021-10-nobelium-resellers ← microsoft-2021-06-nobelium-support-agent',
    ]);
    expect(pairs('Microsoft', DEFAULT_POLICY, dayNumber('2024-03-31'))).toEqual([]);
  });

  it('Okta: 2023 repeats 2022 through the support channel, critically, under both', () => {
    for (const policy of [V1_POLICY, DEFAULT_POLICY]) expect(pairs('Okta', policy)).toEqual(['okta-2023-10-support-system ← okta-2022-01-sitel']);
    const [repeat] = repeatsAt(facts.get('Okta')!.incidents, DEFAULT_POLICY, ASOF);
    expect(repeat).toMatchObject({ shared: ['support-credential-theft', 'support-channel'], daysApart: 577, critical: true });
  });

  it('LastPass: no repeat either way; now one campaign, counted once', () => {
    for (const policy of [V1_POLICY, DEFAULT_POLICY]) expect(pairs('LastPass', policy)).toEqual([]);
    const lastpass = facts.get('LastPass')!;
    const [aug, nov] = ['lastpass-2022-08-dev-environment', 'lastpass-2022-vault-backups'].map((ref) => lastpass.incidents.find((i) => i.ref === ref)!);
    expect(nov!.continuationOf).toBe(aug!.id);
    const now = scoreVendor(lastpass, DEFAULT_POLICY, '2023-03-31');
    const then = scoreVendor(lastpass, V1_POLICY, '2023-03-31');
    for (const id of ['incidents', 'disclosure'] as const) {
      expect(then.factors.find((f) => f.id === id)!.contributions.map((c) => c.ref)).toEqual([`incident:${nov!.id}`, `incident:${aug!.id}`]);
      expect(now.factors.find((f) => f.id === id)!.contributions.map((c) => c.ref)).toEqual([`incident:${aug!.id}`]);
    }
    // The whole's lag: from the August awareness to the November disclosure.
    expect(now.factors.find((f) => f.id === 'disclosure')!.contributions[0]!.detail).toMatch(/^one campaign of .*≈ 106 days to public disclosure/);
  });

  it('Mailchimp: its second support-tool breach repeats its first under both', () => {
    for (const policy of [V1_POLICY, DEFAULT_POLICY])
      expect(pairs('Mailchimp', policy, dayNumber('2022-12-31'))).toEqual(['mailchimp-2022-08-crypto-accounts ← mailchimp-2022-03-support-tool']);
  });
});
