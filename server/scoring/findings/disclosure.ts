/** Late disclosure and incidents that customers found before the vendor did. */
import { disclosureLag, foundByOthersFirst, lagText } from '../disclosure-factor.ts';
import type { FindingRule } from './context.ts';

export const lateDisclosureRule: FindingRule = {
  id: 'late-disclosure',
  evaluate: ({ recent, policy, asOf }) =>
    recent.flatMap((i) => {
      const lag = disclosureLag(i, asOf);
      if (!lag.known || lag.days <= policy.findings.lateDisclosureDays) return [];
      return [
        {
          id: `late-disclosure:incident:${i.id}`,
          rule: 'late-disclosure',
          severity: lag.days > 60 ? 'high' : 'medium',
          title: `Disclosed ${lagText(lag)} after the vendor knew`,
          rationale: `"${i.title}" became public ${lagText(lag)} after the vendor detected it or was told of it${i.publicDisclosureDate ? '' : ' (it is not disclosed yet)'}; customers could not act in the meantime.`,
          suggestedCondition:
            'Notify us within 72 hours of becoming aware of a security incident that may affect our data or tenant, including incidents first reported by a customer or third party.',
          refs: [`incident:${i.id}`],
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
