import { describe, expect, it } from 'vitest';
import { MFA_METHODS_WEAK_FIRST, mfaGrid, unknownReading } from '../../../web/charts/mfa-grid.layout.ts';
import type { MfaPosture } from '../../../server/domain/mfa.ts';

const OKTA: MfaPosture = {
  items: [
    {
      population: 'workforce',
      method: 'fido2',
      enforced: true,
      evidence: 'public-statement',
      source: 'https://www.okta.com/blog/2023/09/how-we-went-passwordless-at-okta',
      assessedOn: '2023-09',
      knownFrom: '2023-09',
      notes: null,
    },
  ],
};

describe('mfaGrid', () => {
  const rows = mfaGrid(OKTA);

  it('has a row for every population, most at stake first, and a column per method from weakest to strongest', () => {
    expect(rows.map((r) => r.population)).toEqual(['admins', 'support', 'workforce', 'contractors', 'customers']);
    expect(MFA_METHODS_WEAK_FIRST).toEqual(['none', 'sms', 'totp', 'push', 'push-number-matching', 'fido2']);
    for (const r of rows) expect(r.cells.map((c) => c.method)).toEqual([...MFA_METHODS_WEAK_FIRST]);
  });

  it('marks the one cell of the recorded method, with "enforced" and the evidence and its date', () => {
    const workforce = rows.find((r) => r.population === 'workforce')!;
    expect(workforce.cells.filter((c) => c.recorded).map((c) => c.method)).toEqual(['fido2']);
    expect(workforce.cells.filter((c) => c.below)).toHaveLength(5);
    expect(workforce.status).toBe('enforced');
    expect(workforce.evidence).toBe('Public statement · Sep 2023');
    expect(workforce.summary).toBe('Workforce: FIDO2 / passkeys (phishing-resistant), enforced (Public statement · Sep 2023).');
    expect(workforce.dates).toBe('true since Sep 2023; known from Sep 2023');
    expect(workforce.notYet).toBeNull();
  });

  it('as of a day, says when a record was not yet known or not yet true: the score counts it as unknown', () => {
    const support = { ...OKTA.items[0]!, population: 'support' as const, assessedOn: '2023-10-01', knownFrom: '2023-10-20' };
    const row = (asOf: string) => mfaGrid({ items: [support] }, undefined, asOf).find((r) => r.population === 'support')!;
    expect(row('2023-10-19').notYet).toBe('not known on 19 Oct 2023 — known from 20 Oct 2023');
    expect(row('2023-10-19').summary).toContain('not known on 19 Oct 2023 — known from 20 Oct 2023: the score of that day counts it as unknown.');
    expect(row('2023-09-30').notYet).toBe('not known on 30 Sep 2023 — known from 20 Oct 2023');
    expect(row('2023-10-20').notYet).toBeNull();
    // Known only from a month: from its last day.
    const later = mfaGrid({ items: [{ ...support, assessedOn: '2023-11', knownFrom: '2023-11' }] }, undefined, '2023-11-15').find(
      (r) => r.population === 'support',
    )!;
    expect(later.notYet).toBe('not known on 15 Nov 2023 — known from Nov 2023');
    // Without a day, nothing is marked.
    expect(mfaGrid({ items: [support] }).find((r) => r.population === 'support')!.notYet).toBeNull();
  });

  it('says "unknown" for a population without a record, and which cell the score counts it as', () => {
    const support = rows.find((r) => r.population === 'support')!;
    expect(support.record).toBeNull();
    expect(support.cells.some((c) => c.recorded)).toBe(false);
    expect(support.cells.filter((c) => c.countedAs).map((c) => c.method)).toEqual(['sms']);
    expect(support.status).toBe('unknown: counted as SMS, not enforced');
    expect(support.summary).toContain('unknown, no record');
  });

  it('follows the methodology when it reads an unknown otherwise', () => {
    const support = mfaGrid({ items: [] }, { method: 'none', enforced: false }).find((r) => r.population === 'support')!;
    expect(support.cells.filter((c) => c.countedAs).map((c) => c.method)).toEqual(['none']);
    expect(support.status).toBe('unknown: counted as None, not enforced');
  });

  it('says "not enforced" for a method on record that is not enforced', () => {
    const admins = mfaGrid({
      items: [{ ...OKTA.items[0]!, population: 'admins', method: 'totp', enforced: false, evidence: 'audit-report', assessedOn: '2022-05-03' }],
    })[0]!;
    expect(admins.cells.find((c) => c.recorded)!.method).toBe('totp');
    expect(admins.status).toBe('not enforced');
    expect(admins.evidence).toBe('Audit report · 3 May 2022');
  });
});

describe('unknownReading', () => {
  const mfa = { methodRisk: { none: 1, sms: 0.7, totp: 0.5, push: 0.45, 'push-number-matching': 0.3, fido2: 0.05 }, unenforcedBenefit: 0.25 } as const;
  it('finds the cell the methodology’s MFA prior stands for: SMS, not enforced, by default', () => {
    expect(unknownReading({ ...mfa, unknownPrior: 0.925 })).toEqual({ method: 'sms', enforced: false });
    // A prior between two postures reads as the strongest one it is no better than.
    expect(unknownReading({ ...mfa, unknownPrior: 0.96 })).toEqual({ method: 'none', enforced: false });
    expect(unknownReading({ ...mfa, unknownPrior: 0.7 })).toEqual({ method: 'sms', enforced: true });
  });
});
