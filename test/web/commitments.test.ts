/** The dossier's commitments: in a fixed order, values in words, fields with nothing on record left out. */
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../server/domain/commitment.ts';
import { commitmentRows, commitmentValue } from '../../web/commitments.ts';

const c = (o: Partial<Commitment>): Commitment => ({
  vendorId: 1,
  field: 'notifyWithinDays',
  value: 3,
  confidence: 'self-attested',
  source: { kind: 'questionnaire', requestId: 12, questionId: 'notify-within-days' },
  knownFrom: '2026-11-20',
  updatedAt: '2026-11-20T09:30:00.000Z',
  ...o,
});

describe('commitments on the dossier', () => {
  it('puts the days to notify first, then the contact, whatever order the API gives', () => {
    const rows = commitmentRows([
      c({ field: 'securityContactEmail', value: 'security@example.com' }),
      c({ field: 'notifyWithinDays', value: 3 }),
      c({ field: 'securityContactName', value: 'Dana Reyes' }),
    ]);
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Notifies customers of a breach within', '3 days'],
      ['Security contact', 'Dana Reyes'],
      ['Security contact e-mail', 'security@example.com'],
    ]);
  });

  it('says one day in the singular, keeps markup as text, and leaves out what is not on record', () => {
    expect(commitmentValue({ field: 'notifyWithinDays', value: 1 })).toBe('1 day');
    const rows = commitmentRows([c({ field: 'securityContactName', value: '<b>Dana</b>' })]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toBe('<b>Dana</b>');
    expect(commitmentRows([])).toEqual([]);
  });
});
