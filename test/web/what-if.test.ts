import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/scoring/types.ts';
import { delta, EMPTY_DRAFT, findingChanges, isNoChange, pruneDraft, whatIfChange, type Relationship } from '../../web/what-if.ts';

const NOW: Relationship = { tier: 1, dataAccess: 'confidential', environmentAccess: 'identity-provider' };
const finding = (id: string, rule = id.split(':')[0]!): Finding => ({ id, rule, severity: 'high', title: id, rationale: '', suggestedCondition: '', refs: [] });

describe('whatIfChange', () => {
  it('asks for nothing but the day when nothing was changed', () => {
    expect(whatIfChange(EMPTY_DRAFT, NOW)).toEqual({});
    expect(whatIfChange(EMPTY_DRAFT, NOW, '2023-10-31')).toEqual({ asOf: '2023-10-31' });
    expect(isNoChange(whatIfChange(EMPTY_DRAFT, NOW, '2023-10-31'))).toBe(true);
  });

  it('replaces the MFA of support staff and admins, each a record of its population', () => {
    const change = whatIfChange({ ...EMPTY_DRAFT, mfa: { support: { method: 'fido2', enforced: true }, admins: { method: 'totp', enforced: false } } }, NOW);
    expect(change).toEqual({
      mfa: [
        { population: 'support', method: 'fido2', enforced: true },
        { population: 'admins', method: 'totp', enforced: false },
      ],
    });
    expect(isNoChange(change)).toBe(false);
  });

  it('removes subprocessors, and changes only the fields set on the others', () => {
    const change = whatIfChange(
      { ...EMPTY_DRAFT, subprocessors: { 1: { remove: true, staffMfa: 'sms' }, 2: { artifactsSanitized: true }, 3: { staffMfa: 'fido2' }, 4: {} } },
      NOW,
    );
    expect(change).toEqual({
      removeSubprocessorIds: [1],
      subprocessors: [
        { id: 2, artifactsSanitized: true },
        { id: 3, staffMfa: 'fido2' },
      ],
    });
  });

  it('sends only the parts of the relationship that differ from the one on record', () => {
    expect(whatIfChange({ ...EMPTY_DRAFT, relationship: { tier: 1, dataAccess: 'restricted' } }, NOW)).toEqual({ relationship: { dataAccess: 'restricted' } });
    expect(whatIfChange({ ...EMPTY_DRAFT, relationship: { tier: 1 } }, NOW)).toEqual({});
  });
});

describe('pruneDraft', () => {
  it('drops changes to subprocessors that are gone, and keeps the draft as it is otherwise', () => {
    const draft = { ...EMPTY_DRAFT, subprocessors: { 1: { remove: true }, 2: { staffMfa: 'fido2' as const } } };
    expect(pruneDraft(draft, [2, 5]).subprocessors).toEqual({ 2: { staffMfa: 'fido2' } });
    expect(pruneDraft(draft, [1, 2])).toBe(draft);
  });
});

describe('findingChanges', () => {
  it('lists the findings that would go away and those that would appear, by id', () => {
    const before = [finding('support-mfa-not-phishing-resistant:mfa:support'), finding('admins-mfa-not-phishing-resistant:mfa:admins')];
    const after = [finding('admins-mfa-not-phishing-resistant:mfa:admins'), finding('outsourced-tenant-access:subprocessor:4')];
    const { gone, appeared } = findingChanges(before, after);
    expect(gone.map((f) => f.id)).toEqual(['support-mfa-not-phishing-resistant:mfa:support']);
    expect(appeared.map((f) => f.id)).toEqual(['outsourced-tenant-access:subprocessor:4']);
    expect(findingChanges(before, before)).toEqual({ gone: [], appeared: [] });
  });
});

describe('delta', () => {
  it('gives the direction as an arrow and the size as a number, rounded as the engine rounds', () => {
    expect(delta(-5.2)).toEqual({ direction: 'down', text: '▼ 5.2', spoken: '5.2 lower' });
    expect(delta(3.14)).toEqual({ direction: 'up', text: '▲ 3.1', spoken: '3.1 higher' });
    expect(delta(0)).toMatchObject({ direction: 'none', text: 'no change' });
    expect(delta(-0.04)).toMatchObject({ direction: 'none' });
  });
});
