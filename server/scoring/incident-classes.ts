/**
 * The root-cause classes and paths of an incident, derived from its access vectors and its
 * support involvement. Two incidents that share a class happened "the same way".
 */
import type { IncidentClass } from '../domain/methodology.ts';
import type { AccessVector, SupportInvolvementType } from '../domain/vocabulary.ts';
import type { IncidentFacts } from './types.ts';

const BY_VECTOR: Partial<Record<AccessVector, IncidentClass>> = {
  'token-theft': 'token-theft',
  'stolen-credentials': 'credential-theft',
  'phishing-social-engineering': 'social-engineering',
  'mfa-fatigue': 'social-engineering',
  'sim-swap': 'social-engineering',
  'malicious-update-build-compromise': 'software-supply-chain',
  'vulnerability-exploit': 'vulnerability',
  'insider-bribery': 'insider',
  'subprocessor-compromise': 'subprocessor',
};

/** Support paths that run through another company. */
const THIRD_PARTY_PATHS: ReadonlySet<SupportInvolvementType> = new Set([
  'outsourced-support-provider',
  'outsourced-it-provider',
  'third-party-support-system',
  'external-contractor',
  'telephony-subprocessor',
  'support-platform-vendor',
]);

export const CLASS_LABELS: Readonly<Record<IncidentClass, string>> = {
  'support-channel': 'the support channel',
  subprocessor: 'a subprocessor or contractor',
  'token-theft': 'stolen session or API tokens',
  'credential-theft': 'stolen credentials',
  'social-engineering': 'social engineering of staff',
  'software-supply-chain': 'a compromised build or update',
  vulnerability: 'an exploited vulnerability',
  insider: 'an insider',
};

export function incidentClasses(i: Pick<IncidentFacts, 'initialAccessVectors' | 'supportInvolved' | 'supportInvolvementType'>): Set<IncidentClass> {
  const out = new Set<IncidentClass>();
  if (i.supportInvolved === true || i.supportInvolvementType !== 'none') out.add('support-channel');
  if (THIRD_PARTY_PATHS.has(i.supportInvolvementType)) out.add('subprocessor');
  for (const v of i.initialAccessVectors) {
    const c = BY_VECTOR[v];
    if (c) out.add(c);
  }
  return out;
}
