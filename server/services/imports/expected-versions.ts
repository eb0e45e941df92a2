/**
 * What a dry run of the vendor CSV import saw, so that the import itself applies only that: each
 * row that updated (or left unchanged) an existing vendor, the vendor and its version. The dry run
 * answers it as `expectVersions` ("row:vendorId:version", comma-separated); the import is given it
 * back and refuses a row whose vendor changed since, or which now lands on another vendor (or on
 * one where the preview created a vendor), instead of applying what nobody previewed.
 */
import type { RowPlan } from './vendor-rows.ts';

export interface Expected {
  readonly vendorId: number;
  readonly version: number;
}
/** Row (line of the file) → the vendor and version the preview computed it against. */
export type ExpectedVersions = ReadonlyMap<number, Expected>;

export const EXPECT_VERSIONS_PATTERN = /^(\d{1,9}:\d{1,15}:\d{1,15})(,\d{1,9}:\d{1,15}:\d{1,15})*$/;

/** The token of a dry run's rows: "" when no row matched an existing vendor. */
export const expectVersionsOf = (rows: readonly RowPlan[]): string =>
  rows
    .filter((r) => r.vendorId !== null && r.version !== undefined)
    .map((r) => `${r.row}:${r.vendorId}:${r.version}`)
    .join(',');

/** Parses a token that matched EXPECT_VERSIONS_PATTERN (an empty one expects no existing vendor). */
export function parseExpectVersions(token: string): ExpectedVersions {
  const out = new Map<number, Expected>();
  if (token === '') return out;
  for (const entry of token.split(',')) {
    const [row, vendorId, version] = entry.split(':').map(Number) as [number, number, number];
    out.set(row, { vendorId, version });
  }
  return out;
}

/**
 * Why a planned row departs from its preview, or null when it does not. `plan.version` is the
 * version read now; the write compares it once more (a change after this check is refused there).
 */
export function departure(plan: RowPlan, expected: ExpectedVersions): string | null {
  const was = expected.get(plan.row);
  if (plan.vendorId === null || plan.version === undefined) {
    return was
      ? `the preview updated vendor ${was.vendorId}, which this row no longer matches (it was deleted or renamed since): preview the file again`
      : null;
  }
  if (!was) return `this row now matches ${plan.name} (id ${plan.vendorId}), which it did not in the preview: preview the file again`;
  if (was.vendorId !== plan.vendorId)
    return `this row now matches ${plan.name} (id ${plan.vendorId}), not vendor ${was.vendorId} as in the preview: preview the file again`;
  if (was.version !== plan.version)
    return `${plan.name} (id ${plan.vendorId}) was changed by someone else since the preview (version ${was.version}, now ${plan.version}): preview the file again to see what this row would change`;
  return null;
}
