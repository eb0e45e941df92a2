import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { draftFromQuery, draftToQuery, withoutDraft } from '../../web/what-if-url.ts';
import { EMPTY_DRAFT, whatIfChange, type Relationship, type SubprocessorChoice, type WhatIfDraft } from '../../web/what-if.ts';

const NOW: Relationship = { tier: 1, dataAccess: 'confidential', environmentAccess: 'identity-provider' };
const METHODS = ['none', 'sms', 'totp', 'push', 'push-number-matching', 'fido2'] as const;
const query = (q: Record<string, string>) => new URLSearchParams(q);

const mfaChoice = fc.record({ method: fc.constantFrom(...METHODS), enforced: fc.boolean() });
const subChoice: fc.Arbitrary<SubprocessorChoice> = fc.oneof(
  fc.constant({ remove: true }),
  fc.record({ artifactsSanitized: fc.boolean(), staffMfa: fc.constantFrom(...METHODS) }, { requiredKeys: [] }).filter((c) => Object.keys(c).length > 0),
);
const draft: fc.Arbitrary<WhatIfDraft> = fc.record({
  mfa: fc.record({ support: mfaChoice, admins: mfaChoice }, { requiredKeys: [] }),
  subprocessors: fc.dictionary(fc.integer({ min: 1, max: 500 }).map(String), subChoice, { maxKeys: 6 }),
  relationship: fc.record(
    {
      tier: fc.integer({ min: 1, max: 4 }),
      dataAccess: fc.constantFrom('none', 'internal', 'confidential', 'restricted'),
      environmentAccess: fc.constantFrom('none', 'user', 'admin', 'identity-provider'),
    },
    { requiredKeys: [] },
  ),
});

describe('the what-if draft in the URL', () => {
  it('writes readable keys under wi.', () => {
    const q = draftToQuery({
      mfa: { support: { method: 'fido2', enforced: true }, admins: { method: 'totp', enforced: false } },
      subprocessors: { 7: { remove: true, staffMfa: 'sms' }, 3: { artifactsSanitized: true, staffMfa: 'fido2' } },
      relationship: { tier: 2, dataAccess: 'restricted' },
    });
    expect(new URLSearchParams(q).toString()).toBe(
      'wi.mfa.support=fido2%2Cenforced&wi.mfa.admins=totp%2Cnot-enforced&wi.remove=7&wi.sanitized.3=yes&wi.staffMfa.3=fido2&wi.tier=2&wi.dataAccess=restricted',
    );
    expect(draftToQuery(EMPTY_DRAFT)).toEqual({});
  });

  it('reads back the same what-if it wrote (the request the API gets is the same)', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const back = draftFromQuery(query(draftToQuery(d)));
        expect(whatIfChange(back, NOW)).toEqual(whatIfChange(d, NOW));
        expect(draftToQuery(back)).toEqual(draftToQuery(d));
      }),
    );
  });

  it('leaves out what it does not know, so a hand-edited link is "as recorded", never an error', () => {
    const d = draftFromQuery(
      query({
        'wi.mfa.support': 'yubikey,enforced',
        'wi.mfa.admins': 'fido2',
        'wi.remove': '0,-1,abc,4',
        'wi.sanitized.x': 'yes',
        'wi.sanitized.5': 'maybe',
        'wi.staffMfa.6': 'magic',
        'wi.tier': '9',
        'wi.dataAccess': 'all',
        'wi.environmentAccess': 'toString',
      }),
    );
    expect(d).toEqual({ mfa: {}, subprocessors: { 4: { remove: true } }, relationship: {} });
    expect(draftFromQuery(query({ asOf: '2023-10-31' }))).toBe(EMPTY_DRAFT);
  });

  it('never throws on any query string', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('wi.mfa.support', 'wi.remove', 'wi.sanitized.1', 'wi.staffMfa.2', 'wi.tier', 'wi.dataAccess', 'other'), fc.string()),
        (q) => {
          const d = draftFromQuery(query(q));
          expect(typeof whatIfChange(d, NOW)).toBe('object');
        },
      ),
    );
  });

  it('keeps the rest of the query when the draft changes', () => {
    expect(withoutDraft(query({ asOf: '2023-10-31', 'wi.tier': '2', 'wi.remove': '3' }))).toEqual({ asOf: '2023-10-31' });
  });
});
