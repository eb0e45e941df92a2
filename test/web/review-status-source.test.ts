import { describe, expect, it } from 'vitest';
import { STATUS_OF_DECISION as SERVER_STATUS_OF_DECISION } from '../../server/domain/review.ts';
import { DECISIONS, STATUS_OF_DECISION, statusSource } from '../../web/reviews.ts';

describe('statusSource: one review status per vendor, with where it came from', () => {
  it('is the decision when the stored status is what the latest decision left', () => {
    expect(statusSource('approved', { decision: 'approved', decidedOn: '2022-06-30' })).toEqual({
      label: 'Approved',
      from: 'decision',
      note: 'from the review decision of 2022-06-30',
    });
    expect(statusSource('under-review', { decision: 'needs-information', decidedOn: '2024-01-02' }).from).toBe('decision');
  });

  it('says the status was set on the relationship when no decision is recorded', () => {
    expect(statusSource('approved-with-conditions', null)).toEqual({
      label: 'Approved with conditions',
      from: 'relationship',
      note: 'set on the relationship (no review decision recorded)',
    });
  });

  it('says so too when the status was set by hand after the latest decision', () => {
    expect(statusSource('offboarded', { decision: 'approved', decidedOn: '2022-06-30' }, (d) => `day ${d}`)).toEqual({
      label: 'Offboarded',
      from: 'relationship',
      note: 'set on the relationship after the last review decision (Approved, day 2022-06-30)',
    });
  });

  it('maps every decision to the status the server leaves', () => {
    for (const d of DECISIONS) expect(STATUS_OF_DECISION[d]).toBe(SERVER_STATUS_OF_DECISION[d]);
  });
});
