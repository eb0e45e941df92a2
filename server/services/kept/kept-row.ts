/**
 * One vendor's kept row, and the events its update records. Pure apart from what it is handed:
 * the facts, the reviews, the policy, the day, the row kept before, and why it was stale.
 *
 * When a score change is recorded (the "feed rule", docs/API.md): the kept row is always exact, but
 * a `score-changed` event is recorded only when the band differs from the last recorded band or the
 * risk moved by at least RECORD_MIN_POINTS since the last recorded risk; the moves in between are
 * summed (with their causes) into the next event, so that the causes of an event add up to its
 * newRisk − oldRisk. Without this, daily decay would put a 0.1-point change of every vendor in the
 * feed every day. The first computation of a vendor (nothing kept before) records nothing.
 */
import type { KeptRow, KeptWrite, StaleReason } from '../../db/kept-scores-repo.ts';
import type { NewChange } from '../../domain/change.ts';
import type { Review, ReviewStatus } from '../../domain/review.ts';
import { CAUSES, explainChange, roundCauses, type Causes } from '../../scoring/attribution.ts';
import type { Policy } from '../../scoring/policy.ts';
import { scoreVendor } from '../../scoring/score-vendor.ts';
import type { Finding, VendorScore } from '../../scoring/types.ts';
import type { LoadedFacts } from '../facts-loader.ts';
import { reviewStatusFor } from '../reviews/review-status-of.ts';
import { heatmapRowOf } from '../scoring-service.ts';

/** Risk points a score must move (since the last recorded value) for a change to be recorded when its band stays. */
export const RECORD_MIN_POINTS = 1;

export const NO_CAUSES: Causes = { methodology: 0, decay: 0, incidents: 0, posture: 0 };

export interface Computed {
  readonly score: VendorScore;
  readonly write: Omit<KeptWrite, 'recordedRisk' | 'recordedBand' | 'pendingCauses' | 'computedAt'>;
}

/** The score, heatmap row and review status of a vendor as of `asOf`. */
export function computeKept(f: LoadedFacts, reviews: readonly Review[], policy: Policy, asOf: string): Computed {
  const score = scoreVendor(f, policy, asOf);
  const status: ReviewStatus = reviewStatusFor(f, reviews, policy, asOf, score.band);
  return {
    score,
    write: {
      vendorId: f.vendor.id,
      methodologyVersion: policy.version,
      asOf,
      status: f.vendor.status,
      risk: score.risk,
      band: score.band,
      likelihood: score.likelihood,
      impact: score.impact,
      inherentRisk: score.inherentRisk,
      assessed: score.assessed,
      score: JSON.stringify(score),
      heatmapRow: JSON.stringify(heatmapRowOf(f.vendor, score)),
      reviewStatus: JSON.stringify(status),
    },
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const addCauses = (a: Causes, b: Causes): Causes => Object.fromEntries(CAUSES.map((c) => [c, round1(a[c] + b[c])])) as Causes;

/**
 * Why the risk moved from the kept row to the new score. A single cause is known without any
 * scoring (only the methodology, only the day, only incidents, only posture); several at once are
 * split by `explainChange`, whose first step (method changed, facts held) also catches edits of facts
 * already known: when the methodology did not change, that share goes to the facts' cause.
 */
export function causesOf(
  f: LoadedFacts,
  old: KeptRow,
  score: VendorScore,
  reasons: ReadonlySet<StaleReason>,
  policy: Policy,
  oldPolicy: Policy | undefined,
): Causes {
  const delta = round1(score.risk - old.risk);
  if (delta === 0) return NO_CAUSES;
  const set = new Set<keyof Causes>();
  if (reasons.has('methodology') || old.methodologyVersion !== policy.version) set.add('methodology');
  if (reasons.has('day') || old.asOf !== score.asOf) set.add('decay');
  if (reasons.has('incidents')) set.add('incidents');
  if (reasons.has('posture')) set.add('posture');
  if (set.size === 0) set.add('posture'); // a review alone never moves the score; an unexplained move is a fact's
  if (set.size === 1) return { ...NO_CAUSES, [[...set][0]!]: delta };
  if (!oldPolicy) return { ...NO_CAUSES, methodology: delta };
  const split = explainChange(f, { day: old.asOf, policy: oldPolicy, risk: old.risk }, { day: score.asOf, policy, risk: score.risk });
  if (!set.has('methodology')) {
    const to = set.has('incidents') && !set.has('posture') ? 'incidents' : 'posture';
    return roundCauses(
      [0, split.decay, split.incidents + (to === 'incidents' ? split.methodology : 0), split.posture + (to === 'posture' ? split.methodology : 0)],
      delta,
    );
  }
  return split;
}

/** A band in words: `not-assessed` reads as "not assessed". */
const bandWords = (band: string): string => band.replace('-', ' ');

const findingsOf = (scoreJson: string): readonly Finding[] => (JSON.parse(scoreJson) as VendorScore).findings;

/** The kept row to write and the events to record, given what was kept before (undefined: the first computation). */
export function nextKept(name: string, c: Computed, old: KeptRow | undefined, causes: Causes): { row: Omit<KeptWrite, 'computedAt'>; events: NewChange[] } {
  const s = c.score;
  if (!old) return { row: { ...c.write, recordedRisk: s.risk, recordedBand: s.band, pendingCauses: JSON.stringify(NO_CAUSES) }, events: [] };
  const events: NewChange[] = [];
  const pending = addCauses(JSON.parse(old.pendingCauses) as Causes, causes);
  const moved = round1(s.risk - old.recordedRisk);
  const record = s.band !== old.recordedBand || Math.abs(moved) >= RECORD_MIN_POINTS;
  // A vendor we have no relationship with (a VERIS victim, a prospect turned down) is kept, but is no
  // news: its moves are taken as recorded, so that the feed starts from its score of the day it is engaged.
  const news = c.write.status !== 'not-engaged';
  if (record && news) {
    const band = s.band === old.recordedBand ? ` (${bandWords(s.band)})` : ` (${bandWords(old.recordedBand)} → ${bandWords(s.band)})`;
    events.push({
      vendorId: s.vendorId,
      vendorName: name,
      day: s.asOf,
      kind: 'score-changed',
      title: `${name}: risk ${moved >= 0 ? 'rose' : 'fell'} from ${old.recordedRisk.toFixed(1)} to ${s.risk.toFixed(1)}${band}`,
      oldRisk: old.recordedRisk,
      newRisk: s.risk,
      oldBand: old.recordedBand as NewChange['oldBand'],
      newBand: s.band,
      causes: roundCauses(
        CAUSES.map((k) => pending[k]),
        moved,
      ),
    });
  }
  if (news && old.score !== c.write.score) {
    const before = findingsOf(old.score);
    const was = new Set(before.map((x) => x.id));
    const now = new Set(s.findings.map((x) => x.id));
    for (const x of s.findings.filter((x) => !was.has(x.id))) {
      events.push({
        vendorId: s.vendorId,
        vendorName: name,
        day: s.asOf,
        kind: 'finding-new',
        title: `${name}: ${x.title}`,
        ref: `finding:${x.id}`,
        detail: { severity: x.severity, rule: x.rule },
      });
    }
    for (const x of before.filter((x) => !now.has(x.id))) {
      events.push({
        vendorId: s.vendorId,
        vendorName: name,
        day: s.asOf,
        kind: 'finding-resolved',
        title: `${name}: resolved: ${x.title}`,
        ref: `finding:${x.id}`,
        detail: { severity: x.severity, rule: x.rule },
      });
    }
  }
  return {
    row: {
      ...c.write,
      recordedRisk: record ? s.risk : old.recordedRisk,
      recordedBand: record ? s.band : old.recordedBand,
      pendingCauses: JSON.stringify(record ? NO_CAUSES : pending),
    },
    events,
  };
}
