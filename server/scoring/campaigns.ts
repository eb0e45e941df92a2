/**
 * Campaigns: incidents linked by `continuationOf` are one attack told in several disclosures
 * (LastPass's November 2022 breach continues August's). When the methodology counts a campaign as
 * one (`campaigns.countAsOne`), the factors score each campaign once; otherwise, as in methodology
 * 1.x, every incident is a campaign of its own.
 *
 * A link counts only between incidents of the same list (one vendor's incidents known at asOf) and
 * only when the continued incident was known no later than its continuation: the API refuses
 * anything else, and the engine does not trust that it was asked. Linked incidents form a tree
 * whose root is the first incident of the campaign; adding an incident that continues another can
 * only add a member to its campaign, never split or merge others.
 */
import { incidentKnownFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import type { IncidentFacts } from './types.ts';

export interface Campaign {
  /** The first incident: the one the others continue. Its id names the campaign (`incident:ID`). */
  readonly root: IncidentFacts;
  /** Every incident of the campaign, root first, then in the order given. */
  readonly members: readonly IncidentFacts[];
}

/** True when `later` may continue `earlier`: another incident, known no later than it. */
export const continuesValidly = (earlier: IncidentFacts, later: IncidentFacts): boolean =>
  earlier !== later && earlier.id !== later.id && incidentKnownFrom(earlier) <= incidentKnownFrom(later);

/** A campaign of one: what every incident is when campaigns are not counted as one. */
export const single = (i: IncidentFacts): Campaign => ({ root: i, members: [i] });

/** The campaigns of a list of incidents, in the order of their first member in the list. */
export function campaignsOf(incidents: readonly IncidentFacts[], policy: Policy): Campaign[] {
  if (!policy.campaigns.countAsOne) return incidents.map(single);
  const index = new Map<number, number>();
  incidents.forEach((i, k) => {
    if (!index.has(i.id)) index.set(i.id, k);
  });
  // Union-find over the valid links; a member with a valid link has a parent in the campaign.
  const up = incidents.map((_, k) => k);
  const find = (k: number): number => (up[k] === k ? k : (up[k] = find(up[k]!)));
  const hasParent = incidents.map(() => false);
  incidents.forEach((i, k) => {
    const target = i.continuationOf == null ? undefined : index.get(i.continuationOf);
    if (target === undefined || !continuesValidly(incidents[target]!, i)) return;
    hasParent[k] = true;
    up[find(k)] = find(target);
  });
  const groups = new Map<number, number[]>();
  incidents.forEach((_, k) => {
    const g = groups.get(find(k));
    if (g) g.push(k);
    else groups.set(find(k), [k]);
  });
  return [...groups.values()]
    .sort((a, b) => a[0]! - b[0]!)
    .map((ks) => {
      // The member no link leads out of; links of one day that point at each other leave none: the first known, then the lowest id.
      const root =
        ks.find((k) => !hasParent[k]) ??
        ks.reduce((best, k) => {
          const [x, y] = [incidents[k]!, incidents[best]!];
          return incidentKnownFrom(x) < incidentKnownFrom(y) || (incidentKnownFrom(x) === incidentKnownFrom(y) && x.id < y.id) ? k : best;
        });
      return { root: incidents[root]!, members: [incidents[root]!, ...ks.filter((k) => k !== root).map((k) => incidents[k]!)] };
    });
}

/** The campaign an incident belongs to. */
export function campaignOf(campaigns: readonly Campaign[], i: IncidentFacts): Campaign | undefined {
  return campaigns.find((c) => c.members.includes(i));
}

/** Each incident's campaign (the first that has it, as campaignOf finds it), for many look-ups. */
export function campaignIndex(campaigns: readonly Campaign[]): Map<IncidentFacts, Campaign> {
  const out = new Map<IncidentFacts, Campaign>();
  for (const c of campaigns) for (const m of c.members) if (!out.has(m)) out.set(m, c);
  return out;
}

/** The day the campaign was last in the news: its latest member's. Its weight fades from then. */
export const latestKnownFrom = (c: Campaign): number => Math.max(...c.members.map(incidentKnownFrom));

/** "LastPass vault backups (campaign of 2: …)": a campaign's name in a contribution. */
export function campaignLabel(c: Campaign): string {
  if (c.members.length === 1) return c.root.title;
  return `${c.root.title} (campaign of ${c.members.length}, counted once)`;
}

/** The members' titles, for the detail of a campaign's contribution. */
export const memberTitles = (c: Campaign): string => c.members.map((m) => `"${m.title}"`).join(', ');
