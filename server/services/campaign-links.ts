/**
 * The rules a campaign link (`continuationOf`) must keep, checked before anything is written: the
 * continued incident exists, belongs to the same vendor, is another incident, became known no
 * later than its continuation (the engine's own rule, scoring/campaigns.ts), and the links make no
 * cycle. Changing an incident's dates must keep the links of the incidents that continue it.
 */
import type { FieldProblem } from '../domain/field-problems.ts';
import type { Incident, IncidentInput } from '../domain/incident.ts';
import { continuesValidly } from '../scoring/campaigns.ts';
import { incidentKnownDate } from '../scoring/known-at.ts';
import type { IncidentFacts } from '../scoring/types.ts';

type Dated = Pick<IncidentInput, 'publicDisclosureDate' | 'detectedByVendorDate' | 'firstReportedByThirdPartyDate' | 'intrusionStartDate'>;

/** The engine's facts of a record, enough for the known-date rule. */
const facts = (id: number, i: Dated & Pick<IncidentInput, 'severity' | 'confidence'>): IncidentFacts => ({
  id,
  title: '',
  severity: i.severity,
  confidence: i.confidence,
  customersAffected: null,
  intrusionStartDate: i.intrusionStartDate,
  detectedByVendorDate: i.detectedByVendorDate,
  firstReportedByThirdPartyDate: i.firstReportedByThirdPartyDate,
  publicDisclosureDate: i.publicDisclosureDate,
  initialAccessVectors: [],
  supportInvolved: null,
  supportInvolvementType: 'none',
});

/** The date field that says when an incident became known: the first of disclosure, detection, outside report, intrusion it has. */
function knownField(i: Dated): keyof Dated {
  if (i.publicDisclosureDate) return 'publicDisclosureDate';
  if (i.detectedByVendorDate) return 'detectedByVendorDate';
  if (i.firstReportedByThirdPartyDate) return 'firstReportedByThirdPartyDate';
  return 'intrusionStartDate';
}

const known = (i: Dated): string => incidentKnownDate(i) ?? 'no date';

/**
 * Problems with a record's campaign links: its own `continuationOf` (`input`, of incident `selfId`
 * of `vendorId`, null when new) and those of the incidents that continue it (`continuations`).
 */
export function campaignLinkProblems(
  vendorId: number,
  selfId: number | null,
  input: IncidentInput,
  find: (id: number) => Incident | undefined,
  continuations: readonly Incident[],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const self = facts(selfId ?? 0, input);
  const target = input.continuationOf;
  if (target !== null) {
    const earlier = find(target);
    const problem = !earlier
      ? `no incident ${target}`
      : earlier.vendorId !== vendorId
        ? `incident ${target} belongs to another vendor: a campaign is one vendor's`
        : target === selfId
          ? 'an incident cannot continue itself'
          : !continuesValidly(facts(earlier.id, earlier), self)
            ? `incident ${target} ("${earlier.title}") became known (${known(earlier)}) after this one (${known(input)}): a continuation comes after the incident it continues`
            : cycles(selfId, earlier, find)
              ? `incident ${target} ("${earlier.title}") already continues this one, through its own links`
              : null;
    if (problem) out.push({ path: 'body.continuationOf', message: problem });
  }
  for (const c of continuations) {
    if (!continuesValidly(self, facts(c.id, c))) {
      out.push({
        path: `body.${knownField(input)}`,
        message: `incident ${c.id} ("${c.title}") continues this one and became known on ${known(c)}: this one must be known by then`,
      });
    }
  }
  return out;
}

/** True when following `from`'s links leads back to `selfId`. */
function cycles(selfId: number | null, from: Incident, find: (id: number) => Incident | undefined): boolean {
  if (selfId === null) return false;
  const seen = new Set<number>();
  for (let at: Incident | undefined = from; at && !seen.has(at.id); at = at.continuationOf === null ? undefined : find(at.continuationOf)) {
    if (at.continuationOf === selfId) return true;
    seen.add(at.id);
  }
  return false;
}
