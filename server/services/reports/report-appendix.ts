/**
 * The report's per-vendor appendix, PURE: what the report holds about each vendor apart from its
 * row (a tier-1 vendor's full score, its open findings and conditions, its not-assessed entry).
 * For a large portfolio these lists make most of the report's weight (tens of MB at 10,000
 * vendors), so the JSON answer then carries only their first entries, and the rest is read page by
 * page (`GET /reports/quarterly/:quarter/vendors`) from the frozen snapshot, or whole with
 * `?appendix=full`. The CSV and Markdown downloads are built from the whole report, always.
 */
import { groupBy } from '../facts-loader.ts';

/** Up to this many vendors, the JSON answer carries the whole appendix. */
export const INLINE_VENDORS = 1000;
/** Beyond it, the first entries of each per-vendor list the answer still carries (the page shows these first). */
export const INLINE_ENTRIES = 50;
/** Vendors per appendix page: by default, and at most. */
export const APPENDIX_PAGE = { default: 100, max: 500 } as const;

interface Lists {
  vendors: ReadonlyArray<{ vendorId: number; name: string; tier: number }>;
  tier1Scores: ReadonlyArray<{ vendorId: number }>;
  findings: ReadonlyArray<{ vendorId: number }>;
  notAssessed: ReadonlyArray<{ vendorId: number }>;
}

/** How the appendix travels: its counts, and whether this answer holds all of it. */
export const appendixOf = (r: Lists, complete: boolean) => ({
  vendors: r.vendors.length,
  complete,
  tier1Scores: r.tier1Scores.length,
  findings: r.findings.length,
  notAssessed: r.notAssessed.length,
});

/** One entry per report vendor, in the report's order: what the report holds about it beyond its row. */
export function appendixItems<R extends Lists>(r: R) {
  const scores = new Map(r.tier1Scores.map((s) => [s.vendorId, s as R['tier1Scores'][number]]));
  const findings = groupBy(r.findings as Array<R['findings'][number]>, (f) => f.vendorId);
  const notAssessed = new Map(r.notAssessed.map((n) => [n.vendorId, n as R['notAssessed'][number]]));
  return r.vendors.map((v) => ({
    vendorId: v.vendorId,
    name: v.name,
    tier: v.tier,
    score: scores.get(v.vendorId) ?? null,
    findings: findings.get(v.vendorId) ?? [],
    notAssessed: notAssessed.get(v.vendorId) ?? null,
  }));
}

/**
 * The JSON answer: the whole report up to INLINE_VENDORS vendors (or when `full`), else the first
 * INLINE_ENTRIES of each per-vendor list, with `appendix.complete` false saying the rest is paged.
 */
export function withAppendix<R extends Lists>(
  r: R,
  full: boolean,
  inline = { vendors: INLINE_VENDORS, entries: INLINE_ENTRIES },
): R & { appendix: ReturnType<typeof appendixOf> } {
  const complete = full || r.vendors.length <= inline.vendors;
  const appendix = appendixOf(r, complete);
  if (complete) return { ...r, appendix };
  return {
    ...r,
    tier1Scores: r.tier1Scores.slice(0, inline.entries),
    findings: r.findings.slice(0, inline.entries),
    notAssessed: r.notAssessed.slice(0, inline.entries),
    appendix,
  };
}
