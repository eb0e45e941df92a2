/** A vendor and our relationship with it: the single source of its shape (API, storage, scoring). */
import { z } from 'zod';
import { DATA_ACCESS, ENVIRONMENT_ACCESS, VENDOR_STATUSES } from './vocabulary.ts';
import { atLeastOneField, httpUrl, id, isoDay, label, prose, recordVersion, timestamp } from './fields.ts';

export const MAX_ALIASES = 20;

/** The key two vendor names collide on: case and spacing ignored. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

// No defaults here: a PATCH must not fill in the fields it leaves out.
const fields = {
  name: label(200),
  category: label(100),
  website: httpUrl.nullable(),
  tier: z.number().int().min(1).max(4).meta({ description: '1 = most critical to us, 4 = least' }),
  dataAccess: z.enum(DATA_ACCESS),
  environmentAccess: z.enum(ENVIRONMENT_ACCESS),
  status: z.enum(VENDOR_STATUSES),
  businessOwner: label(200).nullable(),
  nextReviewOn: isoDay.nullable(),
  notes: prose(),
  relationshipIsExample: z.boolean().meta({ description: 'True when tier and access are example settings (the demo portfolio), not a real relationship.' }),
  engagedSince: isoDay.meta({
    description:
      'The day our relationship with the vendor began; a quarterly report lists only the vendors engaged at its end. Defaults to the day the vendor is recorded (or, for a vendor that was not engaged, the day its status changes to an engaged one); set it to backfill history.',
  }),
  aliases: z
    .array(label(200))
    .max(MAX_ALIASES)
    .refine((a) => new Set(a.map(nameKey)).size === a.length, { message: 'expected no duplicates (case and spacing ignored)' })
    .meta({ description: 'Other names the vendor goes by ("Microsoft Corp"); imports match them as they match the name.' }),
};

export const vendorInput = z
  .strictObject({
    ...fields,
    website: fields.website.default(null),
    status: fields.status.default('proposed'),
    businessOwner: fields.businessOwner.default(null),
    nextReviewOn: fields.nextReviewOn.default(null),
    notes: fields.notes.default(null),
    relationshipIsExample: fields.relationshipIsExample.default(false),
    engagedSince: fields.engagedSince.nullable().default(null),
    aliases: fields.aliases.default([]),
  })
  .superRefine((v, ctx) => {
    const i = v.aliases.findIndex((a) => nameKey(a) === nameKey(v.name));
    if (i >= 0) ctx.addIssue({ code: 'custom', path: ['aliases', i], message: 'is the vendor’s own name' });
  })
  .meta({ id: 'VendorInput' });

export const vendorPatch = z
  .strictObject(fields)
  .partial()
  .refine(...atLeastOneField)
  .meta({ id: 'VendorPatch' });

export const vendor = z
  .object({
    id,
    ...fields,
    domain: z.string().nullable().meta({ description: "The website's host name, without www." }),
    incidentCount: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: recordVersion,
  })
  .meta({ id: 'Vendor' });

export type VendorInput = z.output<typeof vendorInput>;
export type VendorPatch = z.output<typeof vendorPatch>;
export type Vendor = z.output<typeof vendor>;

/** Host name of a website, without a leading `www.`. */
export function domainOf(website: string | null): string | null {
  if (!website) return null;
  try {
    return new URL(website).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
