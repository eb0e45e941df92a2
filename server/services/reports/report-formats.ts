/** The quarterly report as CSV (one row per vendor) and as Markdown (for a board pack or a wiki). */
import { toCsv } from '../imports/csv.ts';
import type { QuarterlyReport } from './report-service.ts';

export function reportCsv(r: QuarterlyReport): string {
  const movers = new Map(r.movers.map((m) => [m.vendorId, m]));
  return toCsv(
    ['quarter', 'asOf', 'methodologyVersion', 'vendorId', 'name', 'tier', 'category', 'likelihood', 'impact', 'risk', 'band', 'confidence', `risk${r.vs}`, 'delta', 'causeIncidents', 'causeDecay', 'causePosture', 'causeMethodology', 'findings'],
    r.vendors.map((v) => {
      const m = movers.get(v.vendorId);
      return [r.quarter, r.asOf, r.methodologyVersion, v.vendorId, v.name, v.tier, v.category, v.likelihood, v.impact, v.risk, v.band, v.confidence, v.previousRisk, v.delta, m?.causes.incidents ?? null, m?.causes.decay ?? null, m?.causes.posture ?? null, m?.causes.methodology ?? null, v.findings];
    }),
  );
}

/** Markdown table cells cannot hold pipes or line breaks. */
const cell = (v: unknown) => String(v ?? '–').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const table = (head: string[], rows: unknown[][]) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function reportMarkdown(r: QuarterlyReport): string {
  const b = r.summary.byBand;
  return [
    `# Vendor risk report, ${r.quarter}`,
    '',
    `As of ${r.asOf}, compared with ${r.vs} (${r.vsAsOf}). Methodology ${r.methodologyVersion}. ${r.frozen ? 'Frozen: this closed quarter reads the same on every request.' : 'Live: the current quarter, as of today.'} Generated ${r.generatedAt}.`,
    '',
    '## Summary',
    '',
    table(['vendors', 'critical', 'high', 'moderate', 'low', 'average risk'], [[r.summary.vendors, b.critical, b.high, b.moderate, b.low, r.summary.averageRisk]]),
    '',
    '## Top risks',
    '',
    table(['vendor', 'tier', 'risk', 'band', 'likelihood', 'impact', 'top finding'], r.topRisks.map((t) => [t.name, t.tier, t.risk, t.band, t.likelihood, t.impact, t.topFinding])),
    '',
    `## Movers since ${r.vs}`,
    '',
    r.movers.length
      ? table(['vendor', 'from', 'to', 'change', 'incidents', 'decay', 'posture', 'methodology'], r.movers.map((m) => [m.name, m.from, m.to, signed(m.delta), signed(m.causes.incidents), signed(m.causes.decay), signed(m.causes.posture), signed(m.causes.methodology)]))
      : 'No vendor moved by a point or more.',
    '',
    r.method.movers,
    '',
    '## New incidents (publicly disclosed this quarter)',
    '',
    r.newIncidents.length
      ? table(['vendor', 'incident', 'severity', 'disclosed', 'lag (days)', 'found by others first'], r.newIncidents.map((n) => [n.vendorName, n.title, n.severity, n.publicDisclosureDate, n.lagDays ?? 'unknown', n.foundByOthersFirst ? 'yes' : 'no']))
      : 'None.',
    '',
    `Disclosure lags: ${r.disclosureLags.known} of ${r.disclosureLags.incidents} known; median ${r.disclosureLags.medianDays ?? '–'} days, longest ${r.disclosureLags.maxDays ?? '–'}; ${r.disclosureLags.overFourteenDays} over 14 days; ${r.disclosureLags.foundByOthersFirst} found by customers or others first.`,
    '',
    '## Open findings, tier 1 and 2',
    '',
    r.findings.length ? table(['vendor', 'tier', 'severity', 'finding', 'suggested condition'], r.findings.map((f) => [f.name, f.tier, f.severity, f.title, f.suggestedCondition])) : 'None.',
    '',
  ].join('\n');
}
