/**
 * The documented shapes of the quarterly report, its snapshot history and a refreeze. The service
 * builds them (server/services/reports); test/server/reports/report-schema.test.ts parses real
 * answers with these strict schemas, so a field cannot be added without being described here.
 */
import { z } from 'zod';
import { BANDS, FINDING_SEVERITIES, RISK_BANDS } from '../../scoring/types.ts';
import { REPORT_ORIGINS } from '../../domain/report.ts';
import { CAUSES } from '../../services/reports/report-compare.ts';
import { frozenVendorScore } from './score.ts';

const band = z.enum(BANDS);
const severity = z.enum(FINDING_SEVERITIES);
const cell = z.strictObject({ likelihood: z.number().int(), impact: z.number().int() });
const byBand = z
  .strictObject(Object.fromEntries(BANDS.map((b) => [b, z.number().int()])) as Record<(typeof BANDS)[number], z.ZodNumber>)
  .meta({ description: 'Vendors per band; `not-assessed` is 0 in a report frozen before a vendor could be not assessed' });

const notAssessedEntry = z.strictObject({
  vendorId: z.number().int(),
  name: z.string(),
  tier: z.number().int(),
  inherentRisk: z.number(),
  inherentBand: z.enum(RISK_BANDS),
  risk: z.number().meta({ description: 'Residual risk, resting largely on priors' }),
  likelihood: z.number(),
  evidenceCoverage: z.number(),
  unknownPoints: z.number(),
  toAssess: z.array(z.string()).meta({ description: 'What evidence would assess it' }),
});
const findingEntry = z.strictObject({
  source: z.enum(['score', 'condition']),
  vendorId: z.number().int(),
  name: z.string(),
  tier: z.number().int(),
  id: z.string(),
  rule: z.string(),
  severity,
  title: z.string(),
  suggestedCondition: z.string(),
  owner: z.string().nullable(),
  dueOn: z.string().nullable(),
});

export const reportHeadline = z
  .strictObject({
    vendors: z.number().int(),
    averageRisk: z.number(),
    critical: z.number().int(),
    byBand,
    methodologyVersion: z.string(),
  })
  .meta({ id: 'ReportHeadline', description: 'A snapshot’s headline figures' });

export const reportSnapshotItem = z
  .strictObject({
    id: z.number().int(),
    quarter: z.string(),
    asOf: z.string(),
    generatedAt: z.string().meta({ description: 'When the snapshot was taken; it never changes' }),
    generatedBy: z.string().meta({ description: 'Who took it: the first viewer of the quarter, or the admin who refroze it' }),
    supersededAt: z.string().nullable().meta({ description: 'When a refreeze replaced it; null for the snapshot in force' }),
    supersededBy: z.string().nullable(),
    origin: z.enum(REPORT_ORIGINS).meta({
      description:
        '`first-view`: frozen the first time the quarter was asked for; `refreeze`: by an admin; `per-comparison`: frozen per compared quarter before one snapshot per quarter (kept as history)',
    }),
    comparedWith: z.string().nullable().meta({ description: 'For a `per-comparison` snapshot, the quarter its body was compared with' }),
    inForce: z.boolean(),
    headline: reportHeadline,
  })
  .meta({ id: 'ReportSnapshot' });

const causes = z.strictObject(Object.fromEntries(CAUSES.map((c) => [c, z.number()])) as Record<(typeof CAUSES)[number], z.ZodNumber>);
const incidentDates = z.strictObject({
  severity: z.string(),
  intrusionStartDate: z.string().nullable(),
  detectedByVendorDate: z.string().nullable(),
  firstReportedByThirdPartyDate: z.string().nullable(),
  publicDisclosureDate: z.string().nullable(),
});
const vendorFigures = z.strictObject({ tier: z.number().int(), risk: z.number(), band, findings: z.number().int() });
const findingRef = z.strictObject({ id: z.string(), severity, title: z.string() });

export const restatement = z
  .strictObject({
    differs: z.boolean().meta({ description: 'True when the database now knows something that would change this closed quarter' }),
    vendors: z.number().int().meta({ description: 'How many vendors differ (added, removed, or a changed risk, band, tier or findings)' }),
    incidents: z.number().int().meta({ description: 'How many incidents of the report’s vendors known by the as-of day appeared, disappeared or changed' }),
    text: z.string().nullable().meta({ description: '"Restated view available: 3 vendors and 2 incidents differ", or null' }),
    vendorChanges: z.array(
      z.strictObject({
        vendorId: z.number().int(),
        name: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        frozen: vendorFigures.nullable(),
        restated: vendorFigures.nullable(),
        findingsAdded: z.array(findingRef),
        findingsRemoved: z.array(findingRef),
      }),
    ),
    incidentChanges: z.array(
      z.strictObject({
        incidentId: z.number().int(),
        vendorId: z.number().int(),
        vendorName: z.string(),
        title: z.string(),
        change: z.enum(['appeared', 'disappeared', 'changed']),
        fields: z.array(z.string()).meta({ description: 'For a changed incident, the fields that differ' }),
        frozen: incidentDates.nullable(),
        restated: incidentDates.nullable(),
      }),
    ),
  })
  .meta({ id: 'ReportRestatement', description: 'What differs between the frozen snapshot and the same quarter as known today' });

export const quarterlyReport = z
  .strictObject({
    quarter: z.string(),
    asOf: z.string(),
    vs: z.string().meta({ description: 'The quarter compared with (comparison field)' }),
    vsAsOf: z.string(),
    methodologyVersion: z.string(),
    view: z.enum(['frozen', 'restated', 'live']).meta({
      description:
        '`frozen`: a closed quarter’s snapshot; `restated`: the same quarter and as-of day scored from today’s database (not stored); `live`: the current quarter, as of today',
    }),
    frozen: z.boolean().meta({ description: 'True for the frozen view of a closed quarter' }),
    snapshotId: z.number().int().nullable().meta({ description: 'The snapshot shown (or restated); null for the live quarter' }),
    generatedAt: z.string().meta({ description: 'When the snapshot was taken (it never changes); for the live quarter, now' }),
    summary: z.strictObject({ vendors: z.number().int(), byBand, averageRisk: z.number(), critical: z.number().int() }),
    topRisks: z
      .array(
        z.strictObject({
          vendorId: z.number().int(),
          name: z.string(),
          tier: z.number().int(),
          likelihood: z.number(),
          impact: z.number(),
          risk: z.number(),
          band,
          cell,
          topFinding: z.string().nullable(),
        }),
      )
      .meta({ description: 'The ten riskiest assessed vendors (a not-assessed vendor is listed in notAssessed)' }),
    notAssessed: z.array(notAssessedEntry).meta({
      description:
        'The vendors not assessed (band `not-assessed`), apart from the top risks, by inherent risk; empty in a report frozen before a vendor could be not assessed. Only the first entries when `appendix.complete` is false',
    }),
    movers: z
      .array(
        z.strictObject({ vendorId: z.number().int(), name: z.string(), tier: z.number().int(), from: z.number(), to: z.number(), delta: z.number(), causes }),
      )
      .meta({ description: 'Comparison field: vendors in both reports whose risk moved by a point or more, with causes that add up to the change' }),
    newIncidents: z.array(
      z.strictObject({
        incidentId: z.number().int(),
        vendorId: z.number().int(),
        vendorName: z.string(),
        title: z.string(),
        severity,
        publicDisclosureDate: z.string().nullable(),
        lagDays: z
          .number()
          .nullable()
          .meta({ description: 'Days from when the vendor knew to public disclosure (the scoring’s disclosure lag); null when unknown' }),
        lagApproximate: z.boolean().meta({ description: 'True when the lag rests on a month or a year (shown "≈ 15 days")' }),
        foundByOthersFirst: z.boolean(),
        sources: z.array(z.string()),
      }),
    ),
    disclosureLags: z.strictObject({
      incidents: z.number().int(),
      known: z.number().int(),
      approximate: z.number().int().meta({ description: 'How many known lags are approximate' }),
      medianDays: z.number().nullable().meta({ description: 'A true median: the mean of the two middle lags for an even count' }),
      maxDays: z.number().nullable(),
      overFourteenDays: z.number().int(),
      foundByOthersFirst: z.number().int(),
    }),
    findings: z.array(findingEntry).meta({
      description: 'Open findings and conditions of tier-1 and tier-2 vendors, most severe first. Only the first entries when `appendix.complete` is false',
    }),
    vendors: z.array(
      z.strictObject({
        vendorId: z.number().int(),
        name: z.string(),
        tier: z.number().int(),
        category: z.string(),
        likelihood: z.number(),
        impact: z.number(),
        risk: z.number(),
        band,
        assessed: z.boolean(),
        inherentRisk: z.number().nullable().meta({ description: 'Null in a report frozen before inherent risk' }),
        evidenceCoverage: z.number().nullable().meta({ description: 'Null in a report frozen before evidence coverage' }),
        cell,
        findings: z.number().int(),
        confidence: z.number(),
        previousRisk: z.number().nullable().meta({ description: 'Comparison field: the risk in the quarter compared with; null for a vendor new since then' }),
        delta: z.number().nullable().meta({ description: 'Comparison field: risk − previousRisk; null for a vendor new since then' }),
        newSinceVs: z.boolean().meta({ description: 'Comparison field: not in the report of the quarter compared with ("new since 2022-Q4")' }),
      }),
    ),
    tier1Scores: z.array(frozenVendorScore).meta({
      description: 'Each tier-1 vendor’s full score as the report used it (the appendix). Only the first entries when `appendix.complete` is false',
    }),
    bands: z.array(z.strictObject({ band, minRisk: z.number() })),
    method: z.strictObject({ vendors: z.string(), findings: z.string(), assessed: z.string(), lags: z.string(), movers: z.string() }),
    comparison: z
      .strictObject({
        snapshotId: z.number().int().nullable().meta({ description: 'The compared quarter’s snapshot' }),
        generatedAt: z.string(),
        view: z.enum(['frozen', 'restated']).meta({ description: 'A restated report is compared with the other quarter restated too' }),
        summary: z.strictObject({ vendors: z.number().int(), averageRisk: z.number() }).meta({ description: 'The compared quarter’s own headline' }),
        newSinceVs: z.number().int().meta({ description: 'Vendors in this report and not in the compared one' }),
        leftSinceVs: z
          .array(z.strictObject({ vendorId: z.number().int(), name: z.string(), tier: z.number().int(), risk: z.number(), band }))
          .meta({ description: 'Vendors in the compared quarter’s report that are not in this one' }),
      })
      .meta({ description: 'Comparison field: the quarter compared with, from its own snapshot' }),
    restatement: restatement
      .nullable()
      .meta({ description: 'For a closed quarter, what differs between its frozen snapshot and the quarter as known today; null for the live quarter' }),
    appendix: z
      .strictObject({
        vendors: z.number().int().meta({ description: 'Entries of the per-vendor appendix: one per report vendor' }),
        complete: z.boolean().meta({
          description:
            'True when this answer holds the whole `tier1Scores`, `findings` and `notAssessed` (up to 1,000 vendors, or with `?appendix=full`); false when it holds their first 50 entries and the rest is read from `GET /reports/quarterly/{quarter}/vendors`',
        }),
        tier1Scores: z.number().int().meta({ description: 'How many entries the whole `tier1Scores` has' }),
        findings: z.number().int().meta({ description: 'How many entries the whole `findings` has' }),
        notAssessed: z.number().int().meta({ description: 'How many entries the whole `notAssessed` has' }),
      })
      .meta({ description: 'The per-vendor appendix: how big it is and whether this answer holds all of it' }),
  })
  .meta({ id: 'QuarterlyReport' });

const appendixItem = z
  .strictObject({
    vendorId: z.number().int(),
    name: z.string(),
    tier: z.number().int(),
    score: frozenVendorScore
      .nullable()
      .meta({ description: 'A tier-1 vendor’s full score as the report used it (its `tier1Scores` entry); null for other tiers' }),
    findings: z.array(findingEntry).meta({ description: 'Its entries of the report’s `findings` (tier 1 and 2), in the report’s order' }),
    notAssessed: notAssessedEntry.nullable().meta({ description: 'Its `notAssessed` entry; null when it was assessed' }),
  })
  .meta({ id: 'ReportAppendixItem', description: 'What a closed quarter’s frozen report holds about one vendor beyond its row' });

const appendixHead = {
  quarter: z.string(),
  snapshotId: z.number().int().meta({ description: 'The frozen snapshot in force the entries are read from' }),
  generatedAt: z.string(),
};
export const reportAppendixPage = z
  .strictObject({
    ...appendixHead,
    total: z.number().int().meta({ description: 'Entries in the whole appendix (the report’s vendors)' }),
    offset: z.number().int(),
    limit: z.number().int(),
    items: z.array(appendixItem).meta({ description: 'The entries from `offset`, at most `limit`, in the report’s vendor order' }),
  })
  .meta({ id: 'ReportAppendixPage' });
export const reportAppendixVendor = z.strictObject({ ...appendixHead, item: appendixItem });

export const reportSnapshots = z.strictObject({ quarter: z.string(), items: z.array(reportSnapshotItem) });
export const reportSnapshot = reportSnapshotItem.extend({
  body: z.looseObject({ quarter: z.string() }).meta({ description: 'The report exactly as it was frozen' }),
});
export const refreezeResult = z.strictObject({
  quarter: z.string(),
  snapshot: reportSnapshotItem.meta({ description: 'The new snapshot, now in force' }),
  superseded: reportSnapshotItem.nullable().meta({ description: 'The snapshot it replaced, kept in the history; null when the quarter had none' }),
});
