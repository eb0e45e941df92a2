/**
 * Start-up on a database of the first release: the shipped 1.0.0, unchanged, in force → 2.0.0
 * stored and put in force; an admin's own version, or a hand-edited 1.0.0, stays in force. 1.0.0
 * stays stored and scores as it did; frozen quarters keep their version. Shipped labels are named
 * and reserved even where never stored.
 */
import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../../server/deps.ts';
import { SYSTEM } from '../../../server/domain/account.ts';
import { storedPolicy } from '../../../server/domain/methodology.ts';
import { loadConfig } from '../../../server/config.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { POLICY_1_0_0 } from '../../../server/scoring/policy-1.0.0.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { memDb } from '../../helpers/db.ts';
import { NOW, testOptions } from '../../helpers/app.ts';

/** A database as the first release left it: the shipped 1.0.0 stored on first start, the demo seeded. */
function firstRelease(extra: (deps: ReturnType<typeof makeDeps>) => void = () => {}) {
  const db = memDb();
  const deps = makeDeps(db, testOptions());
  deps.store.methodology.create(POLICY_1_0_0.version, POLICY_1_0_0.parameters, 'Shipped default', '2026-11-29T12:00:00.000Z');
  seedDemoPortfolio(deps.store, loadDemoPortfolio(loadConfig({}).seedDir), deps.clock, { reset: false, actor: SYSTEM });
  extra(deps);
  return { db, deps };
}

describe('methodology 2.0.0 on a database of the first release', () => {
  it('puts 2.0.0 in force once, audited as the system’s, and leaves 1.0.0 stored, scoring as it did', () => {
    const { deps } = firstRelease();
    const okta = deps.store.vendors.findByName('Okta')!.id;
    expect(deps.scoring.score(okta, '2023-10-31').methodologyVersion).toBe('1.0.0');
    // A quarter frozen under 1.0.0: its report and the vendor's history stay as they were.
    const report = deps.reports.quarterly(SYSTEM, '2023-Q4');
    const history = deps.history.history(okta, { from: '2023-Q1', to: '2023-Q4' }).items;
    expect(report.methodologyVersion).toBe('1.0.0');

    deps.methodology.ensureDefault();
    deps.methodology.ensureDefault();
    expect(deps.methodology.versions().map((v) => [v.version, v.active])).toEqual([
      ['1.0.0', false],
      ['2.0.0', true],
    ]);
    expect(deps.methodology.current()).toMatchObject({
      version: '2.0.0',
      note: 'Shipped default (replaces the shipped 1.0.0)',
      assessment: DEFAULT_POLICY.assessment,
    });
    const audit = deps.store.audit.list({ entity: 'methodology', limit: 10, offset: 0 }).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: SYSTEM.label, action: 'create', entityId: '2.0.0', before: { version: '1.0.0' }, after: { version: '2.0.0' } });
    // The stored 1.0.0 reads as it was: no 2.0 behaviour slips in.
    expect(deps.methodology.byVersion('1.0.0')).toEqual(storedPolicy(POLICY_1_0_0.parameters, '1.0.0'));
    expect(deps.methodology.byVersion('1.0.0')).toMatchObject({ assessment: { minEvidenceShare: 0 }, incidentCap: { likelihoodPoints: null } });
    expect(deps.scoring.score(okta, '2023-10-31').methodologyVersion).toBe('2.0.0');
    expect(deps.reports.quarterly(SYSTEM, '2023-Q4')).toEqual(report);
    expect(deps.history.history(okta, { from: '2023-Q1', to: '2023-Q4' }).items).toEqual(history);
  });

  it('keeps an admin’s own version in force', () => {
    const { deps } = firstRelease((d) =>
      d.store.methodology.create('1.1.0', { ...POLICY_1_0_0.parameters, decay: { name: 'short-penalty', kind: 'linear', days: 30 } }, 'ours', NOW),
    );
    deps.methodology.ensureDefault();
    expect(deps.methodology.versions().map((v) => [v.version, v.active])).toEqual([
      ['1.0.0', false],
      ['1.1.0', true],
    ]);
  });

  it('keeps a 1.0.0 that is not the one shipped (edited by hand)', () => {
    const db = memDb();
    const deps = makeDeps(db, testOptions());
    deps.store.methodology.create(
      '1.0.0',
      { ...POLICY_1_0_0.parameters, weights: { incidents: 0.4, recurrence: 0, support: 0.25, mfa: 0.2, disclosure: 0.15 } },
      'Shipped default',
      NOW,
    );
    deps.methodology.ensureDefault();
    expect(deps.methodology.versions().map((v) => v.version)).toEqual(['1.0.0']);
  });

  it('starts a new database at 2.0.0 alone, names the shipped 1.0.0 without storing it, and reserves its label', () => {
    const deps = makeDeps(memDb(), testOptions());
    deps.methodology.ensureDefault();
    expect(deps.methodology.versions().map((v) => v.version)).toEqual(['2.0.0']);
    expect(deps.methodology.labels()).toEqual(['2.0.0', '1.0.0']);
    expect(deps.methodology.byVersion('1.0.0')).toEqual(storedPolicy(POLICY_1_0_0.parameters, '1.0.0'));
    expect(deps.methodology.byVersion('0.9.0')).toBeUndefined();
    expect(() => deps.methodology.create(SYSTEM, { ...DEFAULT_POLICY, version: '1.0.0' }, null)).toThrow(/exists/);
    expect(deps.methodology.versions().map((v) => v.version)).toEqual(['2.0.0']);
  });
});
