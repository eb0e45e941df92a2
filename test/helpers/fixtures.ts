/** Builders for valid inputs; tests override only what they are about. */
import type { IncidentInput } from '../../server/domain/incident.ts';
import type { SubprocessorInput } from '../../server/domain/subprocessor.ts';
import type { VendorInput } from '../../server/domain/vendor.ts';
import type { MfaRecord } from '../../server/domain/mfa.ts';
import type { IncidentFacts, ScoringFacts, SubprocessorFacts } from '../../server/scoring/types.ts';

export const vendorBody = (o: Partial<VendorInput> = {}) => ({
  name: 'Acme Identity',
  category: 'identity provider',
  website: 'https://acme.example.com',
  tier: 1,
  dataAccess: 'confidential',
  environmentAccess: 'identity-provider',
  ...o,
});

export const incidentBody = (o: Partial<IncidentInput> = {}) => ({
  ref: 'acme-2023-support',
  title: 'Support system breach',
  intrusionStartDate: '2023-09-28',
  detectedByVendorDate: '2023-10-19',
  firstReportedByThirdPartyDate: '2023-09-29',
  firstReportedBy: 'A customer',
  publicDisclosureDate: '2023-10-20',
  initialAccessVectors: ['stolen-credentials'],
  supportInvolved: true,
  supportInvolvementType: 'in-house-support-system',
  mfaRelevance: 'weak-mfa-bypassed',
  customersAffected: 134,
  severity: 'critical',
  sources: ['https://example.com/advisory'],
  confidence: 'high',
  ...o,
});

export const subprocessorBody = (o: Partial<SubprocessorInput> = {}) => ({
  name: 'Callcentre Ltd',
  function: 'customer support',
  outsourced: true,
  accessLevel: 'session-artifacts',
  artifactsSanitized: false,
  retentionDays: 90,
  staffMfa: 'sms',
  ...o,
});

export const mfaItem = (o: Partial<MfaRecord> = {}) => ({
  population: 'admins',
  method: 'fido2',
  enforced: true,
  evidence: 'public-statement',
  source: 'https://example.com/security',
  assessedOn: '2023-01-15',
  ...o,
});

let nextId = 1;
export const incidentFacts = (o: Partial<IncidentFacts> = {}): IncidentFacts => ({
  id: nextId++,
  title: 'An incident',
  severity: 'high',
  confidence: 'high',
  customersAffected: null,
  intrusionStartDate: '2022-01-01',
  detectedByVendorDate: '2022-01-10',
  firstReportedByThirdPartyDate: null,
  publicDisclosureDate: '2022-02-01',
  initialAccessVectors: [],
  supportInvolved: false,
  supportInvolvementType: 'none',
  ...o,
});

export const subprocessorFacts = (o: Partial<SubprocessorFacts> = {}): SubprocessorFacts => ({
  id: nextId++,
  name: 'Support Co',
  function: 'customer support',
  outsourced: true,
  accessLevel: 'customer-data',
  artifactsSanitized: null,
  retentionDays: null,
  staffMfa: null,
  since: null,
  until: null,
  // Known long before any day the tests score: a test about knowledge says when.
  knownFrom: '2000-01-01',
  ownIncidents: [],
  ...o,
});

export const facts = (o: Partial<ScoringFacts> = {}): ScoringFacts => ({
  vendor: { id: 1, name: 'Acme', tier: 1, dataAccess: 'confidential', environmentAccess: 'identity-provider' },
  incidents: [],
  subprocessors: [],
  mfa: [],
  ...o,
});

/** An MFA record known from the day it speaks for, unless the test says otherwise. */
export const mfaRecord = (o: Partial<MfaRecord> = {}): MfaRecord => {
  const r = { ...(mfaItem() as Omit<MfaRecord, 'knownFrom'>), notes: null, ...o };
  return { ...r, knownFrom: o.knownFrom ?? r.assessedOn };
};
