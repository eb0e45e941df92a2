/**
 * A vendor's past security incident. Field names and vocabularies are those of the reference
 * dataset (data/seed/README.md), so its records load unchanged.
 */
import { z } from 'zod';
import { ACCESS_VECTORS, CONFIDENCES, DATE_PRECISIONS, ENTRY_PATHS, MFA_RELEVANCE, ROOT_CAUSES, SEVERITIES, SUPPORT_INVOLVEMENT_TYPES } from './vocabulary.ts';
import { atLeastOneField, httpUrl, id, label, partialDate, prose, recordVersion, timestamp } from './fields.ts';
import { certainlyBefore, precisionOf } from './partial-date.ts';
import { deriveEntryPath, deriveRootCause, entryPathOf } from './root-cause.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'expected a lower-case slug (a-z, 0-9, -)');
const date = partialDate.nullable();
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { message: 'expected no duplicates' });

const fields = {
  ref: slug.nullable().meta({ description: 'Stable slug, used by relatedIncidentIds (e.g. okta-2022-01-sitel).' }),
  title: label(300),
  intrusionStartDate: date,
  intrusionStartPrecision: z.enum(DATE_PRECISIONS).nullable().meta({ description: 'Derived from intrusionStartDate; when sent it must agree.' }),
  detectedByVendorDate: date,
  firstReportedByThirdPartyDate: date,
  firstReportedBy: prose(500),
  publicDisclosureDate: date,
  initialAccessVectors: uniqueList(z.enum(ACCESS_VECTORS), ACCESS_VECTORS.length),
  initialAccessDetail: prose(),
  supportInvolved: z.boolean().nullable(),
  supportInvolvementType: z.enum(SUPPORT_INVOLVEMENT_TYPES),
  supportSubprocessor: label(200).nullable(),
  supportDetail: prose(),
  mfaRelevance: z.enum(MFA_RELEVANCE),
  mfaDetail: prose(),
  customersAffected: z.number().int().min(0).nullable(),
  customersAffectedDetail: prose(),
  threatActor: label(200).nullable(),
  severity: z.enum(SEVERITIES),
  severityRationale: prose(),
  relatedIncidentIds: uniqueList(slug, 50),
  alsoAffectedVendors: uniqueList(label(200), 20),
  sources: uniqueList(httpUrl, 20),
  confidence: z.enum(CONFIDENCES),
  notes: prose(),
  rootCause: z
    .enum(ROOT_CAUSES)
    .nullable()
    .meta({ description: 'How it began, as an analyst set it; null = derived from the vectors, support involvement and access detail (derivedRootCause)' }),
  entryPath: z.enum(ENTRY_PATHS).nullable().meta({ description: 'Where the attacker came in, as an analyst set it; null = derived (derivedEntryPath)' }),
  continuationOf: id
    .nullable()
    .meta({ description: 'The earlier incident of the same vendor this one continues: the two are one campaign, counted once. Null = none' }),
};

type Fields = { [K in keyof typeof fields]: z.output<(typeof fields)[K]> };

/** The date problems that make an incident impossible, as [field, message] pairs. */
export function impossibleDates(i: Partial<Fields>): Array<[keyof Fields, string]> {
  const out: Array<[keyof Fields, string]> = [];
  const start = i.intrusionStartDate ?? null;
  const later = ['detectedByVendorDate', 'firstReportedByThirdPartyDate', 'publicDisclosureDate'] as const;
  if (start) {
    for (const f of later) {
      const d = i[f];
      if (d && certainlyBefore(d, start)) out.push([f, `${f} ${d} is before the intrusion began (${start})`]);
    }
  }
  // A vendor cannot disclose before anyone (itself or a third party) knew of the incident.
  const known = [i.detectedByVendorDate, i.firstReportedByThirdPartyDate].filter((d): d is string => !!d);
  const disclosed = i.publicDisclosureDate;
  if (disclosed && known.length > 0 && known.every((k) => certainlyBefore(disclosed, k))) {
    out.push(['publicDisclosureDate', `publicDisclosureDate ${disclosed} is before the vendor or anyone else knew of it`]);
  }
  if (i.intrusionStartPrecision != null && i.intrusionStartPrecision !== precisionOf(start)) {
    out.push(['intrusionStartPrecision', `intrusionStartPrecision must be ${precisionOf(start) ?? 'null'}, as the date gives`]);
  }
  return out;
}

const checkDates = (i: Partial<Fields>, ctx: z.RefinementCtx) => {
  for (const [path, message] of impossibleDates(i)) ctx.addIssue({ code: 'custom', path: [path], message });
};

export const incidentInput = z
  .strictObject({
    ...fields,
    ref: fields.ref.default(null),
    intrusionStartDate: date.default(null),
    intrusionStartPrecision: fields.intrusionStartPrecision.optional(),
    detectedByVendorDate: date.default(null),
    firstReportedByThirdPartyDate: date.default(null),
    firstReportedBy: fields.firstReportedBy.default(null),
    publicDisclosureDate: date.default(null),
    initialAccessVectors: fields.initialAccessVectors.default([]),
    initialAccessDetail: fields.initialAccessDetail.default(null),
    supportInvolved: fields.supportInvolved.default(null),
    supportInvolvementType: fields.supportInvolvementType.default('none'),
    supportSubprocessor: fields.supportSubprocessor.default(null),
    supportDetail: fields.supportDetail.default(null),
    mfaRelevance: fields.mfaRelevance.default('unknown'),
    mfaDetail: fields.mfaDetail.default(null),
    customersAffected: fields.customersAffected.default(null),
    customersAffectedDetail: fields.customersAffectedDetail.default(null),
    threatActor: fields.threatActor.default(null),
    severityRationale: fields.severityRationale.default(null),
    relatedIncidentIds: fields.relatedIncidentIds.default([]),
    alsoAffectedVendors: fields.alsoAffectedVendors.default([]),
    sources: fields.sources.default([]),
    confidence: fields.confidence.default('medium'),
    notes: fields.notes.default(null),
    rootCause: fields.rootCause.default(null),
    entryPath: fields.entryPath.default(null),
    continuationOf: fields.continuationOf.default(null),
  })
  .superRefine(checkDates)
  .meta({ id: 'IncidentInput' });

/** A PATCH is checked field by field here, and the merged record again by incidentInput. */
export const incidentPatch = z
  .strictObject(fields)
  .partial()
  .refine(...atLeastOneField)
  .meta({ id: 'IncidentPatch' });

/** Where an imported incident came from; null for incidents entered here. */
export const incidentSource = z
  .object({
    format: z.enum(['veris']),
    id: z.string().meta({ description: 'The id in the source, as written there' }),
    attribution: z.string().meta({ description: 'Credit and licence of the source, shown with the incident' }),
  })
  .nullable()
  .meta({ id: 'IncidentSource' });
export type IncidentSource = z.output<typeof incidentSource>;

export const incident = z
  .object({
    id,
    vendorId: id,
    ...fields,
    source: incidentSource,
    derivedRootCause: z
      .enum(ROOT_CAUSES)
      .meta({ description: 'The root cause the record implies (from the entry path in force); rootCause, when set, overrides it' }),
    derivedEntryPath: z.enum(ENTRY_PATHS).meta({ description: 'The entry path the record implies; entryPath, when set, overrides it' }),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: recordVersion,
  })
  .meta({ id: 'Incident' });

export type IncidentInput = z.output<typeof incidentInput>;
export type IncidentPatch = z.output<typeof incidentPatch>;
export type Incident = z.output<typeof incident>;

/** The fields of a stored incident as an input, for merging a PATCH into it. */
export function incidentAsInput(i: Omit<Incident, 'derivedRootCause' | 'derivedEntryPath' | 'version'> & { version?: number }): Record<string, unknown> {
  const { id: _id, vendorId: _v, createdAt: _c, updatedAt: _u, source: _s, version: _n, ...rest } = i as Incident;
  const { derivedRootCause: _r, derivedEntryPath: _p, ...input } = rest;
  return input;
}

/** The root cause and entry path a record implies, for the API to show beside what an analyst set. */
export function derivedClassification(
  i: Pick<Incident, 'initialAccessVectors' | 'supportInvolved' | 'supportInvolvementType' | 'initialAccessDetail' | 'entryPath'>,
) {
  return { derivedRootCause: deriveRootCause(i, entryPathOf(i)), derivedEntryPath: deriveEntryPath(i) };
}
