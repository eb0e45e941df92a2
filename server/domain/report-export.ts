/**
 * Frozen quarterly reports in the full export: every snapshot with its history (superseded ones
 * too), its body and basis exactly as stored, so that a restore brings back reports that read
 * byte for byte as before. Bodies and bases pass through unchanged (a schema that rebuilt them
 * could reorder their keys); they are checked, not transformed.
 */
import { z } from 'zod';
import { isoDay } from './fields.ts';
import { quarterLabel } from './quarter.ts';
import { REPORT_ORIGINS } from './report.ts';

const int = z.number().int();

/** What a report body must hold to be shown (a snapshot frozen per comparison holds more, differently). */
const reportBody = z.looseObject({
  quarter: quarterLabel,
  asOf: isoDay,
  methodologyVersion: z.string(),
  summary: z.looseObject({ vendors: int, averageRisk: z.number() }),
  topRisks: z.array(z.looseObject({ vendorId: int })),
  newIncidents: z.array(z.looseObject({ incidentId: int })),
  findings: z.array(z.looseObject({ vendorId: int })),
  vendors: z.array(z.looseObject({ vendorId: int, name: z.string(), risk: z.number() })),
  tier1Scores: z.array(z.looseObject({ vendorId: int })),
  bands: z.array(z.looseObject({ band: z.string(), minRisk: z.number() })),
});
const legacyBody = z.looseObject({ quarter: quarterLabel });
const basis = z.looseObject({
  vendors: z.array(
    z.looseObject({
      vendorId: int,
      risk: z.number(),
      methodologyVersion: z.string(),
      findings: z.array(z.looseObject({ id: z.string() })),
      facts: z.looseObject({
        vendor: z.looseObject({ id: int }),
        incidents: z.array(z.looseObject({ id: int })),
        subprocessors: z.array(z.unknown()),
        mfa: z.array(z.unknown()),
      }),
    }),
  ),
});

/** Checks a value against a schema and reports its problems at `path`, leaving the value as it is. */
const checkedAs = (schema: z.ZodType, path: string, ctx: z.RefinementCtx, value: unknown) => {
  const r = schema.safeParse(value);
  if (!r.success)
    for (const i of r.error.issues.slice(0, 20))
      ctx.addIssue({ code: 'custom', path: [path, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message });
};

export const exportedReportSnapshot = z
  .strictObject({
    id: int.positive(),
    quarter: quarterLabel,
    asOf: z.string(),
    body: z.unknown().meta({ description: 'The report exactly as frozen' }),
    basis: z
      .unknown()
      .meta({ description: 'What it rests on: each vendor’s facts held at the as-of day, risk and findings; null for a snapshot frozen per comparison' }),
    generatedAt: z.string(),
    generatedBy: z.string(),
    supersededAt: z.string().nullable(),
    supersededBy: z.string().nullable(),
    origin: z.enum(REPORT_ORIGINS),
    comparedWith: quarterLabel.nullable(),
  })
  .superRefine((s, ctx) => {
    const legacy = s.origin === 'per-comparison';
    checkedAs(legacy ? legacyBody : reportBody, 'body', ctx, s.body);
    if (s.basis !== null) checkedAs(basis, 'basis', ctx, s.basis);
    else if (!legacy) ctx.addIssue({ code: 'custom', path: ['basis'], message: 'only a snapshot frozen per comparison may lack its basis' });
    if ((s.supersededAt === null) !== (s.supersededBy === null))
      ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'expected with supersededAt, and only then' });
    if (legacy && s.supersededAt === null)
      ctx.addIssue({ code: 'custom', path: ['supersededAt'], message: 'a snapshot frozen per comparison can only be history' });
    if (!legacy && s.comparedWith !== null)
      ctx.addIssue({ code: 'custom', path: ['comparedWith'], message: 'only a snapshot frozen per comparison names the quarter it was compared with' });
  })
  .meta({ id: 'ExportedReportSnapshot' });

export type ExportedReportSnapshot = z.output<typeof exportedReportSnapshot>;

/** At most one snapshot in force per quarter, and ids that are unique. */
export function oneInForcePerQuarter(list: readonly ExportedReportSnapshot[], ctx: z.RefinementCtx): void {
  const inForce = new Set<string>();
  const ids = new Set<number>();
  list.forEach((s, i) => {
    if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `id ${s.id} is used twice` });
    ids.add(s.id);
    if (s.supersededAt !== null) return;
    if (inForce.has(s.quarter)) ctx.addIssue({ code: 'custom', path: [i, 'supersededAt'], message: `${s.quarter} has another snapshot in force` });
    inForce.add(s.quarter);
  });
}

/** A version-1 document's report, frozen per comparison. */
export const legacyReport = z.strictObject({ quarter: quarterLabel, vs: quarterLabel, body: legacyBody, frozenAt: z.string() });
