/** The documented query parameters and answers of the CSV and VERIS imports. */
import { z } from 'zod';
import { flagParam } from './common.ts';
import { EXPECT_VERSIONS_PATTERN, parseExpectVersions } from '../../services/imports/expected-versions.ts';
import { VENDOR_COLUMNS } from '../../services/imports/vendor-cells.ts';

export const problems = z.array(z.looseObject({ path: z.string(), message: z.string() }));
const firstThousand = (what: string) => problems.meta({ description: `${what}; the first 1,000 (the total is beside it)` });

const dryRun = flagParam.meta({
  description: 'true: report what the import would do, and every problem, without writing (the answer is 200 even with problems).',
});
const onInvalid = z.enum(['reject', 'skip']).default('reject').meta({
  description:
    'reject (default): a single invalid row or record refuses the whole import (400 import-invalid, nothing written). skip: the valid ones are imported and each one left out is reported in `skipped` with its row or record, field and reason.',
});

export const vendorsCsvQuery = z.strictObject({
  dryRun,
  onInvalid,
  onDuplicate: z.enum(['create', 'skip']).optional().meta({
    description:
      'What to do with a row that matches no vendor by id, name or alias but whose website domain is an existing vendor\'s (a possible duplicate): create it as a new vendor, or skip it. Left out, such rows refuse the import (409 import-possible-duplicates); a dry run lists them with action "duplicate".',
  }),
  expectVersions: z
    .string()
    .regex(EXPECT_VERSIONS_PATTERN, 'expected "row:vendorId:version" entries separated by commas, as a dry run answers them')
    .or(z.literal(''))
    .optional()
    .transform((t) => (t === undefined ? undefined : parseExpectVersions(t)))
    .meta({
      description:
        'The `expectVersions` a dry run of the same file answered: the import then refuses each row whose vendor changed since (or that now matches another vendor, or one where the preview created a vendor), as a problem with changedSince: true (412 edit-conflict when those are the only problems; with onInvalid=skip the row is left out). An empty value says no row matched an existing vendor.',
    }),
});

const value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
const duplicateOf = z
  .object({ vendorId: z.number().int(), name: z.string(), domain: z.string() })
  .meta({ description: 'The existing vendor whose website domain the row shares (and nothing else).' });

export const vendorsCsvReport = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int().meta({ description: 'Rows that resemble an existing vendor by website domain alone.' }),
  invalid: z.number().int().meta({ description: 'Rows with problems (refused with the file, or left out with onInvalid=skip).' }),
  rows: z.array(
    z.object({
      row: z.number().int().meta({ description: 'The line of the file (1 is the header).' }),
      action: z.enum(['create', 'update', 'unchanged', 'duplicate', 'skip']).meta({
        description: 'duplicate: a possible duplicate awaiting onDuplicate; skip: one left out by onDuplicate=skip.',
      }),
      name: z.string(),
      vendorId: z.number().int().nullable(),
      changes: z
        .array(z.object({ field: z.enum(VENDOR_COLUMNS).exclude(['id']), from: value, to: value }))
        .optional()
        .meta({ description: "An update's (or unchanged row's) field-level diff: each field that changes, its stored value and the new one." }),
      duplicateOf: duplicateOf.optional(),
      version: z.number().int().optional().meta({ description: 'The version of the vendor the row updates (or leaves unchanged), as read for this answer' }),
    }),
  ),
  errors: problems.meta({
    description:
      'Problems that refuse the import, each { path: "rows.N.column", row, column, message } (a possible duplicate also has duplicateOf); empty when it went through.',
  }),
  errorsTotal: z.number().int().meta({ description: 'How many problems refuse the import in all (errors lists the first 1,000).' }),
  skipped: firstThousand('With onInvalid=skip, the problems of the rows left out, each { path, row, column, message }'),
  skippedTotal: z.number().int(),
  expectVersions: z.string().meta({
    description:
      'Each row that matched an existing vendor as "row:vendorId:version", comma-separated: send it back as ?expectVersions= to import only what this preview showed',
  }),
});

export const verisQuery = z.strictObject({ dryRun, onInvalid });

const landing = z
  .object({
    vendorId: z.number().int().nullable().meta({ description: 'null: a new vendor (not engaged) would be created' }),
    name: z.string(),
    match: z.enum(['name', 'alias', 'incident', 'new']).meta({
      description:
        "name or alias: an existing vendor's (case and spacing ignored); incident: the vendor of the incident this record updates; new: a vendor to create",
    }),
  })
  .meta({ description: 'The vendor the record lands on' });

export const verisReport = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  vendorsCreated: z.number().int(),
  invalid: z.number().int().meta({ description: 'Records without a usable incident_id, victim name or incident year (or an NDJSON line that is not JSON).' }),
  errors: problems.meta({
    description:
      'Problems that refuse the import, each { path, index, id, field, message } (or { path: "lines.N", line } for a line that is not JSON); empty when it went through.',
  }),
  errorsTotal: z.number().int().meta({ description: 'How many problems refuse the import in all (errors lists the first 1,000).' }),
  skipped: firstThousand('With onInvalid=skip, the problems of the records left out, each { path, index, id, field, message }'),
  skippedTotal: z.number().int(),
  warnings: firstThousand(
    'Fields taken out of records that import without them (an unknown enumeration, a field VERIS does not have, an impossible date), each { path, index, id, field, value, message }',
  ),
  warningsTotal: z.number().int(),
  records: z
    .array(
      z.object({
        index: z.number().int(),
        id: z.string(),
        title: z.string(),
        action: z.enum(['create', 'update']),
        vendor: landing,
        warnings: z.number().int(),
      }),
    )
    .optional()
    .meta({ description: 'A dry run only: each record that would be imported and where it lands (the first 1,000; the counts cover them all).' }),
});
