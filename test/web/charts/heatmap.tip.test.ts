import { describe, expect, it } from 'vitest';
import type { Heatmap, HeatmapRow } from '../../../server/services/scoring-service.ts';
import { cellTip, heatColumns, placeTip } from '../../../web/charts/heatmap.tip.ts';
import { bandAt, bandRanges, BAND_TINT } from '../../../web/charts/heatmap.bands.ts';
import { contrast, inkOn, riskColor } from '../../../web/charts/heatmap.layout.ts';
import { ASSESSED } from '../../helpers/heatmap-row.ts';

const FACTORS = [
  { id: 'incidents', label: 'Past incidents', weight: 0.3 },
  { id: 'support', label: 'Support chain', weight: 0.25 },
  { id: 'mfa', label: 'MFA posture', weight: 0.2 },
] satisfies Heatmap['factors'];

const OKTA: HeatmapRow = {
  vendorId: 3,
  name: 'Okta',
  category: 'identity provider',
  tier: 1,
  status: 'approved',
  likelihood: 52.9,
  impact: 91,
  risk: 48.1,
  band: 'high',
  confidence: 0.54,
  cell: { likelihood: 3, impact: 5 },
  cells: { incidents: 44.4, support: 72.8, mfa: null },
  top: { incidents: { label: 'HAR files stolen from the support system', points: 30.2 }, support: null, mfa: null },
  findings: 3,
  ...ASSESSED,
};
const ctx = { factors: FACTORS };
const column = (id: string) => heatColumns(FACTORS).find((c) => c.kind === 'factor' && c.factor.id === id)!;

describe('heatColumns', () => {
  it('lists the vendor, the tier, one column per factor, then the totals', () => {
    expect(heatColumns(FACTORS).map((c) => (c.kind === 'factor' ? c.factor.id : c.kind))).toEqual([
      'vendor',
      'tier',
      'incidents',
      'support',
      'mfa',
      'likelihood',
      'impact',
      'risk',
      'band',
      'confidence',
    ]);
  });
});

describe('cellTip', () => {
  it('gives a factor cell its value and its largest contribution', () => {
    const tip = cellTip(OKTA, column('incidents'), ctx);
    expect(tip.heading).toBe('Okta · Past incidents: 44.4 of 100');
    expect(tip.lines).toContain('Largest contribution: HAR files stolen from the support system (+30.2 points)');
    expect(tip.lines).toContain('Weight: 30% of likelihood');
  });

  it('says when no contribution adds anything, and explains an unknown factor', () => {
    expect(cellTip(OKTA, column('support'), ctx).lines[0]).toBe('Largest contribution: none above zero');
    const unknown = cellTip(OKTA, column('mfa'), ctx);
    expect(unknown.heading).toBe('Okta · MFA posture: unknown');
    expect(unknown.lines).toEqual(['No evidence: the factor takes the methodology’s prior, never a good posture', 'Prior: none above zero']);
  });

  it('explains the totals: likelihood by its biggest known share, risk by its formula, the band by its range', () => {
    const cols = heatColumns(FACTORS);
    const of = (kind: string) =>
      cellTip(
        OKTA,
        cols.find((c) => c.kind === kind)!,
        ctx,
      );
    // Support chain: 0.25 × 72.8 = 18.2 beats past incidents: 0.3 × 44.4 = 13.3.
    expect(of('likelihood').lines).toContain('Biggest known share: Support chain, 18.2 points');
    expect(of('risk').lines).toEqual(['Likelihood 52.9 × impact 91.0 ÷ 100', 'High band']);
    expect(of('band').lines).toEqual(['Risk 30 to under 50']);
    expect(of('confidence').heading).toBe('Okta · confidence 54%');
    expect(of('vendor').lines).toEqual(['identity provider · tier 1 · Approved', '3 findings', 'Enter opens the vendor']);
    expect(of('tier').heading).toBe('Okta: tier 1');
  });
});

describe('placeTip', () => {
  const view = { width: 1000, height: 800 };
  const tip = { width: 200, height: 60 };

  it('centres the tooltip below the cell', () => {
    expect(placeTip({ left: 400, top: 100, width: 100, height: 30 }, tip, view)).toEqual({ left: 350, top: 136, side: 'below' });
  });

  it('goes above a cell near the bottom, and stays inside the sides', () => {
    expect(placeTip({ left: 400, top: 760, width: 100, height: 30 }, tip, view)).toMatchObject({ top: 694, side: 'above' });
    expect(placeTip({ left: 0, top: 100, width: 40, height: 30 }, tip, view).left).toBe(8);
    expect(placeTip({ left: 980, top: 100, width: 20, height: 30 }, tip, view).left).toBe(792);
  });
});

describe('bands', () => {
  it('gives each band its range, least risk first', () => {
    expect(bandRanges().map((b) => [b.band, b.text])).toEqual([
      ['low', '0 to under 15'],
      ['moderate', '15 to under 30'],
      ['high', '30 to under 50'],
      ['critical', '50 and above'],
    ]);
  });

  it('puts a risk in its band as the engine does', () => {
    expect([0, 14.9, 15, 29.9, 30, 49.9, 50, 100].map((r) => bandAt(r))).toEqual([
      'low',
      'low',
      'moderate',
      'moderate',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });

  it('tints bands darker as they get riskier, from the heatmap ramp, each with readable ink', () => {
    expect(BAND_TINT.critical).toBe(riskColor(85));
    for (const tint of Object.values(BAND_TINT)) expect(contrast(tint, inkOn(tint))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('a not-assessed vendor', () => {
  const row: HeatmapRow = {
    ...OKTA,
    band: 'not-assessed',
    assessed: false,
    evidenceCoverage: 0.58,
    unknownPoints: 22.3,
    likelihood: 31.5,
    risk: 28.7,
    inherentRisk: 41,
    inherentBand: 'high',
    toAssess: ['The support chain: who can reach customer tenants'],
  };

  it('says why, its inherent risk, the points on unknowns and what would assess it, on the risk and band cells', () => {
    for (const kind of ['risk', 'band'] as const) {
      const tip = cellTip(row, { kind }, ctx);
      expect(tip.heading).toContain('not assessed');
      expect(tip.lines).toEqual([
        'Evidence covers 58% of the likelihood weight',
        'Inherent risk 41.0 (high); residual 28.7, 22.3 of 31.5 likelihood points on unknowns',
        'To assess: The support chain: who can reach customer tenants',
      ]);
    }
  });
});
