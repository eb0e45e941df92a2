/**
 * What a heatmap row of an assessed vendor carries about its evidence (issue 13 §1), for the chart
 * tests' row factories: spread it and override what a test is about.
 */
import type { HeatmapRow } from '../../server/services/scoring-service.ts';

export const ASSESSED: Pick<HeatmapRow, 'assessed' | 'evidenceCoverage' | 'unknownPoints' | 'inherentRisk' | 'inherentBand' | 'toAssess'> = {
  assessed: true,
  evidenceCoverage: 0.8,
  unknownPoints: 0,
  inherentRisk: 20,
  inherentBand: 'moderate',
  toAssess: [],
};
