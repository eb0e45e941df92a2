import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Change } from '../../server/domain/change.ts';
import { evidenceHref, groupByVendor, parseFeedFilters, sinceOf, signed, weightOf } from '../../web/changes.ts';

let nextId = 1;
const change = (o: Partial<Change> = {}): Change => ({
  id: nextId++,
  vendorId: 1,
  vendorName: 'Okta',
  day: '2026-11-29',
  at: '2026-11-29T12:00:00.000Z',
  kind: 'review-needed',
  title: 'Review due',
  oldRisk: null,
  newRisk: null,
  oldBand: null,
  newBand: null,
  causes: null,
  ref: null,
  detail: null,
  ...o,
});

describe('parseFeedFilters', () => {
  it('reads the period and filters, dropping what is not one', () => {
    expect(parseFeedFilters(new URLSearchParams('period=30&tier=2&owner= Ana &kind=incident-added'))).toEqual({
      period: '30',
      tier: '2',
      owner: 'Ana',
      kind: 'incident-added',
    });
    expect(parseFeedFilters(new URLSearchParams('period=9&tier=7&kind=bogus'))).toEqual({ period: 'last-visit', tier: '', owner: '', kind: '' });
  });
});

describe('sinceOf', () => {
  const now = Date.parse('2026-11-29T12:00:00.000Z');
  it('is the last visit, or a week back before the first one, or N days back', () => {
    expect(sinceOf('last-visit', '2026-11-20T08:00:00.000Z', now)).toBe('2026-11-20T08:00:00.000Z');
    expect(sinceOf('last-visit', null, now)).toBe('2026-11-22T12:00:00.000Z');
    expect(sinceOf('30', '2026-11-28T08:00:00.000Z', now)).toBe('2026-10-30T12:00:00.000Z');
  });
});

describe('groupByVendor', () => {
  it('puts the vendor with a band rise or a high/critical incident first, the rest by recency', () => {
    const groups = groupByVendor([
      change({ vendorId: 2, vendorName: 'Zoom', kind: 'evidence-expiring' }),
      change({ vendorId: 1, vendorName: 'Okta', kind: 'incident-added', detail: { severity: 'critical' }, ref: 'incident:4' }),
      change({ vendorId: 3, vendorName: 'Slack', kind: 'review-needed' }),
      change({ vendorId: 1, vendorName: 'Okta', kind: 'review-needed' }),
      change({ vendorId: 4, vendorName: 'Box', kind: 'score-changed', oldBand: 'moderate', newBand: 'high', oldRisk: 40, newRisk: 60 }),
    ]);
    expect(groups.map((g) => g.vendorName)).toEqual(['Box', 'Okta', 'Slack', 'Zoom']);
    expect(groups[1]!.changes.map((c) => c.kind)).toEqual(['incident-added', 'review-needed']);
  });

  it('keeps every event exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            vendorId: fc.integer({ min: 1, max: 5 }),
            kind: fc.constantFrom('review-needed', 'incident-added', 'score-changed'),
          }),
        ),
        (rows) => {
          const cs = rows.map((r) => change({ ...r, vendorName: `V${r.vendorId}` }));
          const out = groupByVendor(cs).flatMap((g) => g.changes.map((c) => c.id));
          expect(out.sort()).toEqual(cs.map((c) => c.id).sort());
        },
      ),
    );
  });

  it('does not rank a band fall or a low incident as important', () => {
    expect(weightOf(change({ kind: 'score-changed', oldBand: 'high', newBand: 'moderate' }))).toBe(1);
    expect(weightOf(change({ kind: 'incident-added', detail: { severity: 'low' } }))).toBe(1);
    expect(weightOf(change({ kind: 'review-needed', detail: { state: 'due' } }))).toBeLessThan(
      weightOf(change({ kind: 'review-needed', detail: { state: 'review-needed' } })),
    );
  });
});

describe('evidenceHref', () => {
  it('links an incident, a finding, a condition and a review to their place on the dossier', () => {
    expect(evidenceHref(change({ kind: 'incident-added', ref: 'incident:7' }))?.href).toBe('/vendors/1#incident-7');
    expect(evidenceHref(change({ kind: 'finding-new', ref: 'finding:support-mfa' }))?.href).toBe('/vendors/1#findings');
    expect(evidenceHref(change({ kind: 'condition-overdue', ref: 'condition:3' }))?.href).toBe('/vendors/1#condition-3');
    expect(evidenceHref(change({ kind: 'review-needed', ref: 'review:2' }))?.href).toBe('/vendors/1#reviews-title');
    expect(evidenceHref(change({ vendorId: null }))).toBeNull();
  });
});

it('signs points', () => {
  expect([signed(2.25), signed(-1), signed(0)]).toEqual(['+2.3', '−1.0', '±0.0']);
});
