/**
 * Evidence documents a vendor gives us (issue 16): a SOC 2 report, an ISO 27001 certificate, a
 * penetration test summary, or another file. The single source of their shapes: the metadata an
 * upload carries per kind, the document as the API answers it, and when a document stops counting
 * as evidence (its expiry), which the score, the review triggers and the due list all read.
 */
import { z } from 'zod';
import { id, isoDay, label, timestamp } from './fields.ts';
import { dayNumber } from './partial-date.ts';

export const DOCUMENT_KINDS = ['soc2', 'iso27001', 'pentest', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  soc2: 'SOC 2 report',
  iso27001: 'ISO 27001 certificate',
  pentest: 'Penetration test summary',
  other: 'Other document',
};

/** What we accept, recognised by the content's first bytes, never by the name (server/services/documents/media-type.ts). */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** At most this many bytes a document. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A SOC 2 report counts for this many months after the end of the period it covers (the usual
 * reliance window: a report older than that needs a newer one or a bridge letter).
 */
export const SOC2_VALID_MONTHS = 12;

const title = label(300).nullable().default(null).meta({ description: 'A short title of your own; the file name is kept apart' });

const soc2 = z
  .strictObject({
    kind: z.literal('soc2'),
    title,
    type: z.enum(['type1', 'type2']).meta({ description: 'Type I (design at a point in time) or Type II (operating over a period)' }),
    periodStart: isoDay.meta({ description: 'First day covered (for Type I, the report date)' }),
    periodEnd: isoDay.meta({ description: `Last day covered; the report counts for ${SOC2_VALID_MONTHS} months after it` }),
    auditor: label(200),
    exceptions: z.number().int().min(0).max(10_000).meta({ description: 'Number of exceptions the auditor noted' }),
    bridgeLetter: z.boolean().meta({ description: 'Whether a bridge letter covers the time since the period end' }),
  })
  .refine((m) => m.periodStart <= m.periodEnd, { message: 'the period starts after it ends', path: ['periodEnd'] });

const iso27001 = z.strictObject({
  kind: z.literal('iso27001'),
  title,
  certificateNumber: label(100),
  expiresOn: isoDay.meta({ description: 'The last day the certificate is valid' }),
});

const pentest = z.strictObject({
  kind: z.literal('pentest'),
  title,
  testedOn: isoDay.meta({ description: 'The day the test ended' }),
  scope: label(2000),
});

const other = z.strictObject({
  kind: z.literal('other'),
  title: label(300),
  date: isoDay.nullable().default(null),
});

/** The `meta` field of an upload: the kind and its fields. */
export const documentMeta = z.discriminatedUnion('kind', [soc2, iso27001, pentest, other]).meta({ id: 'DocumentMeta' });
export type DocumentMeta = z.output<typeof documentMeta>;
/** The kind's fields, as stored and answered (`details`). */
export type DocumentDetails = Omit<DocumentMeta, 'kind'>;

export const document = z
  .object({
    id,
    vendorId: id,
    requestId: id.nullable().meta({ description: 'The questionnaire request it came with, when uploaded through a response link' }),
    kind: z.enum(DOCUMENT_KINDS),
    details: z.record(z.string(), z.unknown()).meta({ description: "The kind's fields (DocumentMeta without kind)" }),
    fileName: z.string(),
    mediaType: z.enum(DOCUMENT_MEDIA_TYPES).meta({ description: "Recognised from the content's first bytes" }),
    size: z.number().int().positive(),
    sha256: z.string(),
    uploadedAt: timestamp,
    uploadedBy: z.string(),
    knownFrom: isoDay.meta({ description: 'The day it was uploaded: the day what it says became known to us' }),
    expiresOn: isoDay.nullable().meta({
      description: `Last day it counts as evidence: a SOC 2 report's period end + ${SOC2_VALID_MONTHS} months, an ISO 27001 certificate's expiry; null for other kinds`,
    }),
    expired: z.boolean().meta({ description: 'Whether today is after expiresOn' }),
  })
  .meta({ id: 'Document' });
export type Document = z.output<typeof document>;

/** `day` plus whole months, clamped to the month's end (as scoring/review-status.ts addMonths). */
function plusMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The last day a document counts as evidence, or null when its kind does not lapse. */
export function documentExpiresOn(kind: DocumentKind, details: Readonly<Record<string, unknown>>): string | null {
  if (kind === 'soc2' && typeof details.periodEnd === 'string') return plusMonths(details.periodEnd, SOC2_VALID_MONTHS);
  if (kind === 'iso27001' && typeof details.expiresOn === 'string') return details.expiresOn;
  return null;
}

/** Whether a document had lapsed by `asOf` (YYYY-MM-DD): the day after its expiry or later. */
export const expiredBy = (expiresOn: string | null, asOf: string): boolean => expiresOn !== null && dayNumber(asOf) > dayNumber(expiresOn);
