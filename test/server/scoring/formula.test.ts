/**
 * Every contribution of the support, MFA and impact factors, and the inherent risk, shows its
 * formula with its numbers; a reader can redo the arithmetic. This test does: it takes the numbers
 * and operators out of each formula, evaluates them, and checks the result against the stated one
 * and against the points the score shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import type { Contribution } from '../../../server/scoring/types.ts';
import { day, vendorFacts } from '../../helpers/scoring-arbitraries.ts';

/** Evaluates "access 50 × outsourced 1.2 × (0.5 + 0.5 × risk 0.7) + artefacts 10": labels are skipped, numbers and operators kept. */
function evaluate(expression: string): number {
  const tokens = expression.match(/min|\d+(?:\.\d+)?|[×+−/(),]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++]!;
  const primary = (): number => {
    const t = next();
    if (t === '(') {
      const v = sum();
      expect(next()).toBe(')');
      return v;
    }
    if (t === 'min') {
      expect(next()).toBe('(');
      const a = sum();
      expect(next()).toBe(',');
      const b = sum();
      expect(next()).toBe(')');
      return Math.min(a, b);
    }
    const v = Number(t);
    expect(Number.isFinite(v), `a number where "${t}" is in ${expression}`).toBe(true);
    return v;
  };
  const product = (): number => {
    let v = primary();
    while (peek() === '×' || peek() === '/') v = next() === '×' ? v * primary() : v / primary();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '−') v = next() === '+' ? v + product() : v - product();
    return v;
  };
  const v = sum();
  expect(i, `all of ${expression} read`).toBe(tokens.length);
  return v;
}

/** The formula's value redone from its text, and the result it states. */
function redo(formula: string | undefined): { redone: number; stated: number } {
  expect(formula, 'a formula').toBeDefined();
  const [left, right, ...more] = formula!.split(' = ');
  expect(more).toEqual([]);
  return { redone: evaluate(left!), stated: Number(right) };
}

// The numbers a formula shows are rounded to four decimals: a redone sum may be off by a little.
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(b)));

function checkParts(contributions: readonly Contribution[]): number[] {
  return contributions.map((c) => {
    const { redone, stated } = redo(c.formula);
    close(redone, stated);
    return stated;
  });
}

describe('formulas', () => {
  it('evaluate() reads the example of the issue', () => {
    expect(evaluate('access 50 × outsourced 1.2 × staff MFA 0.96 + artefacts 10 + retention 5')).toBeCloseTo(72.6, 9);
    expect(evaluate('1 − (1 − method risk 0.7) × unenforced benefit 0.25')).toBeCloseTo(0.925, 9);
    expect(evaluate('min(30, incident score 70 × share 0.5) × access 50 / highest access 60')).toBeCloseTo(25, 9);
  });

  it('every support, MFA, impact and inherent contribution carries a formula that redoes to its points', () => {
    fc.assert(
      fc.property(vendorFacts, day, (f, asOf) => {
        const s = scoreVendor(f, P, asOf);
        const support = s.factors.find((x) => x.id === 'support')!;
        const mfa = s.factors.find((x) => x.id === 'mfa')!;

        // Support: one part is the factor; several combine as independent risks, and the factor says how.
        const supportParts = checkParts(support.contributions);
        if (supportParts.length === 1) expect(Math.abs(supportParts[0]! - support.score)).toBeLessThanOrEqual(0.05 + 1e-9);
        else {
          const { redone, stated } = redo(support.formula);
          close(redone, stated);
          expect(Math.abs(stated - support.score)).toBeLessThanOrEqual(0.05 + 1e-9);
          // The union's terms are the parts' own results.
          expect(support.formula!.match(/\(1 − ([\d.]+) \/ 100\)/g)!.length).toBe(supportParts.length);
        }

        // MFA: the parts add up to the factor, and each shown point is its own result rounded.
        const mfaParts = checkParts(mfa.contributions);
        expect(Math.abs(mfaParts.reduce((a, b) => a + b, 0) - mfa.score)).toBeLessThanOrEqual(0.05 + 1e-9);
        mfa.contributions.forEach((c, i) => expect(Math.abs(c.points - mfaParts[i]!)).toBeLessThanOrEqual(0.1 + 1e-9));

        // Impact: the same, to the impact figure.
        const impactParts = checkParts(s.impactContributions);
        expect(Math.abs(impactParts.reduce((a, b) => a + b, 0) - s.impact)).toBeLessThanOrEqual(0.05 + 1e-9);

        // Inherent risk: one formula, prior × impact / 100.
        const [inherent] = checkParts(s.inherentContributions);
        expect(Math.abs(inherent! - s.inherentRisk)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(s.inherentContributions[0]!.formula).toContain(`impact ${s.impact} / 100`);
      }),
      { numRuns: 300 },
    );
  });

  it('Okta’s support factor as of 2023-10-31 is reproducible from its formula (72.8 on the page)', () => {
    const okta = { accessLevel: 'admin', outsourced: false, staffMfa: null, artifactsSanitized: false, retentionDays: null } as const;
    const s = scoreVendor(
      {
        vendor: { id: 1, name: 'Okta', tier: 1, dataAccess: 'confidential', environmentAccess: 'identity-provider', category: 'identity provider' },
        incidents: [],
        subprocessors: [
          { id: 7, name: 'Okta Customer Support', function: 'customer support', ...okta, since: null, until: null, knownFrom: '2023-10-20', ownIncidents: [] },
        ],
        mfa: [],
      },
      P,
      '2023-10-31',
    );
    const support = s.factors.find((x) => x.id === 'support')!;
    expect(support.score).toBe(72.8);
    expect(support.contributions[0]!.formula).toBe(
      'access 60 × staff MFA (0.5 + 0.5 × (1 − (1 − method risk 0.7) × unenforced benefit 0.25)) + artefacts 10 + retention 5 = 72.75',
    );
  });
});
