/**
 * The quarterly report in the web app, PURE: which quarter `/reports` means today, the quarters the
 * pickers offer, the report's URLs (its page and its downloads), and what the page derives from the
 * report's own data, so a closed quarter's frozen figures are never mixed with today's: the risk
 * matrix's rows, the average risk of the quarter compared with, and each tier-1 vendor's section.
 */
import type { HeatmapRow } from '../server/http/contract.ts';
import type { QuarterlyReport, ReportAppendixPage, ReportSnapshots } from './api/client.ts';
import { SEVERITIES_MOST_FIRST } from './format.ts';
import { urlWith } from './urls.ts';
import { isQuarter, quarterOf, quarterSpan, shiftQuarter } from '../server/domain/quarters.ts';

export type Report = QuarterlyReport;
export type ReportVendor = Report['vendors'][number];
export type ReportMover = Report['movers'][number];
export type ReportIncident = Report['newIncidents'][number];
export type ReportFinding = Report['findings'][number];
export type Restatement = NonNullable<Report['restatement']>;
export type ReportSnapshotItem = ReportSnapshots['items'][number];
/** `restated` asks for a closed quarter as known today; '' for its frozen snapshot. */
export type ReportViewParam = '' | 'restated';

/** Vendors per appendix page the report page asks for (the API's most). */
export const APPENDIX_PAGE_LIMIT = 500;

export type AppendixItem = ReportAppendixPage['items'][number];

/**
 * The whole report from its answer and every page of its per-vendor appendix (a report of more
 * than 1,000 vendors carries only the first entries of these lists): the same lists, in the same
 * order, as the server built them: tier-1 scores and not-assessed entries in the report's vendor
 * order, findings most severe first, then by tier and name (a stable sort, as the server's).
 */
export function withWholeAppendix(r: Report, items: readonly AppendixItem[]): Report {
  const rank = (s: ReportFinding['severity']) => SEVERITIES_MOST_FIRST.indexOf(s);
  return {
    ...r,
    tier1Scores: items.flatMap((i) => (i.score ? [i.score] : [])),
    findings: items.flatMap((i) => i.findings).sort((a, b) => rank(a.severity) - rank(b.severity) || a.tier - b.tier || a.name.localeCompare(b.name)),
    notAssessed: items.flatMap((i) => (i.notAssessed ? [i.notAssessed] : [])),
    appendix: { ...r.appendix, complete: true },
  };
}

/** How many quarters a picker offers by default (ten years), as the trend view does. */
export const PICKER_QUARTERS = 40;
/** The executive summary holds two pages: beyond these, movers and incidents continue after the vendor sections. */
export const SUMMARY_MOVERS = 8;
export const SUMMARY_INCIDENTS = 5;

/** The quarter running on `now`, in UTC as the server's clock counts days. */
export const currentQuarter = (now: Date): string => quarterOf(now.toISOString().slice(0, 10));

/**
 * The report's page: `/reports/2023-Q4`, with `?vs=` only when another quarter than the previous
 * one is compared, and `?view=restated` for the quarter as known today.
 */
export const reportPath = (quarter: string, vs = '', view: ReportViewParam = ''): string =>
  urlWith(`/reports/${quarter}`, { vs: vs || undefined, view: view || undefined });

/** The view the URL asks for: `restated`, or '' (the frozen snapshot; the live quarter has no other). */
export const viewOf = (query: URLSearchParams): ReportViewParam => (query.get('view') === 'restated' ? 'restated' : '');

/**
 * The quarter compared with, from the URL: a well-formed quarter before the previous one, else ''
 * (the previous quarter: the server's default, so `?vs=` naming it changes nothing).
 */
export function vsOf(quarter: string, query: URLSearchParams): string {
  const vs = query.get('vs') ?? '';
  return isQuarter(vs) && (!isQuarter(quarter) || quarterSpan(vs, quarter) > 2) ? vs : '';
}

/** The quarters a report can be asked for, newest first: the current one back ten years, or to `shown` when older. */
export function quarterChoices(current: string, shown = ''): string[] {
  const n = Math.max(PICKER_QUARTERS, isQuarter(shown) ? quarterSpan(shown, current) : 0);
  return Array.from({ length: n }, (_, i) => shiftQuarter(current, -i));
}

/** The quarters a report of `quarter` can be compared with, newest first (the previous one first): ten years, or back to `vs` when older. */
export function vsChoices(quarter: string, vs = ''): string[] {
  const n = Math.max(PICKER_QUARTERS, isQuarter(vs) ? quarterSpan(vs, quarter) - 1 : 0);
  return Array.from({ length: n }, (_, i) => shiftQuarter(quarter, -1 - i));
}

/** After picking another quarter: the comparison stays when it is still earlier, and goes back to the previous quarter otherwise. */
export const keepVs = (quarter: string, vs: string): string => (isQuarter(vs) && quarterSpan(vs, quarter) > 2 ? vs : '');

export const FORMATS = [
  { format: 'csv', label: 'CSV', ext: 'csv', what: 'one row per vendor, with the causes of each change' },
  { format: 'md', label: 'Markdown', ext: 'md', what: 'the summary as text, for a board pack or a wiki' },
  { format: 'json', label: 'JSON', ext: 'json', what: 'everything the report holds' },
] as const;
export type ReportFormat = (typeof FORMATS)[number]['format'];

/** The API URL a download link fetches (the session cookie travels with it: same origin). */
export function downloadHref(apiBase: string, quarter: string, format: ReportFormat, vs = '', view: ReportViewParam = ''): string {
  const q = new URLSearchParams({ format });
  if (vs) q.set('vs', vs);
  if (view) q.set('view', view);
  // The JSON download is everything the report holds, its per-vendor appendix included.
  if (format === 'json') q.set('appendix', 'full');
  return `${apiBase}/reports/quarterly/${encodeURIComponent(quarter)}?${q}`;
}

/** The file name, as the server's Content-Disposition names it. */
export const downloadName = (quarter: string, format: ReportFormat, vs = '', view: ReportViewParam = ''): string =>
  `vendorscope-report-${quarter}${vs ? `-vs-${vs}` : ''}${view ? `-${view}` : ''}.${FORMATS.find((f) => f.format === format)?.ext ?? format}`;

/** One stored snapshot as the API gives it (its body exactly as frozen). */
export const snapshotHref = (apiBase: string, quarter: string, id: number): string =>
  `${apiBase}/reports/quarterly/${encodeURIComponent(quarter)}/snapshots/${id}`;

/** "2023 Q4". */
export const quarterWords = (q: string): string => q.replace('-', ' ');

/** The engine's matrix level of a 0–100 value (server/scoring/score-vendor.ts matrixLevel): fifths, 1–5. */
export const matrixLevel = (value: number): number => Math.min(5, Math.max(1, Math.floor(value / 20) + 1));

/**
 * The report's vendors as the risk matrix takes them: its figures are the quarter's (frozen for a
 * closed one), so the matrix is not the heatmap of today. What the matrix does not show is left neutral.
 */
export function matrixRows(vendors: readonly ReportVendor[], notAssessed: Report['notAssessed'] = []): HeatmapRow[] {
  const apart = new Map(notAssessed.map((n) => [n.vendorId, n]));
  return vendors.map((v) => ({
    vendorId: v.vendorId,
    name: v.name,
    category: v.category,
    tier: v.tier,
    // The report leaves the status out (it scores every engaged vendor); the matrix does not read it.
    status: 'approved',
    likelihood: v.likelihood,
    impact: v.impact,
    risk: v.risk,
    band: v.band,
    assessed: v.assessed,
    // A report frozen before evidence coverage and inherent risk assessed every vendor and has neither.
    evidenceCoverage: v.evidenceCoverage ?? 1,
    inherentRisk: v.inherentRisk ?? 0,
    inherentBand: apart.get(v.vendorId)?.inherentBand ?? 'low',
    unknownPoints: apart.get(v.vendorId)?.unknownPoints ?? 0,
    toAssess: apart.get(v.vendorId)?.toAssess ?? [],
    confidence: v.confidence,
    // Reports frozen before the cell was carried get it by the engine's own rule.
    cell: v.cell ?? { likelihood: matrixLevel(v.likelihood), impact: matrixLevel(v.impact) },
    cells: {},
    top: {},
    findings: v.findings,
  }));
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The average risk, then and now, of the vendors in both reports (a vendor new since the quarter
 * compared with has no risk then), and the change; null when no vendor is in both.
 */
export function averageChange(r: Pick<Report, 'vendors'>): { before: number; after: number; change: number } | null {
  const both = r.vendors.filter((v): v is typeof v & { previousRisk: number } => v.previousRisk !== null);
  if (both.length === 0) return null;
  const mean = (xs: number[]) => round1(xs.reduce((a, x) => a + x, 0) / xs.length);
  const before = mean(both.map((v) => v.previousRisk));
  const after = mean(both.map((v) => v.risk));
  return { before, after, change: round1(after - before) };
}

/** Frozen, restated or live, in words a reader of a printed copy understands. */
export function reportState(r: Pick<Report, 'view' | 'asOf' | 'quarter' | 'snapshotId'>): { label: 'Frozen' | 'Restated' | 'Live'; text: string } {
  if (r.view === 'frozen')
    return { label: 'Frozen', text: `A closed quarter, scored as of its last day (${r.asOf}) and stored: it reads the same every time it is opened.` };
  if (r.view === 'restated') {
    return {
      label: 'Restated',
      text: `The same quarter and day (${r.asOf}) scored from today's database, beside the frozen snapshot ${r.snapshotId ?? ''}: what was recorded since it was taken. Not stored.`,
    };
  }
  return { label: 'Live', text: `The current quarter, scored as of today (${r.asOf}): it moves with new evidence until ${quarterWords(r.quarter)} closes.` };
}

/** "21 days", "1 day", "same day", "unknown"; "≈ 15 days" when the lag rests on a month or a year. */
export function lagText(days: number | null, approximate = false): string {
  if (days === null) return 'unknown';
  const text = days === 0 ? 'same day' : `${days} day${days === 1 ? '' : 's'}`;
  return approximate ? `≈ ${text}` : text;
}

/** A vendor's figures in a restatement: "61.9, critical, 8 findings", or "not in the report". */
export const restatedFigures = (f: Restatement['vendorChanges'][number]['frozen']): string =>
  f ? `${f.risk}, ${f.band}, ${f.findings} finding${f.findings === 1 ? '' : 's'}` : 'not in the report';

/** What changed about an incident, in words. */
export function incidentChangeText(i: Restatement['incidentChanges'][number]): string {
  if (i.change === 'appeared') return `recorded since; disclosed ${i.restated?.publicDisclosureDate ?? 'on an unknown day'}`;
  if (i.change === 'disappeared') return i.restated ? 'no longer known by the quarter’s end' : 'deleted, or no longer known by the quarter’s end';
  return `corrected: ${i.fields.join(', ')}`;
}

/** Where a snapshot came from, in words. */
export const ORIGIN_WORDS: Readonly<Record<ReportSnapshotItem['origin'], string>> = {
  'first-view': 'frozen when first opened',
  refreeze: 'refrozen by an admin',
  'per-comparison': 'frozen per comparison (before one snapshot per quarter)',
};

export interface Tier1Section {
  readonly vendor: ReportVendor;
  readonly mover: ReportMover | undefined;
  /** The score's open findings. */
  readonly findings: readonly ReportFinding[];
  /** The open contract conditions of its procurement decisions. */
  readonly conditions: readonly ReportFinding[];
  readonly incidents: readonly ReportIncident[];
}

/** One appendix section per tier-1 vendor, riskiest first (the report's order), from the report's own data. */
export function tier1Sections(r: Pick<Report, 'vendors' | 'movers' | 'findings' | 'newIncidents'>): Tier1Section[] {
  return r.vendors
    .filter((v) => v.tier === 1)
    .map((vendor) => ({
      vendor,
      mover: r.movers.find((m) => m.vendorId === vendor.vendorId),
      // Reports frozen before conditions were reported carry findings without a source: the score's.
      findings: r.findings.filter((f) => f.vendorId === vendor.vendorId && f.source !== 'condition'),
      conditions: r.findings.filter((f) => f.vendorId === vendor.vendorId && f.source === 'condition'),
      incidents: r.newIncidents.filter((i) => i.vendorId === vendor.vendorId),
    }));
}

/** Movers in the summary (the largest first, as the report orders them) and how many continue at the end. */
export function summaryMovers(movers: readonly ReportMover[], limit = SUMMARY_MOVERS): { shown: ReportMover[]; more: number } {
  return { shown: movers.slice(0, limit), more: Math.max(0, movers.length - limit) };
}

/** Movers up and down. */
export function moverCounts(movers: readonly Pick<ReportMover, 'delta'>[]): { up: number; down: number } {
  return { up: movers.filter((m) => m.delta > 0).length, down: movers.filter((m) => m.delta < 0).length };
}

/** What continues after the vendor sections: the movers and incidents the summary had no room for, and the tier-2 findings. */
export function restLists(r: Pick<Report, 'movers' | 'newIncidents' | 'findings'>) {
  const lists = {
    movers: r.movers.length > SUMMARY_MOVERS ? r.movers : [],
    incidents: r.newIncidents.slice(SUMMARY_INCIDENTS),
    tier2: r.findings.filter((f) => f.tier === 2),
  };
  return { ...lists, empty: lists.movers.length + lists.incidents.length + lists.tier2.length === 0 };
}
