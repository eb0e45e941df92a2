/** Incidents as CSV: one row per incident, lists joined, every text cell neutralized; root cause and entry path as in force. */
import type { Incident } from '../../domain/incident.ts';
import { toCsv } from './csv.ts';

const COLUMNS = [
  'id',
  'vendorId',
  'vendorName',
  'ref',
  'title',
  'severity',
  'confidence',
  'intrusionStartDate',
  'detectedByVendorDate',
  'firstReportedByThirdPartyDate',
  'firstReportedBy',
  'publicDisclosureDate',
  'initialAccessVectors',
  'supportInvolved',
  'supportInvolvementType',
  'supportSubprocessor',
  'mfaRelevance',
  'customersAffected',
  'threatActor',
  'sources',
  'sourceFormat',
  'sourceId',
  'attribution',
  'rootCause',
  'entryPath',
  'classifiedBy',
  'continuationOf',
] as const;

export function incidentsToCsv(incidents: readonly Incident[], vendorName: (id: number) => string): string {
  return toCsv(
    COLUMNS,
    incidents.map((i) => [
      i.id,
      i.vendorId,
      vendorName(i.vendorId),
      i.ref,
      i.title,
      i.severity,
      i.confidence,
      i.intrusionStartDate,
      i.detectedByVendorDate,
      i.firstReportedByThirdPartyDate,
      i.firstReportedBy,
      i.publicDisclosureDate,
      i.initialAccessVectors.join(' '),
      i.supportInvolved,
      i.supportInvolvementType,
      i.supportSubprocessor,
      i.mfaRelevance,
      i.customersAffected,
      i.threatActor,
      i.sources.join(' '),
      i.source?.format ?? null,
      i.source?.id ?? null,
      i.source?.attribution ?? null,
      // In force: the analyst's where set, else derived; classifiedBy says which (root cause first).
      i.rootCause ?? i.derivedRootCause,
      i.entryPath ?? i.derivedEntryPath,
      i.rootCause !== null || i.entryPath !== null ? 'analyst' : 'derived',
      i.continuationOf,
    ]),
  );
}
