import { describe, expect, it } from 'vitest';
import { conflictRows, fieldLabel, valueText } from '../../web/edit-conflict.ts';

describe('conflictRows', () => {
  it('lists the fields where what was sent and the record as it is now differ, in the order sent', () => {
    const rows = conflictRows(
      { kind: 'relationship', patch: { businessOwner: 'Bob', tier: 2 }, version: 1 },
      { id: 1, businessOwner: 'Alice', tier: 2, notes: 'theirs only', version: 2 },
    );
    expect(rows).toEqual([{ field: 'businessOwner', label: 'Business owner', yours: 'Bob', theirs: 'Alice' }]);
  });

  it('compares an MFA posture population by population', () => {
    const item = (population: string, method: string) => ({
      population,
      method,
      enforced: true,
      evidence: 'attestation',
      assessedOn: '2024-01-01',
      source: null,
      notes: null,
    });
    const rows = conflictRows(
      { kind: 'mfa', posture: { items: [item('admins', 'fido2'), item('support', 'sms')] as never }, version: 1 },
      { items: [item('admins', 'fido2'), item('workforce', 'totp')], version: 2 },
    );
    expect(rows.map((r) => [r.field, r.yours, r.theirs])).toEqual([
      ['support', 'sms, enforced (attestation, assessed 2024-01-01)', 'Unknown'],
      ['workforce', 'Unknown', 'totp, enforced (attestation, assessed 2024-01-01)'],
    ]);
  });

  it('has no rows for a delete, or without a current record', () => {
    expect(conflictRows({ kind: 'delete-incident', id: 1, label: 'x', version: 1 }, { id: 1, version: 2 })).toEqual([]);
    expect(conflictRows({ kind: 'relationship', patch: { tier: 1 } }, undefined)).toEqual([]);
  });
});

describe('valueText and fieldLabel', () => {
  it('read values and names as words', () => {
    expect([null, '', [], true, false, ['a', 'b'], 3].map(valueText)).toEqual(['—', '—', '—', 'Yes', 'No', 'a, b', '3']);
    expect(fieldLabel('initialAccessVectors')).toBe('Initial access vectors');
  });
});
