/**
 * Generated scoring inputs (fast-check): incidents, support arrangements, MFA records and whole
 * vendors, with partial dates. A vendor's incidents have distinct ids, some set root causes and
 * entry paths, and campaigns: links from an incident to one listed before it (valid or not by
 * their dates: the engine must cope with both).
 */
import fc from 'fast-check';
import { isoDay } from '../../server/domain/partial-date.ts';
import {
  ACCESS_LEVELS,
  ACCESS_VECTORS,
  CONFIDENCES,
  ENTRY_PATHS,
  MFA_METHODS,
  MFA_POPULATIONS,
  ROOT_CAUSES,
  SEVERITIES,
  SUPPORT_INVOLVEMENT_TYPES,
} from '../../server/domain/vocabulary.ts';
import type { IncidentFacts, ScoringFacts, SubprocessorFacts } from '../../server/scoring/types.ts';
import type { MfaRecord } from '../../server/domain/mfa.ts';

export const D2018 = 17532; // 2018-01-01 as a day number
export const day = fc.integer({ min: D2018, max: D2018 + 2500 }).map(isoDay);
/** A date as sources give them: a day, or only its month or year. */
export const partialDay = fc.tuple(fc.integer({ min: D2018, max: D2018 + 2500 }), fc.constantFrom(10, 7, 4)).map(([d, length]) => isoDay(d).slice(0, length));

/** Access details that steer the derived root cause and path (server/domain/root-cause.ts). */
const DETAILS = [
  'A password spray hit a corporate test account.',
  "Forged tokens signed with a stolen signing key reached customers' mailboxes.",
  'An engineer’s laptop was compromised.',
  'Infostealer logs held customer usernames and passwords.',
  'HAR files uploaded to support cases held live session tokens.',
  'Not published.',
] as const;

export const incident: fc.Arbitrary<IncidentFacts> = fc
  .record({
    id: fc.nat(),
    severity: fc.constantFrom(...SEVERITIES),
    confidence: fc.constantFrom(...CONFIDENCES),
    customersAffected: fc.option(fc.nat({ max: 100_000 })),
    start: fc.integer({ min: D2018, max: D2018 + 2000 }),
    detectAfter: fc.option(fc.nat({ max: 200 })),
    reportAfter: fc.option(fc.nat({ max: 200 })),
    discloseAfter: fc.nat({ max: 200 }),
    initialAccessVectors: fc.uniqueArray(fc.constantFrom(...ACCESS_VECTORS), { maxLength: 3 }),
    supportInvolvementType: fc.constantFrom(...SUPPORT_INVOLVEMENT_TYPES),
    initialAccessDetail: fc.option(fc.constantFrom(...DETAILS)),
    rootCause: fc.option(fc.constantFrom(...ROOT_CAUSES), { freq: 4 }),
    entryPath: fc.option(fc.constantFrom(...ENTRY_PATHS), { freq: 4 }),
  })
  .map((r) => ({
    id: r.id,
    title: `incident ${r.id}`,
    severity: r.severity,
    confidence: r.confidence,
    customersAffected: r.customersAffected,
    intrusionStartDate: isoDay(r.start),
    detectedByVendorDate: r.detectAfter === null ? null : isoDay(r.start + r.detectAfter),
    firstReportedByThirdPartyDate: r.reportAfter === null ? null : isoDay(r.start + r.reportAfter),
    publicDisclosureDate: isoDay(r.start + Math.max(r.discloseAfter, r.detectAfter ?? 0, r.reportAfter ?? 0)),
    initialAccessVectors: r.initialAccessVectors,
    supportInvolved: r.supportInvolvementType !== 'none',
    supportInvolvementType: r.supportInvolvementType,
    initialAccessDetail: r.initialAccessDetail,
    rootCause: r.rootCause,
    entryPath: r.entryPath,
    continuationOf: null,
  }));

/**
 * Incidents with ids first, first + 1, … and campaigns: each may continue one listed before it
 * (`links[k]` odd: the one at `links[k] % k`).
 */
export const incidentList = (maxLength: number, first = 1): fc.Arbitrary<IncidentFacts[]> =>
  fc.tuple(fc.array(incident, { maxLength }), fc.array(fc.nat(), { minLength: maxLength, maxLength })).map(([list, links]) =>
    list.map((i, k) => {
      const id = first + k;
      const l = links[k]!;
      return { ...i, id, title: `incident ${id}`, continuationOf: k > 0 && l % 2 === 1 ? first + (l % k) : null };
    }),
  );

export const subprocessor: fc.Arbitrary<SubprocessorFacts> = fc.record({
  id: fc.nat(),
  name: fc.constant('S'),
  function: fc.constant('customer support'),
  outsourced: fc.boolean(),
  accessLevel: fc.constantFrom(...ACCESS_LEVELS),
  artifactsSanitized: fc.option(fc.boolean()),
  retentionDays: fc.option(fc.nat({ max: 400 })),
  staffMfa: fc.option(fc.constantFrom(...MFA_METHODS)),
  since: fc.option(partialDay),
  until: fc.option(partialDay),
  knownFrom: partialDay,
  ownIncidents: incidentList(3, 1000),
});

export const mfa: fc.Arbitrary<MfaRecord[]> = fc.uniqueArray(
  fc.record({
    population: fc.constantFrom(...MFA_POPULATIONS),
    method: fc.constantFrom(...MFA_METHODS),
    enforced: fc.boolean(),
    evidence: fc.constant('observed' as const),
    source: fc.constant(null),
    assessedOn: partialDay,
    knownFrom: partialDay,
    notes: fc.constant(null),
  }),
  { selector: (r) => r.population },
);

export const vendorFacts: fc.Arbitrary<ScoringFacts> = fc.record({
  vendor: fc.record({
    id: fc.constant(1),
    name: fc.constant('V'),
    tier: fc.integer({ min: 1, max: 4 }),
    dataAccess: fc.constantFrom('none', 'internal', 'confidential', 'restricted' as const),
    environmentAccess: fc.constantFrom('none', 'user', 'admin', 'identity-provider' as const),
    // Free text: some categories match a row of the category prior table, some none.
    category: fc.constantFrom('identity provider', 'PaaS / CI/CD', 'managed file transfer', 'customer service software', 'social media platform', ''),
  }),
  incidents: incidentList(6),
  subprocessors: fc.array(subprocessor, { maxLength: 4 }),
  mfa,
});
