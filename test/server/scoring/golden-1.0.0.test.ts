/**
 * A stored methodology version goes on scoring as it did: methodology 1.0.0, read as a stored
 * version is read, scores the demo portfolio and 100 generated vendors exactly as it did when it
 * was recorded (test/fixtures/golden/make-golden.ts wrote the fixture before methodology 2.0).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { SYSTEM } from '../../../server/domain/account.ts';
import { storedPolicy } from '../../../server/domain/methodology.ts';
import { createStore } from '../../../server/db/store.ts';
import { POLICY_1_0_0 } from '../../../server/scoring/policy-1.0.0.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import type { ScoringFacts } from '../../../server/scoring/types.ts';
import { fixedClock } from '../../../server/services/clock.ts';
import { loadAllFacts } from '../../../server/services/facts-loader.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { digest, type Digest } from '../../fixtures/golden/digest.ts';
import { memDb } from '../../helpers/db.ts';

interface Golden {
  policy: { version: string } & Record<string, unknown>;
  seededOn: string;
  demo: Array<{ vendor: string; asOf: string; expected: Digest }>;
  generated: Array<{ facts: ScoringFacts; asOf: string; expected: Digest }>;
}

const golden = JSON.parse(readFileSync(new URL('../../fixtures/golden/golden-1.0.0.json', import.meta.url), 'utf8')) as Golden;
const { version, ...parameters } = golden.policy;
const v1 = storedPolicy(parameters, version);

describe('methodology 1.0.0, stored, scores as it did', () => {
  it('is the 1.0.0 the product keeps (server/scoring/policy-1.0.0.ts), parameter for parameter', () => {
    expect({ version: POLICY_1_0_0.version, ...POLICY_1_0_0.parameters }).toEqual(golden.policy);
  });

  it('the demo portfolio on eleven days from 2019 to 2026', () => {
    const store = createStore(memDb());
    seedDemoPortfolio(store, loadDemoPortfolio(loadConfig({}).seedDir), fixedClock(golden.seededOn), { reset: false, actor: SYSTEM });
    const facts = new Map(loadAllFacts(store).map((f) => [f.vendor.name, f]));
    expect(golden.demo).toHaveLength(374);
    for (const g of golden.demo) expect(digest(scoreVendor(facts.get(g.vendor)!, v1, g.asOf)), `${g.vendor} as of ${g.asOf}`).toEqual(g.expected);
  });

  it('100 generated vendors (every factor, finding and gap path)', () => {
    expect(golden.generated).toHaveLength(100);
    for (const [i, g] of golden.generated.entries())
      expect(digest(scoreVendor(g.facts, v1, g.asOf)), `generated vendor ${i} as of ${g.asOf}`).toEqual(g.expected);
  });
});
