import { describe, expect, it } from 'vitest';
import { ruleFromForm, ruleSummary } from '../../web/watch-rules.ts';
import { bellLabel } from '../../web/notifications.ts';

const form = (entries: Array<[string, string]>) => {
  const d = new FormData();
  for (const [k, v] of entries) d.append(k, v);
  return d;
};

describe('watch rules in the web app', () => {
  it('reads a rule from its form: ticked tiers, the kind’s own filters, the channels', () => {
    expect(
      ruleFromForm(
        'incident-added',
        form([
          ['tiers', '1'],
          ['tiers', '2'],
          ['minSeverity', 'high'],
          ['inApp', 'on'],
          ['email', 'digest'],
        ]),
      ),
    ).toEqual({
      kind: 'incident-added',
      tiers: [1, 2],
      minSeverity: 'high',
      mineOnly: false,
      bandRoseOnly: false,
      withinDays: null,
      inApp: true,
      email: 'digest',
    });
  });

  it('treats no tier and every tier alike (null), and drops filters the kind does not have', () => {
    const r = ruleFromForm(
      'condition-overdue',
      form([
        ['tiers', '1'],
        ['tiers', '2'],
        ['tiers', '3'],
        ['tiers', '4'],
        ['minSeverity', 'high'],
        ['bandRoseOnly', 'on'],
        ['withinDays', '5'],
        ['mineOnly', 'on'],
      ]),
    );
    expect(r).toMatchObject({ tiers: null, minSeverity: null, bandRoseOnly: false, withinDays: null, mineOnly: true, inApp: false, email: 'off' });
  });

  it('passes a typed number of days as typed, for the server to check', () => {
    expect(ruleFromForm('evidence-expiring', form([['withinDays', '400']])).withinDays).toBe(400);
    expect(ruleFromForm('evidence-expiring', form([['withinDays', '']])).withinDays).toBeNull();
  });

  it('says a rule in words', () => {
    expect(ruleSummary({ kind: 'score-changed', tiers: [2, 1], minSeverity: null, mineOnly: false, bandRoseOnly: true, withinDays: null })).toBe(
      'Score changed · band rose · tiers 1, 2',
    );
    expect(ruleSummary({ kind: 'incident-added', tiers: null, minSeverity: 'high', mineOnly: true, bandRoseOnly: false, withinDays: null })).toBe(
      'Incident added · high or worse · any tier · vendors I own',
    );
    expect(ruleSummary({ kind: 'evidence-expiring', tiers: [3], minSeverity: null, mineOnly: false, bandRoseOnly: false, withinDays: 30 })).toBe(
      'Evidence expiring · within 30 days · tier 3',
    );
  });

  it('names the bell with its unread count', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
  });
});
