/**
 * The compare view's arithmetic, PURE: which vendors the URL asks for, findings as one row per
 * rule, and the subprocessors compared vendors have in common (a concentration risk: one
 * breach there reaches several of our vendors at once).
 */
import type { Finding, VendorScore } from '../../server/http/contract.ts';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { Vendor } from '../../server/domain/vendor.ts';
import { FINDING_RULE_LABEL, SEVERITIES_MOST_FIRST } from '../format.ts';
import { activeAt, dayRange, factorEvidence, type EvidenceFacts, type FactorEvidence } from './compare.evidence.ts';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** `?ids=3,7` → [3, 7]: positive integers, first mention kept, at most MAX_COMPARED. */
export function parseIds(value: string | null): number[] {
  const ids = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[1-9]\d{0,14}$/.test(s))
    .map(Number);
  return [...new Set(ids)].slice(0, MAX_COMPARED);
}

/** `/compare?ids=1,7&asOf=…`: commas left as they are (URLSearchParams would write %2C), so the address reads as it means. */
export function compareUrl(ids: readonly number[], asOf = ''): string {
  const q = [ids.length > 0 ? `ids=${ids.join(',')}` : '', asOf ? `asOf=${encodeURIComponent(asOf)}` : ''].filter(Boolean);
  return q.length > 0 ? `/compare?${q.join('&')}` : '/compare';
}

/** One compared vendor, as the view shows it: its score, and the evidence behind each factor. */
export interface CompareColumn {
  readonly vendorId: number;
  readonly name: string;
  readonly category: string;
  readonly score: VendorScore;
  /** In the order of `score.factors`. */
  readonly evidence: readonly FactorEvidence[];
  readonly subprocessors: readonly Subprocessor[];
}

export function compareColumn(vendor: Pick<Vendor, 'id' | 'name' | 'category'>, score: VendorScore, facts: EvidenceFacts): CompareColumn {
  return {
    vendorId: vendor.id,
    name: vendor.name,
    category: vendor.category,
    score,
    evidence: score.factors.map((f) => factorEvidence(f, facts, score.asOf)),
    subprocessors: facts.subprocessors,
  };
}

/** "Okta", "Okta and Cloudflare", "Okta, Cloudflare and Microsoft". */
export function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export interface FindingRow {
  readonly rule: string;
  readonly label: string;
  /** The suggested contract condition (a rule's conditions are the same wherever it fires). */
  readonly condition: string;
  /** Per compared vendor, in column order: that vendor's findings of this rule, most severe first. */
  readonly cells: ReadonlyArray<{ readonly vendorId: number; readonly findings: readonly Finding[] }>;
}

const rank = (s: Finding['severity']) => SEVERITIES_MOST_FIRST.indexOf(s);

/** One row per rule any compared vendor has; the most severe first, then the most widespread. */
export function findingRows(columns: ReadonlyArray<{ readonly vendorId: number; readonly findings: readonly Finding[] }>): FindingRow[] {
  const rules = [...new Set(columns.flatMap((c) => c.findings.map((f) => f.rule)))];
  const rows = rules.map((rule): FindingRow & { worst: number; spread: number } => {
    const cells = columns.map((c) => ({
      vendorId: c.vendorId,
      findings: c.findings.filter((f) => f.rule === rule).sort((a, b) => rank(a.severity) - rank(b.severity)),
    }));
    const all = cells.flatMap((c) => c.findings);
    return {
      rule,
      label: FINDING_RULE_LABEL[rule] ?? all[0]!.title,
      condition: all[0]!.suggestedCondition,
      cells,
      worst: Math.min(...all.map((f) => rank(f.severity))),
      spread: cells.filter((c) => c.findings.length > 0).length,
    };
  });
  rows.sort((a, b) => a.worst - b.worst || b.spread - a.spread || a.label.localeCompare(b.label));
  return rows.map(({ worst: _w, spread: _s, ...row }) => row);
}

export interface ComparedChain {
  readonly vendorId: number;
  readonly name: string;
  readonly subprocessors: readonly Subprocessor[];
}

/** The server's name key (server/domain/vendor.ts): case and runs of spaces ignored, so the graph and this view agree. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Two records name the same provider when they link the same vendor record or carry the same name. */
const same = (a: Subprocessor, b: Subprocessor) => (a.vendorId !== null && a.vendorId === b.vendorId) || nameKey(a.name) === nameKey(b.name);

export interface SharedSubprocessor {
  readonly name: string;
  /** The provider's own vendor record, when one of the records links it. */
  readonly linkedVendorId: number | null;
  /** The compared vendors it serves, in column order. */
  readonly vendorIds: readonly number[];
  readonly subprocessorIds: readonly number[];
}

/** Providers in place on `asOf` for two or more compared vendors. Ended arrangements are history, not concentration. */
export function sharedSubprocessors(vendors: readonly ComparedChain[], asOf: string): SharedSubprocessor[] {
  const day = dayRange(asOf)?.first ?? 0;
  const records = vendors.flatMap((v) => v.subprocessors.filter((s) => activeAt(s, day)).map((s) => ({ vendorId: v.vendorId, s })));
  // Grouping is transitive (A links Okta, B is named like A): merge every group a record matches.
  const groups: Array<typeof records> = [];
  for (const r of records) {
    const hits = groups.filter((g) => g.some((o) => same(o.s, r.s)));
    const merged = [...hits.flat(), r];
    for (const h of hits) groups.splice(groups.indexOf(h), 1);
    groups.push(merged);
  }
  const order = new Map(vendors.map((v, i) => [v.vendorId, i]));
  return groups.flatMap((g) => {
    const vendorIds = [...new Set(g.map((r) => r.vendorId))].sort((a, b) => order.get(a)! - order.get(b)!);
    if (vendorIds.length < 2) return [];
    const linkedVendorId = g.find((r) => r.s.vendorId !== null)?.s.vendorId ?? null;
    const linked = vendors.find((v) => v.vendorId === linkedVendorId);
    return [{ name: linked?.name ?? g[0]!.s.name, linkedVendorId, vendorIds, subprocessorIds: g.map((r) => r.s.id) }];
  });
}

export interface ChainLink {
  /** The vendor whose chain it is. */
  readonly fromVendorId: number;
  /** The compared vendor that chain runs through. */
  readonly toVendorId: number;
  readonly subprocessor: Subprocessor;
}

/** Arrangements in place on `asOf` through which one compared vendor depends on another (Cloudflare on Okta). */
export function chainLinks(vendors: readonly ComparedChain[], asOf: string): ChainLink[] {
  const day = dayRange(asOf)?.first ?? 0;
  const ids = new Set(vendors.map((v) => v.vendorId));
  return vendors.flatMap((v) =>
    v.subprocessors
      .filter((s) => s.vendorId !== null && s.vendorId !== v.vendorId && ids.has(s.vendorId) && activeAt(s, day))
      .map((s) => ({ fromVendorId: v.vendorId, toVendorId: s.vendorId!, subprocessor: s })),
  );
}

/** "Okta and Cloudflare share Sitel: a concentration risk." */
export function sharedSentence(shared: SharedSubprocessor, nameOf: (vendorId: number) => string): string {
  return `${listNames(shared.vendorIds.map(nameOf))} share ${shared.name}: a concentration risk, since one breach there reaches ${shared.vendorIds.length === 2 ? 'both' : `all ${shared.vendorIds.length}`}.`;
}

/** "Cloudflare's support chain runs through Okta (workforce identity provider …): a breach at Okta reaches Cloudflare." */
export function chainSentence(link: ChainLink, nameOf: (vendorId: number) => string): string {
  const from = nameOf(link.fromVendorId);
  const to = nameOf(link.toVendorId);
  return `${from}'s support chain runs through ${to} (${link.subprocessor.function}): a breach at ${to} reaches ${from}.`;
}
