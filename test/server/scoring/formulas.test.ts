/**
 * Every contribution of the incidents, recurrence and disclosure factors shows its arithmetic with
 * its numbers (Contribution.formula). This test redoes it: it evaluates each formula from the
 * numbers it shows, finds its stated result, and rebuilds the factor from those results the way the
 * engine does (combined like independent risks, then apportioned), down to the points shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { SYSTEM } from '../../../server/domain/account.ts';
import { createStore } from '../../../server/db/store.ts';
import { apportion, unionOf } from '../../../server/scoring/arithmetic.ts';
import { DEFAULT_POLICY, type Policy } from '../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import type { FactorScore } from '../../../server/scoring/types.ts';
import { fixedClock } from '../../../server/services/clock.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { loadAllFacts } from '../../../server/services/facts-loader.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { memDb } from '../../helpers/db.ts';
import { day, vendorFacts } from '../../helpers/scoring-arbitraries.ts';

/**
 * Evaluates a formula's left side: numbers, × * / + -, parentheses and min(a, b); words are labels
 * and count for nothing ("critical 60 × confidence 1" is 60 × 1).
 */
function evaluate(text: string): number {
  const tokens = text
    .replace(/\bmin\(/g, ' MIN ( ')
    .replace(/[A-Za-z][A-Za-z'’-]*/g, (w) => (w === 'MIN' ? w : ' '))
    .match(/MIN|\d+(?:\.\d+)?|[()×*/+,-]/g)!;
  let k = 0;
  const peek = () => tokens[k];
  const take = (t?: string) => {
    const x = tokens[k++];
    if (t !== undefined && x !== t) throw new Error(`expected ${t}, found ${x} in "${text}"`);
    return x!;
  };
  const atom = (): number => {
    const t = take();
    if (t === '(') {
      const v = sum();
      take(')');
      return v;
    }
    if (t === 'MIN') {
      take('(');
      const a = sum();
      take(',');
      const b = sum();
      take(')');
      return Math.min(a, b);
    }
    const n = Number(t);
    if (!Number.isFinite(n)) throw new Error(`unexpected ${t} in "${text}"`);
    return n;
  };
  const product = (): number => {
    let v = atom();
    while (peek() === '×' || peek() === '*' || peek() === '/') v = take() === '/' ? v / atom() : v * atom();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '-') v = take() === '+' ? v + product() : v - product();
    return v;
  };
  const v = sum();
  if (k !== tokens.length) throw new Error(`left over ${tokens.slice(k).join(' ')} in "${text}"`);
  return v;
}

const FORMULA_FACTORS = ['incidents', 'recurrence', 'disclosure'];

/** Redoes one factor's arithmetic from its formulas. */
function redo(f: FactorScore): void {
  const results = f.contributions.map((c) => {
    expect(c.formula, `${f.id}: ${c.label}`).toBeDefined();
    const m = /^(.*) = (\d+\.\d)$/.exec(c.formula!);
    expect(m, c.formula).not.toBeNull();
    const shown = Number(m![2]);
    // Each number is shown to three decimals and the result to one: close, not equal.
    expect(Math.abs(evaluate(m![1]!) - shown), c.formula).toBeLessThanOrEqual(0.12);
    return shown;
  });
  // The factor from the stated results, as the engine combines them.
  expect(Math.abs(unionOf(results) - f.score), f.id).toBeLessThanOrEqual(0.05 * results.length + 0.05);
  const apportioned = apportion(f.score, results);
  f.contributions.forEach((c, i) => expect(Math.abs(apportioned[i]! - c.points), c.formula).toBeLessThanOrEqual(0.1 * results.length + 1e-9));
}

describe('formulas', () => {
  it('evaluates the grammar', () => {
    expect(evaluate('critical 60 × confidence 1 × decay 0.934 × (1 + reach 0.3)')).toBeCloseTo(72.852, 9);
    expect(evaluate('min(repeat 50 × support-credential-theft 1 × critical 1 × decay 1, cap 40.107)')).toBeCloseTo(40.107, 9);
    expect(evaluate('(lag 40 × min(1, 21 days / 90 days) + found by others 20) × critical 1 × decay 0.99')).toBeCloseTo((40 * (21 / 90) + 20) * 0.99, 9);
  });

  it("the demo portfolio on three days: every contribution of the three factors redone; Okta's repeat and lag as of 2023-10-31", () => {
    const store = createStore(memDb());
    seedDemoPortfolio(store, loadDemoPortfolio(loadConfig({}).seedDir), fixedClock('2026-01-01T00:00:00.000Z'), { reset: false, actor: SYSTEM });
    for (const facts of loadAllFacts(store)) {
      for (const asOf of ['2022-06-30', '2023-10-31', '2025-12-31']) {
        const s = scoreVendor(facts, DEFAULT_POLICY, asOf);
        for (const f of s.factors.filter((x) => FORMULA_FACTORS.includes(x.id))) redo(f);
      }
    }
    const okta = loadAllFacts(store).find((f) => f.vendor.name === 'Okta')!;
    const s = scoreVendor(okta, { ...DEFAULT_POLICY, incidentCap: { likelihoodPoints: null } }, '2023-10-31');
    const formulas = s.factors.flatMap((f) => f.contributions.map((c) => c.formula).filter(Boolean));
    expect(formulas).toContain('repeat 50 × support-credential-theft 1 × critical 1 × decay 0.9931 = 49.7');
    expect(formulas).toContain('(lag 40 × min(1, 21 days / 90 days) + found by others 20) × critical 1 × decay 0.9931 = 29.1');
  });

  it('over generated histories and every switch of methodology 2', () => {
    const variant: fc.Arbitrary<Policy> = fc
      .record({ classes: fc.boolean(), countAsOne: fc.boolean(), cap: fc.option(fc.integer({ min: 5, max: 60 })) })
      .map((v) => ({
        ...DEFAULT_POLICY,
        recurrence: { ...DEFAULT_POLICY.recurrence, matchOn: v.classes ? ('classes' as const) : ('root-cause' as const) },
        campaigns: { countAsOne: v.countAsOne },
        incidentCap: { likelihoodPoints: v.cap },
      }));
    fc.assert(
      fc.property(vendorFacts, variant, day, (facts, policy, asOf) => {
        for (const f of scoreVendor(facts, policy, asOf).factors.filter((x) => FORMULA_FACTORS.includes(x.id))) redo(f);
      }),
      { numRuns: 300 },
    );
  });
});
