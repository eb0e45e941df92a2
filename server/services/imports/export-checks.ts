/**
 * What an export document must satisfy before a restore writes anything, checked on the document
 * alone: knownFrom days not after today, campaign links that hold within it, and the day its
 * records without a knownFrom count from.
 */
import type { ExportDocument } from '../../domain/export.ts';
import type { FieldProblem } from '../../domain/field-problems.ts';
import { knownFromInFuture } from '../../domain/known-from.ts';
import { isPartialDate } from '../../domain/partial-date.ts';
import { continuesValidly } from '../../scoring/campaigns.ts';

/**
 * The day a record without knownFrom (a document from before it) is known from when it has no
 * createdAt of its own (MFA records, posture statements): the day the document was exported, by
 * when it was certainly recorded; never after today.
 */
export function exportedDay(d: Pick<ExportDocument, 'exportedAt'>, today: string): string {
  const day = d.exportedAt.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isPartialDate(day) && day < today ? day : today;
}

/** The knownFrom values a document gives that lie after today, as field paths; nothing is written when there are any. */
export function futureKnownFrom(d: ExportDocument, today: string): FieldProblem[] {
  const check = (list: ReadonlyArray<{ knownFrom?: string | undefined }>, where: string) =>
    list.flatMap((r, i) => {
      const problem = r.knownFrom === undefined ? null : knownFromInFuture(r.knownFrom, today);
      return problem ? [{ path: `body.${where}.${i}.knownFrom`, message: problem }] : [];
    });
  return [...check(d.subprocessors, 'subprocessors'), ...check(d.mfa, 'mfa'), ...check(d.postureFacts, 'postureFacts')];
}

/**
 * The campaign links of a document's incidents that cannot hold (campaign-links.ts rules, within
 * the document): to an incident it does not have, of another vendor, known later, or in a cycle.
 */
export function documentLinkProblems(d: Pick<ExportDocument, 'incidents'>): FieldProblem[] {
  const byId = new Map(d.incidents.map((i) => [i.id, i]));
  return d.incidents.flatMap((i, k) => {
    if (i.continuationOf == null) return [];
    const target = byId.get(i.continuationOf);
    const path = `body.incidents.${k}.continuationOf`;
    if (!target) return [{ path, message: `the document has no incident ${i.continuationOf}` }];
    if (target.vendorId !== i.vendorId) return [{ path, message: `incident ${target.id} belongs to another vendor: a campaign is one vendor's` }];
    if (!continuesValidly(target, i)) return [{ path, message: `incident ${target.id} became known after incident ${i.id}, which continues it` }];
    const seen = new Set<number>([i.id]);
    for (let at = target; at.continuationOf != null; at = byId.get(at.continuationOf) ?? at) {
      if (seen.has(at.id)) return [{ path, message: `the links from incident ${i.id} make a cycle` }];
      seen.add(at.id);
      if (!byId.has(at.continuationOf)) break;
    }
    return [];
  });
}
