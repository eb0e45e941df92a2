/** The documented shapes of scores and the portfolio heatmap: defined once, in the domain. */
export { frozenVendorScore, heatmap, vendorScore } from '../../domain/score.ts';
