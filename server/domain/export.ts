/**
 * The full export: one versioned JSON document with every entity the portfolio is made of (no
 * accounts, secrets or audit trail). Restoring it into an empty database gives the same export.
 */
import { z } from 'zod';
import { incident, incidentSource } from './incident.ts';
import { knownTooEarly, mfaRecordShape } from './mfa.ts';
import { storedParameters, versionLabel } from './methodology.ts';
import { knownBeforeStated, postureFact } from './posture-fact.ts';
import { subprocessor } from './subprocessor.ts';
import { vendor } from './vendor.ts';
import { commitment } from './commitment.ts';
import { quarterLabel } from './quarter.ts';
import { timestamp } from './fields.ts';
import { cadence, condition, review } from './review.ts';
import { exportedReportSnapshot, legacyReport, oneInForcePerQuarter } from './report-export.ts';
import { DOCUMENT_MAX_BYTES, document, documentMeta } from './document.ts';
import { questionnaireAnswer, questionnaireRequest } from './questionnaire.ts';
import { importAnswer, questionnaireImport } from './questionnaire-import.ts';

export const EXPORT_FORMAT = 'vendorscope-export';
export const EXPORT_VERSION = 1;

// Derived fields (a vendor's domain and incident count, an incident's date precision) are left out:
// they are recomputed, so a document cannot disagree with itself.
// engagedSince and aliases came after version 1 shipped: without them a vendor is engaged from the
// day it was recorded and has no aliases.
// Versions (for If-Match) stay with the database they count writes in: a restored record starts at 1.
export const exportedVendor = vendor
  .omit({ domain: true, incidentCount: true, version: true })
  .extend({ engagedSince: vendor.shape.engagedSince.optional(), aliases: vendor.shape.aliases.default([]) })
  .strict();
// The derived root cause and entry path are left out too. rootCause, entryPath and continuationOf
// came after version 1 shipped: without them a restored incident's are derived and it continues
// nothing (a merge keeps what the database has). continuationOf is an id of this document.
export const exportedIncident = incident
  .omit({ intrusionStartPrecision: true, derivedRootCause: true, derivedEntryPath: true, version: true })
  .extend({
    source: incidentSource,
    rootCause: incident.shape.rootCause.optional(),
    entryPath: incident.shape.entryPath.optional(),
    continuationOf: incident.shape.continuationOf.optional(),
  })
  .strict();
// knownFrom came after version 1 shipped too: without it a subprocessor is known from the day it
// was recorded (its createdAt), and an MFA record or a posture statement, which have no such date,
// from the day the document was exported (a statement from its statedDate when it has one).
export const exportedSubprocessor = subprocessor.omit({ version: true }).extend({ knownFrom: subprocessor.shape.knownFrom.optional() }).strict();
export const exportedMfa = mfaRecordShape
  .extend({ vendorId: z.number().int().positive(), knownFrom: mfaRecordShape.shape.knownFrom.optional() })
  .superRefine((r, ctx) => {
    const problem = r.knownFrom === undefined ? null : knownTooEarly({ knownFrom: r.knownFrom, assessedOn: r.assessedOn });
    if (problem) ctx.addIssue({ code: 'custom', path: ['knownFrom'], message: problem });
  });
export const exportedPostureFact = postureFact
  .extend({ knownFrom: postureFact.shape.knownFrom.optional() })
  .strict()
  .superRefine((f, ctx) => {
    const problem = f.knownFrom === undefined ? null : knownBeforeStated({ knownFrom: f.knownFrom, statedDate: f.statedDate });
    if (problem) ctx.addIssue({ code: 'custom', path: ['knownFrom'], message: problem });
  });
export const exportedSnapshot = z.strictObject({
  vendorId: z.number().int().positive(),
  quarter: quarterLabel,
  frozenAt: z.string(),
  score: z.looseObject({ vendorId: z.number().int(), asOf: z.string(), methodologyVersion: z.string(), risk: z.number(), band: z.string() }),
});

// A review carries its conditions; their vendor and review ids follow from where they sit.
export const exportedReview = review.extend({ conditions: z.array(condition.omit({ vendorId: true, reviewId: true, version: true }).strict()) }).strict();

// Evidence documents carry their bytes (base64): a restore gives them back exactly (size and SHA-256 checked).
export const exportedDocument = document
  .omit({ expiresOn: true, expired: true })
  .extend({
    content: z
      .base64()
      .max(Math.ceil(DOCUMENT_MAX_BYTES / 3) * 4)
      .meta({ description: 'The file, base64' }),
  })
  .strict()
  .superRefine((d, ctx) => {
    const meta = documentMeta.safeParse({ ...d.details, kind: d.kind });
    for (const issue of meta.success ? [] : meta.error.issues)
      ctx.addIssue({ code: 'custom', path: ['details', ...issue.path.map(String)], message: issue.message });
  });
// Questionnaire requests and their answers. Not carried: the link's token hash (a restored request
// needs a new link), who created or decided (accounts stay with their database), versions.
export const exportedQuestionnaireRequest = questionnaireRequest
  .omit({ overdue: true, version: true })
  .extend({ state: questionnaireRequest.shape.state.exclude(['expired']) })
  .strict();
export const exportedQuestionnaireAnswer = questionnaireAnswer.extend({ value: z.json() }).strict();
// Imported CAIQ / SIG sheets with every answer, in sheet order (who imported them: the label only,
// accounts stay with their database). Facts mapped from them name them (`source.importId`).
export const exportedQuestionnaireImport = questionnaireImport.extend({ answers: z.array(importAnswer) }).strict();

// A vendor deleted from the portfolio, as the audit log recorded it: the history keeps it findable
// after the vendor's own records are gone. Who deleted it: the label only (accounts stay with their database).
export const deletedVendor = z
  .strictObject({
    id: z.number().int().positive().meta({ description: 'The id the vendor had where it was deleted' }),
    name: z.string().meta({ description: 'Its name when it was deleted' }),
    deletedAt: timestamp,
    deletedBy: z.string().meta({ description: 'Who deleted it (e-mail or "system")' }),
    cascade: z.boolean().meta({ description: 'Its incidents were deleted with it' }),
    vendor: z.record(z.string(), z.unknown()).meta({ description: 'The vendor as it was when deleted' }),
  })
  .meta({ id: 'DeletedVendor' });
export type DeletedVendor = z.output<typeof deletedVendor>;

export const exportDocument = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.string(),
    appVersion: z.string(),
    vendors: z.array(exportedVendor),
    incidents: z.array(exportedIncident),
    subprocessors: z.array(exportedSubprocessor),
    mfa: z.array(exportedMfa),
    postureFacts: z.array(exportedPostureFact),
    // As stored: a version stored before a parameter existed lacks it, and is read with it filled in (storedPolicy).
    methodologyVersions: z.array(z.strictObject({ version: versionLabel, parameters: storedParameters, note: z.string().nullable(), createdAt: z.string() })),
    snapshots: z.array(exportedSnapshot),
    // Reports frozen per comparison, as version-1 documents carried them before a quarter had one
    // snapshot: they restore into the report history (superseded). Newer documents leave it out.
    reports: z.array(legacyReport).optional(),
    // Added after version 1 shipped: documents without them restore as having none.
    reviews: z.array(exportedReview).default([]),
    reviewCadence: cadence.nullable().default(null),
    // Added with issue 16 (a vendor's commitments; MFA records and subprocessors carry confidence and a structured source, absent: recorded).
    commitments: z.array(commitment).default([]),
    reportSnapshots: z.array(exportedReportSnapshot).superRefine(oneInForcePerQuarter).default([]),
    demo: z.strictObject({ company: z.string(), seededAt: z.string() }).nullable(),
    // Added with issue 16: documents without them restore as having none.
    documents: z.array(exportedDocument).default([]),
    questionnaireRequests: z.array(exportedQuestionnaireRequest).default([]),
    questionnaireAnswers: z.array(exportedQuestionnaireAnswer).default([]),
    // Added after the rest of issue 16: documents without them restore as having none.
    questionnaireImports: z.array(exportedQuestionnaireImport).default([]),
    // Added with issue 17: the vendors deleted from this portfolio (and from those it was restored from), oldest first.
    deletedVendors: z.array(deletedVendor).default([]),
  })
  .meta({ id: 'ExportDocument' });

export type ExportDocument = z.output<typeof exportDocument>;
