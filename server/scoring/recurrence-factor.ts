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
import { campaignOf, campaignsOf, type Campaign } from './campaigns.ts';
import { remainingWeight } from './decay.ts';
import { factorScore, type RawPart } from './factor.ts';
import { cappedAt, num } from './formula.ts';
import { ceilingsOf } from './incident-cap.ts';
import { CLASS_LABELS, matchOf, type RepeatClass } from './incident-classes.ts';
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

/** Each known incident that repeats an earlier one of another campaign, with its pairing. */
export function repeatsAt(incidents: readonly IncidentFacts[], policy: Policy, asOf: number): Repeat[] {
  const known = incidents.filter((i) => incidentKnownAt(i, asOf));
  const campaigns = campaignsOf(known, policy);
  const out: Repeat[] = [];
  for (const i of known) {
    const campaign = campaignOf(campaigns, i)!;
    const candidates = known
      .filter((j) => j !== i && !campaign.members.includes(j) && incidentKnownFrom(j) < incidentKnownFrom(i))
      .map((j) => ({ j, daysApart: incidentKnownFrom(i) - incidentKnownFrom(j), match: matchOf(i, j, policy) }))
      .filter((c): c is typeof c & { match: NonNullable<typeof c.match> } => c.match !== null && c.daysApart <= policy.recurrence.windowDays);
    if (candidates.length === 0) continue;
    if (policy.recurrence.pairWith === 'closest') {
      const best = [...candidates].sort((a, b) => a.daysApart - b.daysApart)[0]!;
      out.push({ incident: i, earlier: best.j, shared: best.match.shared, daysApart: best.daysApart, weight: best.match.weight, critical: best.match.critical, campaign });
      continue;
    }
    const best = [...candidates].sort((a, b) => b.match.weight - a.match.weight || Number(b.match.critical) - Number(a.match.critical) || rank(b.j) - rank(a.j) || a.daysApart - b.daysApart)[0]!;
    out.push({
      incident: i,
      earlier: best.j,
      shared: best.match.shared,
      daysApart: best.daysApart,
      weight: Math.max(...candidates.map((c) => c.match.weight)),
      critical: candidates.some((c) => c.match.critical),
      campaign,
    });
  }
  return out;
}

/** The words of what a repeat shares: "a support agent's stolen credentials or session and the support channel". */
export const sharedText = (r: Pick<Repeat, 'shared'>): string => r.shared.map((c) => CLASS_LABELS[c]).join(' and ');

export function recurrenceFactor(incidents: readonly IncidentFacts[], policy: Policy, asOf: number): FactorScore {
  const r = policy.recurrence;
  const ceiling = ceilingsOf(policy).recurrence;
  const repeats = repeatsAt(incidents, policy, asOf);
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
