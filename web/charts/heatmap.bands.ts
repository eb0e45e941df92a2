/**
 * Risk bands in words and tints, PURE: where each band begins and ends, and the tint that echoes
 * it (the word always comes with it; the tint is never the only carrier).
 */
import type { Heatmap } from '../../server/http/contract.ts';
import type { Band, RiskBand } from '../../server/domain/methodology.ts';
import { inkOn, riskColor, UNKNOWN_FILL } from './heatmap.layout.ts';

export const BAND_LABEL: Readonly<Record<Band, string>> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  critical: 'Critical',
  'not-assessed': 'Not assessed',
};

/**
 * The heatmap ramp at a point inside each band, as <vr-band-badge> tints it: "darker = riskier"
 * holds everywhere. Not assessed is no point on the ramp: it takes the grey of an unknown cell
 * (and a dashed edge wherever it is drawn), so it never reads as a low risk.
 */
export const BAND_TINT: Readonly<Record<Band, string>> = {
  low: riskColor(8),
  moderate: riskColor(32),
  high: riskColor(58),
  critical: riskColor(85),
  'not-assessed': UNKNOWN_FILL,
};
export const BAND_INK: Readonly<Record<Band, string>> = {
  low: inkOn(BAND_TINT.low),
  moderate: inkOn(BAND_TINT.moderate),
  high: inkOn(BAND_TINT.high),
  critical: inkOn(BAND_TINT.critical),
  'not-assessed': '#3d434c',
};

/** Every band a filter can ask for, least risk first, then not assessed. */
export const BAND_FILTERS: readonly Band[] = ['low', 'moderate', 'high', 'critical', 'not-assessed'];

/** What "not assessed" means, in one line (legends, tooltips, the report). */
export const NOT_ASSESSED_TEXT = 'too little evidence to rate: shown with its inherent risk and what would assess it';

/** The policy's bands when the API gave none (they match the default methodology). */
export const DEFAULT_BANDS: Heatmap['bands'] = [
  { band: 'critical', minRisk: 50 },
  { band: 'high', minRisk: 30 },
  { band: 'moderate', minRisk: 15 },
  { band: 'low', minRisk: 0 },
];

export interface BandRange {
  readonly band: RiskBand;
  readonly label: string;
  readonly min: number;
  /** Where the next band begins; null for the top band. */
  readonly below: number | null;
  /** "50 and above", "30 to under 50". */
  readonly text: string;
}

/** Each band's range, least risk first. */
export function bandRanges(bands: Heatmap['bands'] = DEFAULT_BANDS): BandRange[] {
  const up = [...bands].sort((a, b) => a.minRisk - b.minRisk);
  return up.map((b, i) => {
    const below = up[i + 1]?.minRisk ?? null;
    return {
      band: b.band,
      label: BAND_LABEL[b.band],
      min: b.minRisk,
      below,
      text: below === null ? `${b.minRisk} and above` : `${b.minRisk} to under ${below}`,
    };
  });
}

/** The band a risk falls in, as the engine assigns it. */
export function bandAt(risk: number, bands: Heatmap['bands'] = DEFAULT_BANDS): RiskBand {
  const down = [...bands].sort((a, b) => b.minRisk - a.minRisk);
  return (down.find((b) => risk >= b.minRisk) ?? down.at(-1) ?? { band: 'low' as const }).band;
}
