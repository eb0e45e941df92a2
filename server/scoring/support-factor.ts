/**
 * Factor `support`: who in the vendor's support chain can reach customer tenants, and how well
 * that path is guarded. Each arrangement is scored on its own; arrangements combine like
 * independent risks, so adding one never lowers the factor.
 */
import type { AccessLevel } from '../domain/vocabulary.ts';
import { unionOf } from './arithmetic.ts';
import { factorScore, type RawPart } from './factor.ts';
import { incidentsFactor } from './incidents-factor.ts';
import { subprocessorActiveAt } from './known-at.ts';
import { METHOD_LABELS, methodRisk } from './mfa-factor.ts';
import type { Policy } from './policy.ts';
import type { FactorScore, SubprocessorFacts } from './types.ts';

/** Levels whose holders handle troubleshooting artefacts or act inside tenants. */
export const handlesArtefacts = (level: AccessLevel): boolean => level === 'session-artifacts' || level === 'admin';

export function subprocessorPoints(s: Pick<SubprocessorFacts, 'accessLevel' | 'outsourced' | 'staffMfa' | 'artifactsSanitized' | 'retentionDays'>, policy: Policy) {
  const p = policy.support;
  const unknown = policy.mfa.unknownCountsAs;
  const mfaRisk = s.staffMfa ? methodRisk(policy, s.staffMfa, true) : methodRisk(policy, unknown.method, unknown.enforced);
  const mfaScale = p.staffMfaFloor + (1 - p.staffMfaFloor) * mfaRisk;
  let points = p.accessPoints[s.accessLevel] * (s.outsourced ? p.outsourcedMultiplier : 1) * mfaScale;
  const notes: string[] = [];
  if (handlesArtefacts(s.accessLevel)) {
    // Unknown handling counts as unsafe handling: no data is not no risk.
    if (s.artifactsSanitized !== true) {
      points += p.unsanitizedArtifactsPoints;
      notes.push(`artefacts ${s.artifactsSanitized === false ? 'not sanitized' : 'sanitizing unknown'} (+${p.unsanitizedArtifactsPoints})`);
    }
    if (s.retentionDays === null || s.retentionDays > p.maxSafeRetentionDays) {
      points += p.longRetentionPoints;
      notes.push(`${s.retentionDays === null ? 'retention unknown' : `kept ${s.retentionDays} days`} (+${p.longRetentionPoints})`);
    }
  }
  return { points: Math.min(100, points), mfaScale, notes };
}

/**
 * With no arrangement on record the chain is unknown. It counts as the least an arrangement with
 * tenant access can score (in-house, customer data, phishing-proof staff MFA), so recording a
 * real arrangement with tenant access never makes a vendor look better.
 */
export function unknownSupportPoints(policy: Policy): number {
  return subprocessorPoints({ accessLevel: 'customer-data', outsourced: false, staffMfa: 'fido2', artifactsSanitized: true, retentionDays: 0 }, policy).points;
}

export function supportFactor(subprocessors: readonly SubprocessorFacts[], policy: Policy, asOf: number): FactorScore {
  const active = subprocessors.filter((s) => subprocessorActiveAt(s, asOf));
  const w = policy.weights.support;
  if (active.length === 0) {
    const points = unknownSupportPoints(policy);
    const part = { label: 'Support chain unknown', share: points, ref: null, detail: 'No support arrangement on record; counted as in-house support with customer-data access' };
    return factorScore('support', w, false, points, [part]);
  }
  const parts: RawPart[] = active.flatMap((s) => {
    const { points, notes } = subprocessorPoints(s, policy);
    const mfa = s.staffMfa ? METHOD_LABELS[s.staffMfa] : 'unknown';
    const own: RawPart = {
      label: `${s.name} (${s.function})`,
      share: points,
      ref: `subprocessor:${s.id}`,
      detail:
        `${s.outsourced ? `outsourced (×${policy.support.outsourcedMultiplier})` : 'in-house'}, ` +
        `access: ${s.accessLevel} (${policy.support.accessPoints[s.accessLevel]} points), staff MFA: ${mfa}` +
        (notes.length ? `, ${notes.join(', ')}` : ''),
    };
    const inherited = inheritedPoints(s, policy, asOf);
    return inherited ? [own, inherited] : [own];
  });
  return factorScore('support', w, true, unionOf(parts.map((p) => p.share)), parts);
}

/**
 * A subprocessor that is itself a vendor on record passes on part of its own incident score,
 * scaled by how far it reaches into tenants and capped, so that one bad fourth party cannot
 * swamp its parent's score. One level only: inherited risk is not inherited again.
 */
export function inheritedPoints(s: SubprocessorFacts, policy: Policy, asOf: number): RawPart | null {
  const own = incidentsFactor(s.ownIncidents, policy, asOf);
  if (own.score === 0) return null;
  const { accessPoints, inheritedShare, inheritedCap } = policy.support;
  const reach = accessPoints[s.accessLevel] / Math.max(...Object.values(accessPoints));
  const share = Math.min(inheritedCap, own.score * inheritedShare) * reach;
  if (share === 0) return null;
  return {
    label: `Inherited: ${s.name}'s own incidents`,
    share,
    ref: `subprocessor:${s.id}:incidents`,
    detail: `its incident score ${own.score} × ${inheritedShare} (at most ${inheritedCap}) × reach ${Math.round(reach * 100)}% for ${s.accessLevel} access`,
  };
}
