/**
 * The demo portfolio: the public reference dataset (data/seed/incidents.json, sourced facts) and
 * our example relationship with each vendor (data/seed/portfolio.json). Everything passes through
 * the same schemas as the API, so a bad seed fails loudly instead of storing nonsense.
 *
 * When each fact became known (data/seed/README.md): a posture statement from its statedDate; a
 * derived MFA or support record from the date of the cited item that established it (its
 * `knownFromEvidence`: a statement's statedDate, an incident's public disclosure), never before
 * the day an MFA record speaks for. An undated statement, and what rests on one, is known from the
 * day it is seeded (null here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { incidentInput, type IncidentInput } from '../domain/incident.ts';
import { knownTooEarly, mfaRecordInput, type MfaRecordInput } from '../domain/mfa.ts';
import { incidentKnownDate } from '../scoring/known-at.ts';
import { continuesValidly } from '../scoring/campaigns.ts';
import { subprocessorInput, type SubprocessorInput } from '../domain/subprocessor.ts';
import { vendorInput, type VendorInput } from '../domain/vendor.ts';
import { postureFact } from '../domain/posture-fact.ts';
import { isoDay } from '../domain/fields.ts';
import { reviewInput, type ReviewInput } from '../domain/review.ts';
import type { NewPostureFact } from '../db/posture-facts-repo.ts';

const referenceFile = z.object({
  incidents: z.array(z.looseObject({ id: z.string(), vendorName: z.string(), alsoAffectedVendors: z.array(z.string()).optional() })),
  vendor_posture: z.array(
    postureFact.omit({ id: true, vendorId: true, ref: true, knownFrom: true }).extend({ id: z.string(), vendor: z.string(), vendorName: z.string() }),
  ),
});

const portfolioFile = z.object({
  // The day the example relationships began, for every vendor that does not give its own: the
  // quarterly reports list only the vendors engaged at a quarter's end.
  company: z.object({ name: z.string(), fictional: z.literal(true), note: z.string(), engagedSince: isoDay }),
  vendors: z.array(z.looseObject({ name: z.string() })),
  mfa: z.array(z.looseObject({ vendor: z.string(), fact: z.string(), knownFromEvidence: z.string() })),
  subprocessors: z.array(
    z.looseObject({
      vendor: z.string(),
      linkedVendor: z.string().optional(),
      facts: z.array(z.string()),
      incidents: z.array(z.string()),
      knownFromEvidence: z.string(),
    }),
  ),
  // Our reading of which incidents are one campaign (data/seed/README.md), each with its sources.
  campaigns: z
    .array(
      z.strictObject({ vendor: z.string(), incident: z.string(), continuationOf: z.string(), sources: z.array(z.url()).min(1), evidence: z.string().min(1) }),
    )
    .default([]),
  // Example procurement decisions (like the relationships, example settings of the fictional company): the README's Okta review.
  reviews: z.array(z.looseObject({ vendor: z.string() })).default([]),
});

export interface DemoPortfolio {
  readonly company: { readonly name: string; readonly note: string };
  readonly vendors: readonly VendorInput[];
  /** Incidents by vendor name. */
  readonly incidents: ReadonlyArray<{ vendor: string; incident: IncidentInput }>;
  readonly postureFacts: ReadonlyArray<{ vendor: string; fact: NewPostureFact }>;
  /** knownFrom null: known from the day it is seeded. */
  readonly mfa: ReadonlyArray<{ vendor: string; record: MfaRecordInput }>;
  readonly subprocessors: ReadonlyArray<{ vendor: string; linkedVendor: string | null; input: SubprocessorInput }>;
  /** Campaign links by incident ref: `incident` continues `continuationOf`, both of `vendor`. */
  readonly campaigns: ReadonlyArray<{ vendor: string; incident: string; continuationOf: string }>;
  /** Example decisions, each marked as an example setting when seeded. */
  readonly reviews: ReadonlyArray<{ vendor: string; input: ReviewInput }>;
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
  const vendors = mine.vendors.map((v) =>
    parse(vendorInput, { engagedSince: mine.company.engagedSince, ...v, relationshipIsExample: true }, `vendor ${v.name}`),
  );
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
  const incidentById = new Map(incidents.map(({ incident }) => [incident.ref!, incident]));

  /**
   * The date of the cited item a derived record names as the one that established it: a
   * statement's statedDate, an incident's public disclosure (or, never disclosed, the first date
   * anyone knew); null for an undated statement (known from the day it is seeded).
   */
  const evidenceDate = (id: string, cited: { facts: readonly string[]; incidents: readonly string[] }, where: string): string | null => {
    if (cited.facts.includes(id)) return factOf(id, where).statedDate;
    if (cited.incidents.includes(id)) {
      const i = incidentById.get(id);
      if (!i) throw new Error(`demo portfolio: ${where} cites incident "${id}", which incidents.json does not have`);
      return incidentKnownDate(i);
    }
    throw new Error(`demo portfolio: ${where} is known from "${id}", which it does not cite`);
  };

  const campaigns = mine.campaigns.map(({ vendor, incident, continuationOf }) => {
    const where = `campaign link ${incident} → ${continuationOf}`;
    const of = (ref: string) => {
      const found = incidents.find((x) => x.vendor === known(vendor, where) && x.incident.ref === ref);
      if (!found) throw new Error(`demo portfolio: ${where} names incident "${ref}", which ${vendor} does not have`);
      return { ...found.incident, id: 0 };
    };
    // The rule the API applies: the continued incident was known no later than its continuation.
    if (!continuesValidly({ ...of(continuationOf), id: -1 }, of(incident)))
      throw new Error(`demo portfolio: ${where}: the continued incident became known after its continuation`);
    return { vendor, incident, continuationOf };
  });

  const reviews = mine.reviews.map(({ vendor, ...r }) => {
    const where = `example decision of ${vendor}`;
    const input = parse(reviewInput, r, where);
    if (!input.decidedOn) throw new Error(`demo portfolio: ${where} needs its decidedOn`);
    return { vendor: known(vendor, where), input };
  });

  return {
    campaigns,
    reviews,
    company: mine.company,
    vendors,
    incidents,
    // A statement is known from the day it was stated; an undated one from the day it is seeded.
    postureFacts: ref.vendor_posture.map(({ id, vendor: _v, vendorName, ...f }) => ({
      vendor: known(vendorName, `posture fact ${id}`),
      fact: { ref: id, ...f, knownFrom: f.statedDate },
    })),
    mfa: mine.mfa.map(({ vendor, fact, knownFromEvidence, ...r }) => {
      const where = `MFA record of ${vendor}`;
      const f = factOf(fact, where);
      const cited = evidenceDate(knownFromEvidence, { facts: [fact], incidents: [] }, where);
      // An announcement of a future requirement (GitHub's, May 2022, for the end of 2023) cannot make the record known before the day it speaks for.
      const knownFrom =
        cited !== null && typeof r.assessedOn === 'string' && knownTooEarly({ knownFrom: cited, assessedOn: r.assessedOn }) ? r.assessedOn : cited;
      const record = parse(mfaRecordInput, { source: f.sources[0] ?? null, notes: r.notes ?? f.statement, ...r, knownFrom }, where);
      return { vendor: known(vendor, 'an MFA record'), record };
    }),
    subprocessors: mine.subprocessors.map(({ vendor, linkedVendor, facts: factIds, incidents: incidentIds, knownFromEvidence, ...s }) => {
      const where = `subprocessor ${String(s.name)}`;
      const sources = [...factIds.flatMap((id) => factOf(id, where).sources), ...incidentIds.flatMap((id) => incidentSources.get(id) ?? [])];
      const knownFrom = evidenceDate(knownFromEvidence, { facts: factIds, incidents: incidentIds }, where);
      const input = parse(subprocessorInput, { ...s, sources: [...new Set(sources)], knownFrom }, where);
      return { vendor: known(vendor, 'a subprocessor'), linkedVendor: linkedVendor ? known(linkedVendor, 'a subprocessor') : null, input };
    }),
  };
}
