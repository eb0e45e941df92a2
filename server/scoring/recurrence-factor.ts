/**
 * Factor `recurrence`: an incident that happened the way an earlier one did (incident-classes.ts
 * `matchOf`: the same root cause and entry path; in methodology 1.x, any shared class), known at
 * most `windowDays` before it, shows a weakness that was not fixed. Each repeat adds a bounded
 * amount; repeats combine like independent risks.
 *
 * A repeat is paired with the strongest earlier match (`pairWith: strongest`): the most telling
 * match, then the most severe earlier incident, then the closest. Its points rest on the most
 * telling match there is, so adding an incident can only add or strengthen a repeat. (Methodology
 * 1.x paired with the closest match, which a minor incident in between could weaken.) A
 * continuation is no repeat of its own campaign, and a campaign adds one repeat at most: its
 * strongest member's.
 */
import { unionOf } from './arithmetic.ts';
import { campaignIndex, campaignsOf, type Campaign } from './campaigns.ts';
import { remainingWeight } from './decay.ts';
import { factorScore, type RawPart } from './factor.ts';
import { cappedAt, num } from './formula.ts';
import { ceilingsOf } from './incident-cap.ts';
import { CLASS_LABELS, classificationOf, matchOf, type Match, type RepeatClass } from './incident-classes.ts';
import { incidentKnownAt, incidentKnownFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import { SEVERITIES } from '../domain/vocabulary.ts';
import type { FactorScore, IncidentFacts } from './types.ts';

export interface Repeat {
  /** The incident that repeats. */
  readonly incident: IncidentFacts;
  /** The earlier incident it is paired with. */
  readonly earlier: IncidentFacts;
  /** What the two share (the pairing's). */
  readonly shared: readonly RepeatClass[];
  readonly daysApart: number;
  /** How telling the repeat is: the weight its points rest on. */
  readonly weight: number;
  /** Whether it came through the support channel or a third party again. */
  readonly critical: boolean;
  /** The campaign of the repeating incident (a campaign of one when campaigns are not counted as one). */
  readonly campaign: Campaign;
}

const rank = (i: IncidentFacts) => SEVERITIES.indexOf(i.severity);

/** A candidate earlier incident for a repeat, with its place in the list (ties go to the first listed). */
interface Candidate {
  readonly j: IncidentFacts;
  readonly at: number;
  readonly daysApart: number;
  readonly match: Match;
}

/** Whether candidate `a` beats `b` as the pairing (the order a stable sort by the same keys would give). */
function beats(a: Candidate, b: Candidate, pairWith: Policy['recurrence']['pairWith']): boolean {
  const order =
    pairWith === 'closest'
      ? a.daysApart - b.daysApart
      : b.match.weight - a.match.weight || Number(b.match.critical) - Number(a.match.critical) || rank(b.j) - rank(a.j) || a.daysApart - b.daysApart;
  return order < 0 || (order === 0 && a.at < b.at);
}

/** The first index in `sorted` (ascending) whose value is at least `x`. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each known incident that repeats an earlier one of another campaign, with its pairing. Linear-ish:
 * each incident's known-from day and campaign are found once, and an incident is compared only with
 * the incidents known within the window before it (under root-cause matching, only with those of
 * its own root cause and entry path). `campaigns`, when given, are campaignsOf(the known incidents).
 */
export function repeatsAt(incidents: readonly IncidentFacts[], policy: Policy, asOf: number, campaigns?: readonly Campaign[]): Repeat[] {
  const r = policy.recurrence;
  const known = incidents.filter((i) => incidentKnownAt(i, asOf));
  const from = known.map(incidentKnownFrom);
  const campaignOfEach = campaignIndex(campaigns ?? campaignsOf(known, policy));
  const members = new Map<Campaign, ReadonlySet<IncidentFacts>>();
  const membersOf = (c: Campaign) => members.get(c) ?? members.set(c, new Set(c.members)).get(c)!;
  // Who can match whom: under root-cause matching only the same root cause (and entry path, when
  // required), none when it is unknown; under 1.x classes anyone. Each group sorted by known-from day.
  const classified = new Map(known.map((i) => [i, classificationOf(i)]));
  const classify = (i: IncidentFacts) => classified.get(i)!;
  const groupOf = (i: IncidentFacts): string | null => {
    if (r.matchOn === 'classes') return '';
    const { cause, path } = classify(i);
    if (cause === 'unknown') return null;
    if (!r.requireSameEntryPath) return cause;
    return path === 'unknown' ? null : `${cause} ${path}`;
  };
  const keys = known.map(groupOf);
  const groups = new Map<string, { at: number[]; from: number[] }>();
  known
    .map((_, k) => k)
    .sort((a, b) => from[a]! - from[b]! || a - b)
    .forEach((k) => {
      const key = keys[k];
      if (key === null || key === undefined || !Number.isFinite(from[k]!)) return;
      const g = groups.get(key) ?? groups.set(key, { at: [], from: [] }).get(key)!;
      g.at.push(k);
      g.from.push(from[k]!);
    });
  const out: Repeat[] = [];
  known.forEach((i, k) => {
    const key = keys[k];
    const g = key === null || key === undefined ? undefined : groups.get(key);
    if (!g) return;
    const campaign = campaignOfEach.get(i)!;
    const own = membersOf(campaign);
    let best: Candidate | undefined;
    let weight = Number.NEGATIVE_INFINITY;
    let critical = false;
    // Known strictly before it, at most windowDays before it.
    for (let n = lowerBound(g.from, from[k]! - r.windowDays), end = lowerBound(g.from, from[k]!); n < end; n++) {
      const at = g.at[n]!;
      const j = known[at]!;
      if (j === i || own.has(j)) continue;
      const match = matchOf(i, j, policy, classify);
      if (match === null) continue;
      const c: Candidate = { j, at, daysApart: from[k]! - from[at]!, match };
      if (!best || beats(c, best, r.pairWith)) best = c;
      weight = Math.max(weight, match.weight);
      critical ||= match.critical;
    }
    if (!best) return;
    const closest = r.pairWith === 'closest';
    out.push({
      incident: i,
      earlier: best.j,
      shared: best.match.shared,
      daysApart: best.daysApart,
      weight: closest ? best.match.weight : weight,
      critical: closest ? best.match.critical : critical,
      campaign,
    });
  });
  return out;
}

/** The words of what a repeat shares: "a support agent's stolen credentials or session and the support channel". */
export const sharedText = (r: Pick<Repeat, 'shared'>): string => r.shared.map((c) => CLASS_LABELS[c]).join(' and ');

/** `repeats`, when given, are repeatsAt(incidents, policy, asOf) (scoreVendor finds them once for this factor and the findings). */
export function recurrenceFactor(incidents: readonly IncidentFacts[], policy: Policy, asOf: number, repeats = repeatsAt(incidents, policy, asOf)): FactorScore {
  const r = policy.recurrence;
  const ceiling = ceilingsOf(policy).recurrence;
  const points = (x: Repeat) => {
    const age = asOf - incidentKnownFrom(x.incident);
    const decay = remainingWeight(policy.decay, Number.isFinite(age) ? age : 0);
    return { decay, raw: r.repeatPoints * x.weight * r.severityScale[x.incident.severity] * decay };
  };
  // One part per campaign that repeats: its strongest member's repeat.
  const byCampaign = new Map<Campaign, Repeat>();
  for (const x of repeats) {
    const held = byCampaign.get(x.campaign);
    if (!held || points(x).raw > points(held).raw) byCampaign.set(x.campaign, x);
  }
  const parts: RawPart[] = [...byCampaign.values()].map((x) => {
    const { incident, earlier, daysApart, weight } = x;
    const { decay, raw } = points(x);
    // The share that scores it: the most telling match's first class (its own pairing's, unless a stronger match stands behind it).
    const key = x.shared.find((c) => weightOf(c, policy) === weight) ?? x.shared[0]!;
    const { formula, points: share } = cappedAt(
      `repeat ${num(r.repeatPoints)} × ${key} ${num(weight)} × ${incident.severity} ${num(r.severityScale[incident.severity])} × decay ${num(decay)}`,
      raw,
      ceiling,
    );
    return {
      label: `Repeat: ${incident.title}`,
      share,
      ref: `incident:${x.campaign.root.id}`,
      detail:
        `through ${sharedText(x)} again, like "${earlier.title}" ${daysApart} days earlier ` +
        `(${r.repeatPoints} points × ${weight}); ${incident.severity} (×${r.severityScale[incident.severity]}), ${Math.round(decay * 100)}% weight left` +
        (share < raw ? `; cut to the cap of ${num(ceiling)} points one incident may add here` : ''),
      formula,
    };
  });
  return factorScore('recurrence', policy.weights.recurrence, true, unionOf(parts.map((p) => p.share)), parts);
}

function weightOf(c: RepeatClass, policy: Policy): number | undefined {
  const r = policy.recurrence;
  return r.matchOn === 'classes' ? (r.classWeights as Record<string, number>)[c] : (r.rootCauseWeights as Record<string, number>)[c];
}
