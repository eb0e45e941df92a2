/**
 * A support arrangement or other subprocessor (a fourth party): who in the vendor's chain can reach
 * customer tenants, and how. A subprocessor may itself be a vendor in our database (`vendorId`).
 */
import { z } from 'zod';
import { ACCESS_LEVELS, MFA_METHODS } from './vocabulary.ts';
import { atLeastOneField, httpUrl, id, label, partialDate, prose, recordVersion, timestamp } from './fields.ts';
import { certainlyBefore } from './partial-date.ts';
import { knownFromField, knownFromInput } from './known-from.ts';
import { factProvenanceFields } from './fact-source.ts';

// A subprocessor may be announced before it starts (a new provider on a published list), so its
// knownFrom may come before its since; an unknown since counts from knownFrom, never "always".
const KNOWN_FROM_NOTE = 'It may come before since (an arrangement announced before it starts); with since unknown the arrangement counts from this day.';

const fields = {
  name: label(200),
  function: label(200).meta({ description: 'What it does for the vendor: customer support, hosting, telephony…' }),
  outsourced: z.boolean(),
  accessLevel: z.enum(ACCESS_LEVELS).meta({
    description:
      'Access to customer tenants: none, ticket metadata, customer data, troubleshooting artefacts that can carry session tokens (HAR files, logs), or impersonation/admin access.',
  }),
  artifactsSanitized: z.boolean().nullable().meta({ description: 'Are troubleshooting artefacts sanitized on upload? null = unknown.' }),
  retentionDays: z.number().int().min(0).max(36_500).nullable().meta({ description: 'How long artefacts are kept; null = unknown.' }),
  staffMfa: z.enum(MFA_METHODS).nullable().meta({ description: "The subprocessor staff's MFA method; null = unknown." }),
  vendorId: id.nullable().meta({ description: "The subprocessor's own vendor record, when it has one." }),
  location: label(200).nullable(),
  since: partialDate.nullable().meta({ description: 'When the arrangement began, if known.' }),
  until: partialDate.nullable().meta({ description: 'When it ended; null while it lasts.' }),
  evidence: prose(),
  sources: z.array(httpUrl).max(20),
  knownFrom: knownFromField(KNOWN_FROM_NOTE),
};

type Fields = { [K in keyof typeof fields]: z.output<(typeof fields)[K]> };

export function impossiblePeriod(s: Partial<Pick<Fields, 'since' | 'until'>>): Array<[keyof Fields, string]> {
  return s.since && s.until && certainlyBefore(s.until, s.since) ? [['until', `until ${s.until} is before since ${s.since}`]] : [];
}

export const subprocessorInput = z
  .strictObject({
    ...fields,
    artifactsSanitized: fields.artifactsSanitized.default(null),
    retentionDays: fields.retentionDays.default(null),
    staffMfa: fields.staffMfa.default(null),
    vendorId: fields.vendorId.default(null),
    location: fields.location.default(null),
    since: fields.since.default(null),
    until: fields.until.default(null),
    evidence: fields.evidence.default(null),
    sources: fields.sources.default([]),
    knownFrom: knownFromInput(KNOWN_FROM_NOTE),
  })
  .superRefine((s, ctx) => {
    for (const [path, message] of impossiblePeriod(s)) ctx.addIssue({ code: 'custom', path: [path], message });
  })
  .meta({ id: 'SubprocessorInput' });

export const subprocessorPatch = z
  .strictObject(fields)
  .partial()
  .refine(...atLeastOneField)
  .meta({ id: 'SubprocessorPatch' });

export const subprocessor = z
  .object({ id, parentVendorId: id, ...fields, ...factProvenanceFields, createdAt: timestamp, updatedAt: timestamp, version: recordVersion })
  .meta({ id: 'Subprocessor' });

export type SubprocessorInput = z.output<typeof subprocessorInput>;
export type SubprocessorPatch = z.output<typeof subprocessorPatch>;
export type Subprocessor = z.output<typeof subprocessor>;

/** The record's fields as an input: without its provenance, which only a questionnaire's review sets (and the repository keeps). */
export function subprocessorAsInput(
  s: Omit<Subprocessor, 'knownFrom' | 'version'> & { knownFrom?: string | undefined; version?: number },
): Record<string, unknown> {
  const { id: _id, parentVendorId: _p, createdAt: _c, updatedAt: _u, version: _v, confidence: _cf, source: _o, ...rest } = s;
  return rest;
}
