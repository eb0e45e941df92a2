/**
 * The demo portfolio: the public reference dataset (data/seed/incidents.json, sourced facts) and
 * our example relationship with each vendor (data/seed/portfolio.json). Everything passes through
 * the same schemas as the API, so a bad seed fails loudly instead of storing nonsense.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { incidentInput, type IncidentInput } from '../domain/incident.ts';
import { mfaRecord, type MfaRecord } from '../domain/mfa.ts';
import { subprocessorInput, type SubprocessorInput } from '../domain/subprocessor.ts';
import { vendorInput, type VendorInput } from '../domain/vendor.ts';
import { postureFact } from '../domain/posture-fact.ts';
import { isoDay } from '../domain/fields.ts';
import type { NewPostureFact } from '../db/posture-facts-repo.ts';

const referenceFile = z.object({
  incidents: z.array(
    z.looseObject({ id: z.string(), vendorName: z.string(), alsoAffectedVendors: z.array(z.string()).optional() }),
  ),
  vendor_posture: z.array(
    postureFact.omit({ id: true, vendorId: true, ref: true }).extend({ id: z.string(), vendor: z.string(), vendorName: z.string() }),
  ),
});

const portfolioFile = z.object({
  // The day the example relationships began, for every vendor that does not give its own: the
  // quarterly reports list only the vendors engaged at a quarter's end.
  company: z.object({ name: z.string(), fictional: z.literal(true), note: z.string(), engagedSince: isoDay }),
  vendors: z.array(z.looseObject({ name: z.string() })),
  mfa: z.array(z.looseObject({ vendor: z.string(), fact: z.string() })),
  subprocessors: z.array(
    z.looseObject({
      vendor: z.string(),
      linkedVendor: z.string().optional(),
      facts: z.array(z.string()),
      incidents: z.array(z.string()),
    }),
  ),
});

export interface DemoPortfolio {
  readonly company: { readonly name: string; readonly note: string };
  readonly vendors: readonly VendorInput[];
  /** Incidents by vendor name. */
  readonly incidents: ReadonlyArray<{ vendor: string; incident: IncidentInput }>;
  readonly postureFacts: ReadonlyArray<{ vendor: string; fact: NewPostureFact }>;
  readonly mfa: ReadonlyArray<{ vendor: string; record: MfaRecord }>;
  readonly subprocessors: ReadonlyArray<{ vendor: string; linkedVendor: string | null; input: SubprocessorInput }>;
}

const fail = (what: string, e: z.ZodError) => new Error(`demo portfolio: ${what} is invalid: ${z.prettifyError(e)}`);
const parse = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> => {
  const r = schema.safeParse(value);
  if (!r.success) throw fail(what, r.error);
  return r.data;
};

/** Reads and checks the seed files in `dir` (data/seed). */
export function loadDemoPortfolio(dir: string): DemoPortfolio {
  const ref = parse(referenceFile, JSON.parse(readFileSync(join(dir, 'incidents.json'), 'utf8')), 'incidents.json');
  const mine = parse(portfolioFile, JSON.parse(readFileSync(join(dir, 'portfolio.json'), 'utf8')), 'portfolio.json');
  const vendors = mine.vendors.map((v) => parse(vendorInput, { engagedSince: mine.company.engagedSince, ...v, relationshipIsExample: true }, `vendor ${v.name}`));
  const names = new Set(vendors.map((v) => v.name));
  const known = (name: string, where: string) => {
    if (!names.has(name)) throw new Error(`demo portfolio: ${where} names vendor "${name}", which portfolio.json does not list`);
    return name;
  };

  const incidents = ref.incidents.flatMap((raw) => {
    const { id, vendor: _v, vendorName, vendorCategory: _c, ...fields } = raw;
    const incident = parse(incidentInput, { ...fields, ref: id }, `incident ${id}`);
    // One incident can belong to two vendors (Heroku and Travis CI): file it under each.
    return [vendorName, ...(raw.alsoAffectedVendors ?? [])].map((v) => ({ vendor: known(v, `incident ${id}`), incident }));
  });

  const facts = new Map(ref.vendor_posture.map((f) => [f.id, f]));
  const factOf = (id: string, where: string) => {
    const f = facts.get(id);
    if (!f) throw new Error(`demo portfolio: ${where} cites posture fact "${id}", which incidents.json does not have`);
    return f;
  };
  const incidentSources = new Map(ref.incidents.map((i) => [i.id, (i as { sources?: string[] }).sources ?? []]));

  return {
    company: mine.company,
    vendors,
    incidents,
    postureFacts: ref.vendor_posture.map(({ id, vendor: _v, vendorName, ...f }) => ({
      vendor: known(vendorName, `posture fact ${id}`),
      fact: { ref: id, ...f },
    })),
    mfa: mine.mfa.map(({ vendor, fact, ...r }) => {
      const f = factOf(fact, `MFA record of ${vendor}`);
      const record = parse(mfaRecord, { source: f.sources[0] ?? null, notes: r.notes ?? f.statement, ...r }, `MFA record of ${vendor}`);
      return { vendor: known(vendor, 'an MFA record'), record };
    }),
    subprocessors: mine.subprocessors.map(({ vendor, linkedVendor, facts: factIds, incidents: incidentIds, ...s }) => {
      const sources = [
        ...factIds.flatMap((id) => factOf(id, `subprocessor ${String(s.name)}`).sources),
        ...incidentIds.flatMap((id) => incidentSources.get(id) ?? []),
      ];
      const input = parse(subprocessorInput, { ...s, sources: [...new Set(sources)] }, `subprocessor ${String(s.name)}`);
      return { vendor: known(vendor, 'a subprocessor'), linkedVendor: linkedVendor ? known(linkedVendor, 'a subprocessor') : null, input };
    }),
  };
}
