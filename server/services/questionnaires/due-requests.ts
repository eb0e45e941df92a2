/**
 * Overdue questionnaire requests for the review due list and its calendar feed: sent, past their due
 * day, neither submitted nor revoked (an expired link is still overdue: the answers never came).
 * Filtered like the vendors of the due list (tier, business owner).
 */
import type { Store } from '../../db/store.ts';
import { dayNumber } from '../../domain/partial-date.ts';
import type { DueQuestionnaire } from '../../domain/questionnaire-api.ts';
import type { Templates } from './templates.ts';
import type { RequestsService } from './requests-service.ts';
import { requestView } from './requests-service.ts';

/** The overdue questionnaire requests, for the due list and its calendar feed. */
export const dueQuestionnairesService = (store: Store, requests: RequestsService, templates: Templates) => ({
  list: (q: { asOf: string; owner?: string | undefined; tier?: number | undefined }) => dueQuestionnaires(store, requests, templates, q),
});
export type DueQuestionnairesService = ReturnType<typeof dueQuestionnairesService>;

function dueQuestionnaires(
  store: Store,
  requests: RequestsService,
  templates: Templates,
  q: { asOf: string; owner?: string | undefined; tier?: number | undefined },
): DueQuestionnaire[] {
  const owner = q.owner?.trim().toLowerCase();
  const vendors = new Map(store.vendors.all().map((v) => [v.id, v]));
  return requests
    .overdue(q.asOf)
    .flatMap((r): DueQuestionnaire[] => {
      const v = vendors.get(r.vendorId);
      if (!v || (q.tier !== undefined && v.tier !== q.tier) || (owner && v.businessOwner?.toLowerCase() !== owner)) return [];
      return [
        {
          kind: 'questionnaire',
          requestId: r.id,
          vendorId: v.id,
          vendorName: v.name,
          templateTitle: templates.get(r.templateId)?.title ?? r.templateId,
          tier: v.tier,
          businessOwner: v.businessOwner,
          contactName: r.contactName,
          dueOn: r.dueOn,
          daysOverdue: dayNumber(q.asOf) - dayNumber(r.dueOn),
          state: requestView(r, q.asOf).state,
        },
      ];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.tier - b.tier || a.vendorName.localeCompare(b.vendorName));
}
