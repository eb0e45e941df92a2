/** Generated scoring inputs (fast-check): incidents, support arrangements, MFA records and whole vendors, with partial dates. */
import fc from 'fast-check';
import { isoDay } from '../../server/domain/partial-date.ts';
import { ACCESS_LEVELS, ACCESS_VECTORS, CONFIDENCES, MFA_METHODS, MFA_POPULATIONS, SEVERITIES, SUPPORT_INVOLVEMENT_TYPES } from '../../server/domain/vocabulary.ts';
import type { IncidentFacts, ScoringFacts, SubprocessorFacts } from '../../server/scoring/types.ts';
import type { MfaRecord } from '../../server/domain/mfa.ts';

export const D2018 = 17532; // 2018-01-01 as a day number
export const day = fc.integer({ min: D2018, max: D2018 + 2500 }).map(isoDay);
/** A date as sources give them: a day, or only its month or year. */
export const partialDay = fc
  .tuple(fc.integer({ min: D2018, max: D2018 + 2500 }), fc.constantFrom(10, 7, 4))
  .map(([d, length]) => isoDay(d).slice(0, length));

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
  }));

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
  ownIncidents: fc.array(incident, { maxLength: 2 }),
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
  incidents: fc.array(incident, { maxLength: 5 }),
  subprocessors: fc.array(subprocessor, { maxLength: 4 }),
  mfa,
});

