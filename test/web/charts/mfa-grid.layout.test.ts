import { describe, expect, it } from 'vitest';
import { MFA_METHODS_WEAK_FIRST, mfaGrid } from '../../../web/charts/mfa-grid.layout.ts';
import type { MfaPosture } from '../../../server/domain/mfa.ts';

const OKTA: MfaPosture = {
  items: [
    { population: 'workforce', method: 'fido2', enforced: true, evidence: 'public-statement', source: 'https://www.okta.com/blog/2023/09/how-we-went-passwordless-at-okta', assessedOn: '2023-09', notes: null },
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
    const admins = mfaGrid({ items: [{ ...OKTA.items[0]!, population: 'admins', method: 'totp', enforced: false, evidence: 'audit-report', assessedOn: '2022-05-03' }] })[0]!;
    expect(admins.cells.find((c) => c.recorded)!.method).toBe('totp');
    expect(admins.status).toBe('not enforced');
    expect(admins.evidence).toBe('Audit report · 3 May 2022');
  });
});
