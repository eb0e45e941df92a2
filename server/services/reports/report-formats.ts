/**
 * The quarterly report as CSV (one row per vendor) and as Markdown (for a board pack or a wiki).
 * Both say which view they are (frozen, restated, live) and when the snapshot was taken. A frozen
 * quarter's downloads hold nothing that changes after it was frozen (the restated notice is in the
 * JSON and on the page), so they read byte for byte the same every time.
 */
import { toCsv } from '../imports/csv.ts';
import type { QuarterlyReport } from './report-service.ts';

export function reportCsv(r: QuarterlyReport): string {
  const movers = new Map(r.movers.map((m) => [m.vendorId, m]));
  return toCsv(
    [
      'quarter',
      'asOf',
      'methodologyVersion',
      'vendorId',
      'name',
      'tier',
      'category',
      'likelihood',
      'impact',
      'risk',
      'band',
      'assessed',
      'inherentRisk',
      'evidenceCoverage',
      'confidence',
      `risk${r.vs}`,
      'delta',
      'causeIncidents',
      'causeDecay',
      'causePosture',
      'causeMethodology',
      'findings',
      'newSinceVs',
      'view',
      'generatedAt',
    ],
    r.vendors.map((v) => {
      const m = movers.get(v.vendorId);
      return [
        r.quarter,
        r.asOf,
        r.methodologyVersion,
        v.vendorId,
        v.name,
        v.tier,
        v.category,
        v.likelihood,
        v.impact,
        v.risk,
        v.band,
        v.assessed ? 'yes' : 'no',
        v.inherentRisk,
        v.evidenceCoverage,
        v.confidence,
        v.previousRisk,
        v.delta,
        m?.causes.incidents ?? null,
        m?.causes.decay ?? null,
        m?.causes.posture ?? null,
        m?.causes.methodology ?? null,
        v.findings,
        v.newSinceVs ? 'yes' : 'no',
        r.view,
        r.generatedAt,
      ];
    }),
  );
}

/** Markdown table cells cannot hold pipes or line breaks. */
const cell = (v: unknown) =>
  String(v ?? '–')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
const table = (head: string[], rows: unknown[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** "21", "≈ 15", "unknown". */
const lag = (n: QuarterlyReport['newIncidents'][number]) => (n.lagDays === null ? 'unknown' : `${n.lagApproximate ? '≈ ' : ''}${n.lagDays}`);

/** What the report is, in one sentence a reader of a printed or downloaded copy understands. */
export function stateLine(r: Pick<QuarterlyReport, 'view' | 'generatedAt' | 'snapshotId'>): string {
  if (r.view === 'frozen') return `Frozen: this closed quarter's snapshot ${r.snapshotId} was taken ${r.generatedAt} and reads the same on every request.`;
  if (r.view === 'restated')
    return `Restated: the quarter as known today, from today's database (not stored), beside snapshot ${r.snapshotId} taken ${r.generatedAt}.`;
  return `Live: the current quarter, as of today; generated ${r.generatedAt}.`;
}

export function reportMarkdown(r: QuarterlyReport): string {
  const b = r.summary.byBand;
  const gone = r.comparison.leftSinceVs;
  return [
    `# Vendor risk report, ${r.quarter}${r.view === 'restated' ? ' (restated)' : ''}`,
    '',
    `As of ${r.asOf}, compared with ${r.vs} (${r.vsAsOf}). Methodology ${r.methodologyVersion}. ${stateLine(r)} Generated ${r.generatedAt}.`,
    '',
    '## Summary',
    '',
    table(
      ['vendors', 'critical', 'high', 'moderate', 'low', 'not assessed', 'average risk'],
      [[r.summary.vendors, b.critical, b.high, b.moderate, b.low, b['not-assessed'], r.summary.averageRisk]],
    ),
    '',
    r.method.vendors,
    '',
    '## Top risks (assessed vendors)',
    '',
    r.topRisks.length
      ? table(
          ['vendor', 'tier', 'risk', 'band', 'likelihood', 'impact', 'top finding'],
          r.topRisks.map((t) => [t.name, t.tier, t.risk, t.band, t.likelihood, t.impact, t.topFinding]),
        )
      : 'No vendor is assessed.',
    '',
    '## Not assessed',
    '',
    r.notAssessed.length
      ? table(
          ['vendor', 'tier', 'inherent risk', 'residual risk', 'evidence coverage', 'points on unknowns', 'what would assess it'],
          r.notAssessed.map((n) => [
            n.name,
            n.tier,
            `${n.inherentRisk} (${n.inherentBand})`,
            n.risk,
            `${Math.round(n.evidenceCoverage * 100)}%`,
            `${n.unknownPoints} of ${n.likelihood}`,
            n.toAssess.join('; '),
          ]),
        )
      : 'None: every vendor is assessed.',
    '',
    r.method.assessed,
    '',
    `## Movers since ${r.vs}`,
    '',
    r.movers.length
      ? table(
          ['vendor', 'from', 'to', 'change', 'incidents', 'decay', 'posture', 'methodology'],
          r.movers.map((m) => [
            m.name,
            m.from,
            m.to,
            signed(m.delta),
            signed(m.causes.incidents),
            signed(m.causes.decay),
            signed(m.causes.posture),
            signed(m.causes.methodology),
          ]),
        )
      : 'No vendor moved by a point or more.',
    '',
    r.method.movers,
    '',
    `New since ${r.vs}: ${
      r.vendors
        .filter((v) => v.newSinceVs)
        .map((v) => v.name)
        .join(', ') || 'none'
    }. No longer in the report: ${gone.map((v) => v.name).join(', ') || 'none'}.`,
    '',
    '## New incidents (publicly disclosed this quarter)',
    '',
    r.newIncidents.length
      ? table(
          ['vendor', 'incident', 'severity', 'disclosed', 'lag (days)', 'found by others first'],
          r.newIncidents.map((n) => [n.vendorName, n.title, n.severity, n.publicDisclosureDate, lag(n), n.foundByOthersFirst ? 'yes' : 'no']),
        )
      : 'None.',
    '',
    `Disclosure lags: ${r.disclosureLags.known} of ${r.disclosureLags.incidents} known (${r.disclosureLags.approximate} approximate); median ${r.disclosureLags.medianDays ?? '–'} days, longest ${r.disclosureLags.maxDays ?? '–'}; ${r.disclosureLags.overFourteenDays} over 14 days; ${r.disclosureLags.foundByOthersFirst} found by customers or others first. ${r.method.lags}`,
    '',
    '## Open findings, tier 1 and 2',
    '',
    r.findings.length
      ? table(
          ['vendor', 'tier', 'severity', 'finding', 'suggested condition'],
          r.findings.map((f) => [f.name, f.tier, f.severity, f.title, f.suggestedCondition]),
        )
      : 'None.',
    '',
    ...(r.view === 'restated' && r.restatement ? restatementMarkdown(r.restatement, r.snapshotId) : []),
  ].join('\n');
}

const figures = (f: { risk: number; band: string; findings: number } | null) => (f ? `${f.risk} ${f.band}, ${f.findings} findings` : 'not in the report');

/** The restated download's last section: what differs from the frozen snapshot. */
function restatementMarkdown(d: NonNullable<QuarterlyReport['restatement']>, snapshotId: number | null): string[] {
  return [
    `## Differences from the frozen snapshot ${snapshotId}`,
    '',
    d.text ?? 'None: the quarter as known today reads as it was frozen.',
    '',
    ...(d.vendorChanges.length
      ? [
          table(
            ['vendor', 'change', 'frozen', 'restated', 'findings added', 'findings removed'],
            d.vendorChanges.map((v) => [
              v.name,
              v.change,
              figures(v.frozen),
              figures(v.restated),
              v.findingsAdded.map((f) => f.title).join('; ') || '–',
              v.findingsRemoved.map((f) => f.title).join('; ') || '–',
            ]),
          ),
          '',
        ]
      : []),
    ...(d.incidentChanges.length
      ? [
          table(
            ['vendor', 'incident', 'change', 'disclosed (frozen)', 'disclosed (restated)', 'fields'],
            d.incidentChanges.map((i) => [
              i.vendorName,
              i.title,
              i.change,
              i.frozen?.publicDisclosureDate ?? '–',
              i.restated?.publicDisclosureDate ?? '–',
              i.fields.join(', ') || '–',
            ]),
          ),
          '',
        ]
      : []),
  ];
}
