/**
 * The heatmap's columns and what a cell's tooltip says, PURE: the value, and for a factor its
 * largest contribution (the API's `top`), so a reader sees what a number is made of without
 * leaving the grid. Also where the tooltip goes so that it stays on screen.
 */
import type { Heatmap, HeatmapRow } from '../../server/http/contract.ts';
import { STATUS_LABEL } from '../format.ts';
import { BAND_LABEL, bandRanges } from './heatmap.bands.ts';

type Factor = Heatmap['factors'][number];
export type HeatColumn =
  { readonly kind: 'vendor' | 'tier' | 'likelihood' | 'impact' | 'risk' | 'band' | 'confidence' } | { readonly kind: 'factor'; readonly factor: Factor };

/** The grid's columns, left to right: the vendor (row header), its tier, one per factor, then the totals. */
export function heatColumns(factors: readonly Factor[]): HeatColumn[] {
  return [
    { kind: 'vendor' },
    { kind: 'tier' },
    ...factors.map((factor) => ({ kind: 'factor' as const, factor })),
    { kind: 'likelihood' },
    { kind: 'impact' },
    { kind: 'risk' },
    { kind: 'band' },
    { kind: 'confidence' },
  ];
}

export interface Tip {
  readonly heading: string;
  readonly lines: readonly string[];
}

const one = (n: number) => n.toFixed(1);
const pct = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The factor that adds most to likelihood (weight × score), among the known ones. */
function biggestShare(row: HeatmapRow, factors: readonly Factor[]): string | null {
  let best: { label: string; points: number } | null = null;
  for (const f of factors) {
    const v = row.cells[f.id];
    if (v === null || v === undefined) continue;
    const points = f.weight * v;
    if (points > 0 && (!best || points > best.points)) best = { label: f.label, points };
  }
  return best && `Biggest known share: ${best.label}, ${one(best.points)} points`;
}

/** A not-assessed vendor: why, its inherent risk, how much of its residual risk rests on priors, and what would assess it. */
function notAssessedTip(row: HeatmapRow, heading: string): Tip {
  return {
    heading,
    lines: [
      `Evidence covers ${pct(row.evidenceCoverage)} of the likelihood weight`,
      `Inherent risk ${one(row.inherentRisk)} (${BAND_LABEL[row.inherentBand].toLowerCase()}); residual ${one(row.risk)}, ${one(row.unknownPoints)} of ${one(row.likelihood)} likelihood points on unknowns`,
      `To assess: ${row.toAssess.join('; ')}`,
    ],
  };
}

/** What the tooltip of `row` × `col` says. */
export function cellTip(row: HeatmapRow, col: HeatColumn, ctx: { readonly factors: readonly Factor[]; readonly bands?: Heatmap['bands'] }): Tip {
  switch (col.kind) {
    case 'vendor':
      return {
        heading: row.name,
        lines: [`${row.category} · tier ${row.tier} · ${STATUS_LABEL[row.status] ?? row.status}`, plural(row.findings, 'finding'), 'Enter opens the vendor'],
      };
    case 'tier':
      return { heading: `${row.name}: tier ${row.tier}`, lines: ['How much we depend on the vendor: 1 most, 4 least'] };
    case 'factor': {
      const { factor } = col;
      const value = row.cells[factor.id] ?? null;
      const top = row.top[factor.id] ?? null;
      if (value === null) {
        return {
          heading: `${row.name} · ${factor.label}: unknown`,
          lines: [
            'No evidence: the factor takes the methodology’s prior, never a good posture',
            top ? `Prior: +${one(top.points)} points` : 'Prior: none above zero',
          ],
        };
      }
      return {
        heading: `${row.name} · ${factor.label}: ${one(value)} of 100`,
        lines: [
          top ? `Largest contribution: ${top.label} (+${one(top.points)} points)` : 'Largest contribution: none above zero',
          `Weight: ${pct(factor.weight)} of likelihood`,
        ],
      };
    }
    case 'likelihood':
      return {
        heading: `${row.name} · likelihood ${one(row.likelihood)} of 100`,
        lines: ['The factors weighed together', biggestShare(row, ctx.factors) ?? 'No factor adds to it'],
      };
    case 'impact':
      return { heading: `${row.name} · impact ${one(row.impact)} of 100`, lines: ['From our relationship: tier, data and environment access'] };
    case 'risk':
      if (row.band === 'not-assessed') return notAssessedTip(row, `${row.name} · not assessed, residual risk ${one(row.risk)}`);
      return {
        heading: `${row.name} · risk ${one(row.risk)}`,
        lines: [`Likelihood ${one(row.likelihood)} × impact ${one(row.impact)} ÷ 100`, `${BAND_LABEL[row.band]} band`],
      };
    case 'band': {
      if (row.band === 'not-assessed') return notAssessedTip(row, `${row.name} · not assessed`);
      const range = bandRanges(ctx.bands).find((b) => b.band === row.band);
      return { heading: `${row.name} · ${BAND_LABEL[row.band]} band`, lines: [range ? `Risk ${range.text}` : `Risk ${one(row.risk)}`] };
    }
    case 'confidence':
      return { heading: `${row.name} · confidence ${pct(row.confidence)}`, lines: ['Share of the evidence the score needs that is known and fresh'] };
  }
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where a `tip`-sized tooltip goes for a cell at `anchor` (viewport coordinates): centred below
 * it, or above when it would run off the bottom, and shifted sideways to stay `margin` inside.
 */
export function placeTip(anchor: Box, tip: { width: number; height: number }, viewport: { width: number; height: number }, gap = 6, margin = 8) {
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - tip.height;
  const side: 'below' | 'above' = below + tip.height > viewport.height - margin && above >= margin ? 'above' : 'below';
  const centred = anchor.left + anchor.width / 2 - tip.width / 2;
  const left = Math.max(margin, Math.min(centred, viewport.width - margin - tip.width));
  return { left: Math.round(left), top: Math.round(side === 'below' ? below : above), side };
}
