import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import { scenarios } from '../../web/what-if-scenarios.ts';
import { EMPTY_DRAFT, whatIfChange, type Relationship } from '../../web/what-if.ts';

type Sub = Pick<Subprocessor, 'id' | 'name' | 'outsourced' | 'artifactsSanitized' | 'staffMfa' | 'until'>;
const NOW: Relationship = { tier: 1, dataAccess: 'confidential', environmentAccess: 'identity-provider' };
const sub = (id: number, o: Partial<Sub> = {}): Sub => ({
  id,
  name: `Sub ${id}`,
  outsourced: true,
  artifactsSanitized: null,
  staffMfa: null,
  until: null,
  ...o,
});
const byId = (subs: Sub[], id: string) => scenarios(subs).find((s) => s.id === id)!;

describe('what-if scenarios', () => {
  const subs = [
    sub(1, { name: 'Sitel', until: '2022-03' }),
    sub(2, { name: 'Okta Support', outsourced: false, staffMfa: 'totp' }),
    sub(3, { name: 'TaskUs', staffMfa: 'fido2', artifactsSanitized: true }),
  ];

  it('offers FIDO2 for all support staff, sanitizing, and one removal per outsourced provider', () => {
    expect(scenarios(subs).map((s) => [s.id, s.title])).toEqual([
      ['support-fido2', 'All support staff on FIDO2, enforced'],
      ['sanitize-artefacts', 'Sanitize artefacts on upload'],
      ['remove-1', 'Remove outsourced provider Sitel (ended)'],
      ['remove-3', 'Remove outsourced provider TaskUs'],
    ]);
    expect(scenarios([]).map((s) => s.id)).toEqual(['support-fido2']);
  });

  it('"all support staff on FIDO2" covers the vendor\'s own support staff AND the staff of its whole support chain', () => {
    const sc = byId(subs, 'support-fido2');
    expect(sc.detail).toBe('The vendor’s own support staff (its MFA posture, and in-house Okta Support) and the staff of outsourced Sitel (ended) and TaskUs.');
    const on = sc.apply(EMPTY_DRAFT);
    // TaskUs is on FIDO2 already: nothing to change there.
    expect(whatIfChange(on, NOW)).toEqual({
      mfa: [{ population: 'support', method: 'fido2', enforced: true }],
      subprocessors: [
        { id: 1, staffMfa: 'fido2' },
        { id: 2, staffMfa: 'fido2' },
      ],
    });
    expect(sc.applied(on)).toBe(true);
    expect(sc.applied({ ...on, mfa: { support: { method: 'fido2', enforced: false } } })).toBe(false);
    expect(sc.clear(on)).toEqual(EMPTY_DRAFT);
    expect(scenarios([])[0]!.detail).toBe('The vendor’s own support staff; no outsourced provider on record.');
  });

  it('sanitizes artefacts at every subprocessor not sanitizing them already', () => {
    const sc = byId(subs, 'sanitize-artefacts');
    expect(whatIfChange(sc.apply(EMPTY_DRAFT), NOW)).toEqual({
      subprocessors: [
        { id: 1, artifactsSanitized: true },
        { id: 2, artifactsSanitized: true },
      ],
    });
  });

  it('removes one provider, and a removed provider counts as done for the others', () => {
    const removed = byId(subs, 'remove-1').apply(EMPTY_DRAFT);
    expect(whatIfChange(removed, NOW)).toEqual({ removeSubprocessorIds: [1] });
    expect(byId(subs, 'sanitize-artefacts').applied(removed)).toBe(false);
    expect(byId(subs, 'sanitize-artefacts').applied(byId(subs, 'sanitize-artefacts').apply(removed))).toBe(true);
  });

  it("applying then clearing a scenario leaves the other scenarios' changes as they were", () => {
    const ids = scenarios(subs).map((s) => s.id);
    fc.assert(
      fc.property(fc.subarray(ids), fc.constantFrom(...ids), (others, one) => {
        const base = others.filter((id) => id !== one).reduce((d, id) => byId(subs, id).apply(d), EMPTY_DRAFT);
        const sc = byId(subs, one);
        expect(sc.applied(sc.apply(base))).toBe(true);
        for (const id of others.filter((id) => id !== one)) expect(byId(subs, id).applied(sc.apply(base))).toBe(true);
        // Clearing takes back only what the scenario sets; a removal it overlapped stays.
        expect(sc.applied(sc.clear(sc.apply(base)))).toBe(false);
      }),
    );
  });
});
