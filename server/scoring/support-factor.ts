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
import { METHOD_LABELS, methodRiskFormula } from './mfa-factor.ts';
import { capped, divide, num, plus, stated, term, times, type Formula } from './formula.ts';
import type { Policy } from './policy.ts';
import type { FactorScore, SubprocessorFacts } from './types.ts';

/** Levels whose holders handle troubleshooting artefacts or act inside tenants. */
export const handlesArtefacts = (level: AccessLevel): boolean => level === 'session-artifacts' || level === 'admin';

/** The staff-MFA scale of an arrangement: the floor plus the rest in proportion to the method's residual risk. */
function staffMfaScale(s: Pick<SubprocessorFacts, 'staffMfa'>, policy: Policy): Formula {
  const p = policy.support;
  const unknown = policy.mfa.unknownCountsAs;
  const risk = s.staffMfa ? methodRiskFormula(policy, s.staffMfa, true) : methodRiskFormula(policy, unknown.method, unknown.enforced);
  return plus(term('', p.staffMfaFloor), times(term('', 1 - p.staffMfaFloor), risk));
}

/**
 * One arrangement's points, with the formula they come from:
 * `access × outsourced × staff MFA (floor + (1 − floor) × risk) + artefacts + retention`, at most 100.
 */
export function subprocessorPoints(
  s: Pick<SubprocessorFacts, 'accessLevel' | 'outsourced' | 'staffMfa' | 'artifactsSanitized' | 'retentionDays'>,
  policy: Policy,
) {
  const p = policy.support;
  const scale = staffMfaScale(s, policy);
  const base = times(term('access', p.accessPoints[s.accessLevel]), ...(s.outsourced ? [term('outsourced', p.outsourcedMultiplier)] : []), {
    ...scale,
    text: `staff MFA (${scale.text})`,
    sum: false,
  });
  const added: Formula[] = [];
  const notes: string[] = [];
  if (handlesArtefacts(s.accessLevel)) {
    // Unknown handling counts as unsafe handling: no data is not no risk.
    if (s.artifactsSanitized !== true) {
      added.push(term('artefacts', p.unsanitizedArtifactsPoints));
      notes.push(`artefacts ${s.artifactsSanitized === false ? 'not sanitized' : 'sanitizing unknown'} (+${p.unsanitizedArtifactsPoints})`);
    }
    if (s.retentionDays === null || s.retentionDays > p.maxSafeRetentionDays) {
      added.push(term('retention', p.longRetentionPoints));
      notes.push(`${s.retentionDays === null ? 'retention unknown' : `kept ${s.retentionDays} days`} (+${p.longRetentionPoints})`);
    }
  }
  const total = capped(100, plus(base, ...added));
  return { points: total.value, mfaScale: scale.value, notes, formula: stated(total) };
}

/**
 * With no arrangement on record the chain is unknown: it takes the methodology's prior
 * (`support.unknownPrior`), which the policy keeps at or below the least an arrangement with
 * tenant access can score, so that recording one never makes a vendor look better.
 */
export const unknownSupportPoints = (policy: Policy): number => policy.support.unknownPrior;

export function supportFactor(subprocessors: readonly SubprocessorFacts[], policy: Policy, asOf: number): FactorScore {
  const active = subprocessors.filter((s) => subprocessorActiveAt(s, asOf));
  const w = policy.weights.support;
  if (active.length === 0) {
    const points = unknownSupportPoints(policy);
    const part: RawPart = {
      label: 'Support chain unknown',
      share: points,
      ref: null,
      detail: 'No support arrangement on record: the support chain takes the methodology’s prior for an unknown chain',
      formula: stated(term('unknown-chain prior', points)),
      unknownShare: 1,
    };
    return factorScore('support', w, false, points, [part]);
  }
  const parts: RawPart[] = active.flatMap((s) => {
    const { points, notes, formula } = subprocessorPoints(s, policy);
    const mfa = s.staffMfa ? METHOD_LABELS[s.staffMfa] : 'unknown';
    const own: RawPart = {
      label: `${s.name} (${s.function})`,
      share: points,
      ref: `subprocessor:${s.id}`,
      detail:
        `${s.outsourced ? `outsourced (×${policy.support.outsourcedMultiplier})` : 'in-house'}, ` +
        `access: ${s.accessLevel} (${policy.support.accessPoints[s.accessLevel]} points), staff MFA: ${mfa}` +
        (notes.length ? `, ${notes.join(', ')}` : ''),
      formula,
    };
    const inherited = inheritedPoints(s, policy, asOf);
    return inherited ? [own, inherited] : [own];
  });
  // Arrangements combine like independent risks; with more than one part the factor says how.
  const total = unionOf(parts.map((p) => p.share));
  const union = parts.length > 1 ? `100 × (1 − ${parts.map((p) => `(1 − ${num(p.share)} / 100)`).join(' × ')}) = ${num(total)}` : undefined;
  return factorScore('support', w, true, total, parts, union);
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
  const highest = Math.max(...Object.values(accessPoints));
  const reach = accessPoints[s.accessLevel] / highest;
  const passed = capped(inheritedCap, times(term('incident score', own.score), term('share', inheritedShare)));
  const share = times(passed, divide(term(`access`, accessPoints[s.accessLevel]), term('highest access', highest)));
  if (share.value === 0) return null;
  return {
    label: `Inherited: ${s.name}'s own incidents`,
    share: share.value,
    ref: `subprocessor:${s.id}:incidents`,
    detail: `its incident score ${own.score} × ${inheritedShare} (at most ${inheritedCap}) × reach ${Math.round(reach * 100)}% for ${s.accessLevel} access`,
    formula: stated(share),
  };
}
