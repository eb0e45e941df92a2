/** Findings about the incident record itself: repeats, and recent critical incidents. */
import type { Campaign } from '../campaigns.ts';
import { sharedText, type Repeat } from '../recurrence-factor.ts';
import { incidentKnownFrom } from '../known-at.ts';
import type { FindingRule } from './context.ts';

export const repeatRootCauseRule: FindingRule = {
  id: 'repeat-root-cause',
  evaluate: ({ repeats, policy }) => {
    // One finding per campaign that repeats (per incident when campaigns are not counted as one), named by its first incident.
    const byCampaign = new Map<Campaign, Repeat[]>();
    for (const r of repeats) byCampaign.set(r.campaign, [...(byCampaign.get(r.campaign) ?? []), r]);
    return [...byCampaign.entries()].map(([campaign, list]) => {
      // Critical when any member's repeat is; told by the first repeat that makes it so.
      const critical = list.some((r) => r.critical);
      const shown = list.find((r) => r.critical === critical)!;
      const { incident, earlier, daysApart } = shown;
      const how = sharedText(shown);
      const years = Math.round((policy.recurrence.windowDays / 365) * 10) / 10;
      return {
        id: `repeat-root-cause:incident:${campaign.root.id}`,
        rule: 'repeat-root-cause',
        severity: critical ? ('critical' as const) : ('high' as const),
        title: `The same root cause twice in ${years} years`,
        rationale: `"${incident.title}" happened through ${how}, like "${earlier.title}" ${daysApart} days before it: the first fix did not hold.`,
        suggestedCondition: `Provide the root-cause analysis of both incidents and independent evidence that the weakness (${how}) is remediated; this vendor is re-reviewed at every renewal.`,
        refs: [...new Set([`incident:${campaign.root.id}`, `incident:${incident.id}`, `incident:${earlier.id}`])],
      };
    });
  },
};

export const recentCriticalRule: FindingRule = {
  id: 'recent-critical-incident',
  evaluate: ({ recent, policy, asOf }) =>
    recent
      .filter((i) => i.severity === 'critical' && asOf - incidentKnownFrom(i) <= policy.findings.recentCriticalDays)
      .map((i) => ({
        id: `recent-critical-incident:incident:${i.id}`,
        rule: 'recent-critical-incident',
        severity: 'high' as const,
        title: 'A critical incident in the last year',
        rationale: `"${i.title}" (critical) became known on ${i.publicDisclosureDate ?? 'an undisclosed date'}.`,
        suggestedCondition: `Provide the final incident report for "${i.title}" and evidence of its remediation before signing or renewal.`,
        refs: [`incident:${i.id}`],
      })),
};
