/** The evidence a score needed and did not have, in words a reviewer can go and fix. */
import { MFA_POPULATIONS } from '../domain/vocabulary.ts';
import { disclosureLag } from './disclosure-factor.ts';
import { lapsedAt } from './evidence-expiry.ts';
import { incidentKnownAt, subprocessorActiveAt, validFrom } from './known-at.ts';
import { POPULATION_LABELS, postureAt } from './mfa-factor.ts';
import type { Policy } from './policy.ts';
import { handlesArtefacts } from './support-factor.ts';
import type { Gap, ScoringFacts } from './types.ts';
import { isSelfAttested, sourceText } from '../domain/fact-source.ts';

/** "(questionnaire, request 12)": where a fact resting on the vendor's word came from. */
const onItsWord = (what: string, f: Parameters<typeof sourceText>[0]) => `${what} rests on the vendor's own word (${sourceText(f)})`;

export function gapsOf(facts: ScoringFacts, policy: Policy, asOf: number): Gap[] {
  const gaps: Gap[] = [];
  const posture = postureAt(facts.mfa, asOf);
  for (const p of MFA_POPULATIONS) {
    const r = posture.get(p);
    const who = POPULATION_LABELS[p].toLowerCase();
    if (!r) gaps.push({ factor: 'mfa', ref: `mfa:${p}`, text: `No evidence about ${who} MFA` });
    else if (asOf - validFrom(r.assessedOn) > policy.confidence.freshDays) {
      gaps.push({ factor: 'mfa', ref: `mfa:${p}`, text: `Evidence about ${who} MFA is stale (assessed ${r.assessedOn})` });
    }
    if (r && isSelfAttested(r)) gaps.push({ factor: 'mfa', ref: `mfa:${p}`, text: onItsWord(`${POPULATION_LABELS[p]} MFA`, r.source) });
  }
  const active = facts.subprocessors.filter((s) => subprocessorActiveAt(s, asOf));
  if (active.length === 0) {
    gaps.push({ factor: 'support', ref: null, text: 'No support arrangement on record: who can reach customer tenants is unknown' });
  }
  for (const s of active) {
    const ref = `subprocessor:${s.id}`;
    if (isSelfAttested(s)) gaps.push({ factor: 'support', ref, text: onItsWord(s.name, s.source) });
    if (s.staffMfa === null) gaps.push({ factor: 'support', ref, text: `${s.name}: staff MFA unknown` });
    if (handlesArtefacts(s.accessLevel)) {
      if (s.artifactsSanitized === null) gaps.push({ factor: 'support', ref, text: `${s.name}: whether artefacts are sanitized on upload is unknown` });
      if (s.retentionDays === null) gaps.push({ factor: 'support', ref, text: `${s.name}: how long artefacts are kept is unknown` });
    }
  }
  for (const i of facts.incidents.filter((x) => incidentKnownAt(x, asOf))) {
    if (!disclosureLag(i, asOf).known) {
      gaps.push({ factor: 'disclosure', ref: `incident:${i.id}`, text: `${i.title}: no date tells when the vendor learned of it` });
    }
  }
  // A lapsed SOC 2 report or certificate attests controls (logical access: authentication) no longer:
  // the evidence is gone, though no factor's points change (documented in METHODOLOGY.md).
  for (const e of lapsedAt(facts.documents, asOf)) {
    gaps.push({ factor: 'mfa', ref: `document:${e.id}`, text: `${e.label} expired on ${e.expiresOn}: ask the vendor for a current one` });
  }
  return gaps;
}
