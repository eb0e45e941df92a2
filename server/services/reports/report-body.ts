/**
 * What a quarterly report says about one quarter, built from every vendor engaged at its end and
 * its score: the headline figures, top risks, the incidents disclosed in the quarter with their
 * lags, the open findings of the vendors that matter most, the vendor list and the tier-1
 * appendix. No comparison with another quarter: that is computed from two of these (report-compare).
 * Beside the body, the basis: what the report rests on (each vendor's facts held at the as-of day,
 * its risk and findings), so that comparisons and restatements need nothing recorded later.
 */
import { BANDS, type Band } from '../../domain/methodology.ts';
import { dayNumber, parsePartialDate } from '../../domain/partial-date.ts';
import { quarterEnd, shiftQuarter } from '../../domain/quarter.ts';
import type { Review } from '../../domain/review.ts';
import type { Vendor } from '../../domain/vendor.ts';
import { round1 } from '../../scoring/arithmetic.ts';
import { riskiestFirst } from '../../scoring/assessment.ts';
import { factsAsOf } from '../../scoring/attribution.ts';
import { foundByOthersFirst } from '../../scoring/disclosure-factor.ts';
import type { Policy } from '../../scoring/policy.ts';
import { FINDING_SEVERITIES, type Finding, type ScoringFacts, type VendorScore } from '../../scoring/types.ts';
import { groupBy, type LoadedFacts } from '../facts-loader.ts';
import { disclosureLagFigures, reportLag } from './report-lags.ts';

const TOP = 10;

/** What the not-assessed list is, in the report's own words (a report frozen before it had one says nothing). */
export const NOT_ASSESSED_METHOD =
  'Not assessed: vendors whose evidence covers less of the likelihood weight than the methodology asks; their residual risk rests on priors, so they are listed apart from the top risks, by inherent risk (category prior × impact), with what evidence would assess them.';

/** A vendor is in a quarter's report when it was engaged at the quarter's end. */
export const engagedOn = (v: Pick<Vendor, 'status' | 'engagedSince'>, day: string): boolean => v.status !== 'not-engaged' && v.engagedSince <= day;

export interface ScoredVendor {
  readonly facts: LoadedFacts;
  readonly score: VendorScore;
}

export interface BasisVendor {
  readonly vendorId: number;
  readonly risk: number;
  readonly band: Band;
  readonly methodologyVersion: string;
  readonly findings: ReadonlyArray<Pick<Finding, 'id' | 'severity' | 'title'>>;
  /** The facts the score rests on, held at the as-of day (the engine's `factsAsOf`). */
  readonly facts: ScoringFacts;
}

export interface ReportBasis {
  readonly vendors: readonly BasisVendor[];
}

export function buildReport(input: {
  quarter: string;
  asOf: string;
  rows: readonly ScoredVendor[];
  /** Decisions taken by the as-of day. */
  reviews: readonly Review[];
  policyOf: (version: string) => Policy;
}) {
  const { quarter, asOf } = input;
  // The heatmap's order: the assessed vendors by residual risk, then the not-assessed ones by inherent risk.
  const rank = (r: ScoredVendor) => ({ ...r.score, name: r.facts.vendor.name });
  const rows = [...input.rows].sort((a, b) => riskiestFirst(rank(a), rank(b)));
  const byBand = Object.fromEntries(BANDS.map((b) => [b, rows.filter((r) => r.score.band === b).length])) as Record<Band, number>;
  const summary = {
    vendors: rows.length,
    byBand,
    averageRisk: rows.length ? round1(rows.reduce((a, r) => a + r.score.risk, 0) / rows.length) : 0,
    critical: byBand.critical,
  };
  // Top risks are ratings: a not-assessed vendor's residual risk rests on priors, so it is listed apart (notAssessed).
  const topRisks = rows
    .filter((r) => r.score.band !== 'not-assessed')
    .slice(0, TOP)
    .map(({ facts: { vendor: v }, score: s }) => ({
      vendorId: v.id,
      name: v.name,
      tier: v.tier,
      likelihood: s.likelihood,
      impact: s.impact,
      risk: s.risk,
      band: s.band,
      cell: s.cell,
      topFinding: s.findings[0]?.title ?? null,
    }));

  const notAssessed = rows
    .filter((r) => r.score.band === 'not-assessed')
    .map(({ facts: { vendor: v }, score: s }) => ({
      vendorId: v.id,
      name: v.name,
      tier: v.tier,
      inherentRisk: s.inherentRisk,
      inherentBand: s.inherentBand,
      risk: s.risk,
      evidenceCoverage: s.evidenceCoverage,
      unknownPoints: s.unknownPoints,
      likelihood: s.likelihood,
      toAssess: s.toAssess.map((m) => m.text),
    }));

  // Incidents publicly disclosed during the quarter (its first day to the as-of day), with their lags.
  const start = dayNumber(quarterEnd(shiftQuarter(quarter, -1))) + 1;
  const end = dayNumber(asOf);
  const newIncidents = rows
    .flatMap(({ facts }) => facts.incidents.map((i) => ({ v: facts.vendor, i })))
    .filter(({ i }) => {
      const d = i.publicDisclosureDate ? parsePartialDate(i.publicDisclosureDate) : undefined;
      return d !== undefined && d.last >= start && d.last <= end;
    })
    .map(({ v, i }) => {
      const lag = reportLag(i, end);
      return {
        incidentId: i.id,
        vendorId: v.id,
        vendorName: v.name,
        title: i.title,
        severity: i.severity,
        publicDisclosureDate: i.publicDisclosureDate,
        lagDays: lag.days,
        lagApproximate: lag.approximate,
        foundByOthersFirst: foundByOthersFirst(i),
        sources: i.sources.slice(0, 3),
      };
    })
    .sort((a, b) => (b.publicDisclosureDate ?? '').localeCompare(a.publicDisclosureDate ?? '') || a.vendorName.localeCompare(b.vendorName));

  // The score's open findings, and the open contract conditions of decisions taken by the as-of day.
  const reviews = groupBy(input.reviews, (r) => r.vendorId);
  const findings = rows
    .filter(({ facts }) => facts.vendor.tier <= 2)
    .flatMap(({ facts: { vendor: v }, score: s }) => [
      ...s.findings.map((x) => ({
        source: 'score' as const,
        vendorId: v.id,
        name: v.name,
        tier: v.tier,
        id: x.id,
        rule: x.rule,
        severity: x.severity,
        title: x.title,
        suggestedCondition: x.suggestedCondition,
        owner: null,
        dueOn: null,
      })),
      ...(reviews.get(v.id) ?? [])
        .flatMap((r) => r.conditions.filter((c) => c.state === 'open'))
        .map((c) => ({
          source: 'condition' as const,
          vendorId: v.id,
          name: v.name,
          tier: v.tier,
          id: `condition:${c.id}`,
          rule: 'review-condition',
          severity: c.severity ?? 'medium',
          title: `Open condition: ${c.text}`,
          suggestedCondition: c.text,
          owner: c.owner,
          dueOn: c.dueOn,
        })),
    ])
    .sort((a, b) => FINDING_SEVERITIES.indexOf(b.severity) - FINDING_SEVERITIES.indexOf(a.severity) || a.tier - b.tier || a.name.localeCompare(b.name));

  const vendors = rows.map(({ facts: { vendor: v }, score: s }) => ({
    vendorId: v.id,
    name: v.name,
    tier: v.tier,
    category: v.category,
    likelihood: s.likelihood,
    impact: s.impact,
    risk: s.risk,
    band: s.band,
    assessed: s.assessed,
    inherentRisk: s.inherentRisk,
    evidenceCoverage: s.evidenceCoverage,
    cell: s.cell,
    findings: s.findings.length,
    confidence: s.confidence,
  }));
  // The appendix explains each tier-1 vendor to the last point: its score as the report used it.
  const tier1Scores = rows.filter(({ facts }) => facts.vendor.tier === 1).map(({ score }) => score);
  const versions = [...new Set(rows.map((r) => r.score.methodologyVersion))];

  const body = {
    quarter,
    asOf,
    methodologyVersion: versions.length === 1 ? versions[0]! : versions.join(', '),
    summary,
    topRisks,
    notAssessed,
    newIncidents,
    disclosureLags: disclosureLagFigures(newIncidents),
    findings,
    vendors,
    tier1Scores,
    bands: input.policyOf(versions[0] ?? '').bands,
    method: {
      vendors: `The vendors engaged at the quarter’s end (${asOf}): a status other than not engaged, and engaged since that day or earlier.`,
      findings:
        'Open findings of tier-1 and tier-2 vendors, from their score at the quarter’s end, and the open contract conditions of their procurement decisions.',
      assessed: NOT_ASSESSED_METHOD,
      lags: 'Lag: days from when the vendor knew (its own detection or the first outside report, whichever came first) to public disclosure; a date given only as a month or a year counts from its middle, and the lag is then approximate (≈).',
    },
  };
  const basis: ReportBasis = {
    vendors: rows.map(({ facts, score: s }) => ({
      vendorId: facts.vendor.id,
      risk: s.risk,
      band: s.band,
      methodologyVersion: s.methodologyVersion,
      findings: s.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
      facts: factsAsOf(facts, asOf),
    })),
  };
  return { body, basis };
}

/** The report of one quarter, without any comparison: what a frozen snapshot stores. */
export type ReportBody = ReturnType<typeof buildReport>['body'];
