/** Matching a change against a rule: band rises, severity floors, ownership, the expiry window. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, RISK_BANDS } from '../../../../server/domain/methodology.ts';
import { bandRose, ownedBy, ruleMatches } from '../../../../server/services/alerts/match.ts';
import type { Change } from '../../../../server/domain/change.ts';
import type { WatchRule } from '../../../../server/domain/watch-rule.ts';

const change = (o: Partial<Change>): Change => ({
  id: 1,
  vendorId: 1,
  vendorName: 'Acme',
  day: '2026-11-29',
  at: '2026-11-29T12:00:00.000Z',
  kind: 'incident-added',
  title: 't',
  oldRisk: null,
  newRisk: null,
  oldBand: null,
  newBand: null,
  causes: null,
  ref: null,
  detail: null,
  ...o,
});
const rule = (o: Partial<WatchRule>): WatchRule => ({
  id: 1,
  kind: 'incident-added',
  tiers: null,
  minSeverity: null,
  mineOnly: false,
  bandRoseOnly: false,
  withinDays: null,
  inApp: true,
  email: 'off',
  createdAt: '',
  updatedAt: '',
  ...o,
});

describe('matching', () => {
  it('a band rose exactly when both are risk bands and the new one ranks higher (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BANDS), fc.constantFrom(...BANDS), (oldBand, newBand) => {
        const ranked = oldBand !== 'not-assessed' && newBand !== 'not-assessed';
        const expected = ranked && RISK_BANDS.indexOf(newBand) > RISK_BANDS.indexOf(oldBand);
        expect(bandRose({ oldBand, newBand })).toBe(expected);
      }),
    );
    expect(bandRose({ oldBand: null, newBand: 'critical' })).toBe(false);
  });

  it('reads the severity from detail.severity; a change without one fails a severity floor', () => {
    const r = rule({ minSeverity: 'high' });
    expect(ruleMatches(r, change({ detail: { severity: 'critical' } }), { tier: 4, businessOwner: null }, 'a@b.c')).toBe(true);
    expect(ruleMatches(r, change({ detail: { severity: 'medium' } }), { tier: 4, businessOwner: null }, 'a@b.c')).toBe(false);
    expect(ruleMatches(r, change({ detail: null }), { tier: 4, businessOwner: null }, 'a@b.c')).toBe(false);
  });

  it('a tier filter needs the vendor (a deleted vendor fails it)', () => {
    expect(ruleMatches(rule({ tiers: [1] }), change({ vendorId: null }), undefined, 'a@b.c')).toBe(false);
    expect(ruleMatches(rule({ tiers: [1] }), change({}), { tier: 1, businessOwner: null }, 'a@b.c')).toBe(true);
  });

  it('an owner is the user by e-mail or by the name part of it, without case', () => {
    expect(ownedBy('Jane.Doe@Example.com', 'jane.doe@example.com')).toBe(true);
    expect(ownedBy('jane.doe', 'jane.doe@example.com')).toBe(true);
    expect(ownedBy('  Jane   Doe ', 'jane.doe@example.com')).toBe(true);
    expect(ownedBy('Jane Dough', 'jane.doe@example.com')).toBe(false);
    expect(ownedBy(null, 'jane.doe@example.com')).toBe(false);
  });

  it('evidence expiring counts days from the change’s day to detail.expiresOn', () => {
    const r = rule({ kind: 'evidence-expiring', withinDays: 30 });
    const c = (expiresOn: unknown) => change({ kind: 'evidence-expiring', detail: { expiresOn } });
    expect(ruleMatches(r, c('2026-12-29'), undefined, 'x@y.z')).toBe(true);
    expect(ruleMatches(r, c('2026-12-30'), undefined, 'x@y.z')).toBe(false);
    expect(ruleMatches(r, c(undefined), undefined, 'x@y.z')).toBe(false);
  });
});
