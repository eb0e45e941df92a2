/**
 * The full export: everything but accounts, secrets and the audit trail, as one versioned document
 * (domain/export.ts), and the check that reads one back. An import worker parses with parseExport,
 * so this file stays free of the restore's code.
 */
import type { ExportDocument } from '../../domain/export.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, exportDocument } from '../../domain/export.ts';
import { fieldProblems } from '../../domain/field-problems.ts';
import { cadence as cadenceShape } from '../../domain/review.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { invalid } from '../errors.ts';
import { DEMO_COMPANY_KEY } from '../about-service.ts';
import { DEMO_SEEDED_KEY } from '../seed-service.ts';
import { REVIEW_CADENCE_KEY } from '../reviews/cadence.ts';
import { exportEvidence } from './evidence-transfer.ts';
import { exportDeletedVendors } from './deleted-vendors.ts';

export function exportAll(store: Store, clock: Clock, appVersion: string): ExportDocument {
  const strip = <T extends { domain?: unknown; incidentCount?: unknown; version: number }>({ domain: _d, incidentCount: _c, version: _v, ...rest }: T) => rest;
  const company = store.meta.get(DEMO_COMPANY_KEY);
  const seededAt = store.meta.get(DEMO_SEEDED_KEY);
  const mfa = store.mfa.allByVendor();
  const cadence = store.meta.get(REVIEW_CADENCE_KEY);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: clock.now(),
    appVersion,
    vendors: store.vendors
      .all()
      .sort((a, b) => a.id - b.id)
      .map(strip),
    incidents: store.incidents
      .all()
      .sort((a, b) => a.id - b.id)
      .map(({ intrusionStartPrecision: _p, derivedRootCause: _r, derivedEntryPath: _e, version: _v, ...i }) => i),
    subprocessors: store.subprocessors
      .all()
      .sort((a, b) => a.id - b.id)
      .map(({ version: _v, ...s }) => s),
    mfa: [...mfa.entries()].sort(([a], [b]) => a - b).flatMap(([vendorId, items]) => items.map((i) => ({ ...i, vendorId }))),
    postureFacts: store.postureFacts.all(),
    methodologyVersions: store.methodology.list().map((m) => ({
      version: m.version,
      parameters: m.parameters as ExportDocument['methodologyVersions'][number]['parameters'],
      note: m.note,
      createdAt: m.createdAt,
    })),
    snapshots: store.snapshots.all().map((s) => ({
      vendorId: s.vendorId,
      quarter: s.quarter,
      frozenAt: s.frozenAt,
      score: s.score,
    })),
    commitments: store.commitments.all(),
    reviews: store.reviews.all().map((r) => ({ ...r, conditions: r.conditions.map(({ vendorId: _v, reviewId: _r, version: _n, ...c }) => c) })),
    reviewCadence: cadence ? cadenceShape.parse(JSON.parse(cadence)) : null,
    reportSnapshots: store.reports
      .all()
      .map((r) => ({ ...r, body: JSON.parse(r.body) as unknown, basis: r.basis === null ? null : (JSON.parse(r.basis) as unknown) })),
    demo: company && seededAt ? { company, seededAt } : null,
    ...exportEvidence(store),
    deletedVendors: exportDeletedVendors(store),
  };
}

/** Parses and checks a document; every problem as a field path. */
export function parseExport(text: string): ExportDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw invalid('The document is not valid JSON (is it truncated?).', [{ path: 'body', message: (e as Error).message }]);
  }
  const r = exportDocument.safeParse(raw);
  if (!r.success) throw invalid('The document is not a Vendorscope export of this version.', fieldProblems(r.error, 'body').slice(0, 200));
  return r.data;
}
