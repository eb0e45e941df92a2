/**
 * Frozen against restated, PURE: what differs between a closed quarter's frozen snapshot and the
 * same quarter scored from today's database (same as-of day, same methodology): vendors added or
 * removed (an engagement date corrected, a vendor deleted) or whose risk, band or findings changed,
 * and the incidents the report's vendors had known by the as-of day that appear, disappear or
 * changed (a backfilled incident, a corrected date). Incidents of vendors added or removed are not
 * listed one by one: the vendor's line says it.
 */
import type { Band } from '../../domain/methodology.ts';
import type { IncidentFacts } from '../../scoring/types.ts';
import type { BasisVendor } from './report-body.ts';
import type { ReportSide } from './report-compare.ts';

type FindingRef = BasisVendor['findings'][number];

export interface VendorRestatement {
  vendorId: number;
  name: string;
  change: 'added' | 'removed' | 'changed';
  frozen: { tier: number; risk: number; band: Band; findings: number } | null;
  restated: { tier: number; risk: number; band: Band; findings: number } | null;
  findingsAdded: FindingRef[];
  findingsRemoved: FindingRef[];
}

/** The incident fields a restatement compares (what the score reads of an incident). */
const INCIDENT_FIELDS = [
  'title',
  'severity',
  'confidence',
  'customersAffected',
  'intrusionStartDate',
  'detectedByVendorDate',
  'firstReportedByThirdPartyDate',
  'publicDisclosureDate',
  'initialAccessVectors',
  'supportInvolved',
  'supportInvolvementType',
] as const satisfies ReadonlyArray<keyof IncidentFacts>;

type IncidentDates = Pick<IncidentFacts, 'severity' | 'intrusionStartDate' | 'detectedByVendorDate' | 'firstReportedByThirdPartyDate' | 'publicDisclosureDate'>;

export interface IncidentRestatement {
  incidentId: number;
  vendorId: number;
  vendorName: string;
  title: string;
  change: 'appeared' | 'disappeared' | 'changed';
  /** For a changed incident: the fields that differ. */
  fields: string[];
  frozen: IncidentDates | null;
  restated: IncidentDates | null;
}

const datesOf = (i: IncidentFacts): IncidentDates => ({
  severity: i.severity,
  intrusionStartDate: i.intrusionStartDate,
  detectedByVendorDate: i.detectedByVendorDate,
  firstReportedByThirdPartyDate: i.firstReportedByThirdPartyDate,
  publicDisclosureDate: i.publicDisclosureDate,
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Restated view available: 3 vendors and 2 incidents differ", or null when nothing does. */
export function restatementText(vendors: number, incidents: number): string | null {
  const parts = [vendors ? plural(vendors, 'vendor') : '', incidents ? plural(incidents, 'incident') : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return `Restated view available: ${parts.join(' and ')} ${vendors + incidents === 1 ? 'differs' : 'differ'}`;
}

export function restate(frozen: ReportSide, restated: ReportSide) {
  const rowOf = (s: ReportSide) => new Map(s.body.vendors.map((v) => [v.vendorId, v]));
  const basisOf = (s: ReportSide) => new Map(s.basis.vendors.map((v) => [v.vendorId, v]));
  const [fRows, rRows, fBasis, rBasis] = [rowOf(frozen), rowOf(restated), basisOf(frozen), basisOf(restated)];
  const figures = (row: ReportBody['vendors'][number] | undefined) => row && { tier: row.tier, risk: row.risk, band: row.band, findings: row.findings };

  const vendors: VendorRestatement[] = [];
  const incidents: IncidentRestatement[] = [];
  const ids = [...new Set([...fRows.keys(), ...rRows.keys()])];
  for (const id of ids) {
    const [f, r] = [fRows.get(id), rRows.get(id)];
    const fFindings = fBasis.get(id)?.findings ?? [];
    const rFindings = rBasis.get(id)?.findings ?? [];
    const fIds = new Set(fFindings.map((x) => x.id));
    const rIds = new Set(rFindings.map((x) => x.id));
    const findingsAdded = rFindings.filter((x) => !fIds.has(x.id));
    const findingsRemoved = fFindings.filter((x) => !rIds.has(x.id));
    const change = !f
      ? 'added'
      : !r
        ? 'removed'
        : f.risk !== r.risk || f.band !== r.band || f.tier !== r.tier || findingsAdded.length + findingsRemoved.length > 0
          ? 'changed'
          : null;
    if (change)
      vendors.push({ vendorId: id, name: (r ?? f)!.name, change, frozen: figures(f) ?? null, restated: figures(r) ?? null, findingsAdded, findingsRemoved });
    if (!f || !r) continue;
    const was = new Map((fBasis.get(id)?.facts.incidents ?? []).map((i) => [i.id, i]));
    const now = new Map((rBasis.get(id)?.facts.incidents ?? []).map((i) => [i.id, i]));
    for (const incidentId of [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => a - b)) {
      const [a, b] = [was.get(incidentId), now.get(incidentId)];
      const fields = a && b ? INCIDENT_FIELDS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])) : [];
      const what = !a ? 'appeared' : !b ? 'disappeared' : fields.length ? 'changed' : null;
      if (what)
        incidents.push({
          incidentId,
          vendorId: id,
          vendorName: r.name,
          title: (b ?? a)!.title,
          change: what,
          fields,
          frozen: a ? datesOf(a) : null,
          restated: b ? datesOf(b) : null,
        });
    }
  }
  vendors.sort((a, b) => a.name.localeCompare(b.name) || a.vendorId - b.vendorId);
  incidents.sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.incidentId - b.incidentId);
  return {
    differs: vendors.length + incidents.length > 0,
    vendors: vendors.length,
    incidents: incidents.length,
    text: restatementText(vendors.length, incidents.length),
    vendorChanges: vendors,
    incidentChanges: incidents,
  };
}

type ReportBody = ReportSide['body'];
export type Restatement = ReturnType<typeof restate>;
