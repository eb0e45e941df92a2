/** Late disclosure and incidents that customers found before the vendor did. */
import { memberTitles } from '../campaigns.ts';
import { campaignLag, foundByOthersFirst, lagText } from '../disclosure-factor.ts';
import type { FindingRule } from './context.ts';

export const lateDisclosureRule: FindingRule = {
  id: 'late-disclosure',
  // One per campaign (per incident when campaigns are not counted as one), with the lag of the whole as far as its dates tell.
  evaluate: ({ campaigns, policy, asOf }) =>
    campaigns.flatMap((c) => {
      const lag = campaignLag(c, asOf);
      if (!lag.known || lag.days <= policy.findings.lateDisclosureDays) return [];
      const i = c.root;
      const what = c.members.length === 1 ? `"${i.title}"` : `The campaign of ${memberTitles(c)}`;
      const undisclosed = c.members.some((m) => !m.publicDisclosureDate);
      return [
        {
          id: `late-disclosure:incident:${i.id}`,
          rule: 'late-disclosure',
          severity: lag.days > 60 ? 'high' : 'medium',
          title: `Disclosed ${lagText(lag)} after the vendor knew`,
          rationale: `${what} became public ${lagText(lag)} after the vendor detected it or was told of it${undisclosed ? ' (it is not disclosed yet)' : ''}; customers could not act in the meantime.`,
          suggestedCondition:
            'Notify us within 72 hours of becoming aware of a security incident that may affect our data or tenant, including incidents first reported by a customer or third party.',
          refs: c.members.map((m) => `incident:${m.id}`),
        },
      ];
    }),
};

export const foundByOthersRule: FindingRule = {
  id: 'found-by-others-first',
  evaluate: ({ recent }) =>
    recent.filter(foundByOthersFirst).map((i) => ({
      id: `found-by-others-first:incident:${i.id}`,
      rule: 'found-by-others-first',
      severity: 'medium' as const,
      title: 'Customers found the incident before the vendor did',
      rationale: `"${i.title}" was reported to the vendor${i.firstReportedByThirdPartyDate ? ` on ${i.firstReportedByThirdPartyDate}` : ''} before its own detection${i.detectedByVendorDate ? ` on ${i.detectedByVendorDate}` : ''}.`,
      suggestedCondition:
        'Keep audit logging and alerting on support and administrative systems that detect access to customer data and artefacts; share detection coverage evidence on request.',
      refs: [`incident:${i.id}`],
    })),
};
