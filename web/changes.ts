/** What changed, PURE: the period asked for, the events grouped by vendor (most important first), each event's link to its evidence. */
import type { Change, ChangeKind } from '../server/domain/change.ts';
import { CHANGE_KIND_LABELS } from './change-kinds.ts';

export type Period = 'last-visit' | '7' | '30';
export const PERIODS: ReadonlyArray<{ readonly value: Period; readonly label: string }> = [
  { value: 'last-visit', label: 'Since my last visit' },
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
];

export interface FeedFilters {
  readonly period: Period;
  readonly tier: string;
  readonly owner: string;
  readonly kind: string;
}

export function parseFeedFilters(q: URLSearchParams): FeedFilters {
  const period = q.get('period');
  const tier = q.get('tier') ?? '';
  const kind = q.get('kind') ?? '';
  return {
    period: period === '7' || period === '30' ? period : 'last-visit',
    tier: /^[1-4]$/.test(tier) ? tier : '',
    owner: q.get('owner')?.trim() ?? '',
    kind: kind in CHANGE_KIND_LABELS ? kind : '',
  };
}

/** The `since` of a period: the last visit (a week back before the first one), or N days before now. */
export function sinceOf(period: Period, seenAt: string | null, now: number): string {
  const daysBack = (n: number) => new Date(now - n * 86_400_000).toISOString();
  if (period === 'last-visit') return seenAt ?? daysBack(7);
  return daysBack(Number(period));
}

const RANK = ['low', 'moderate', 'high', 'critical'];
/** How much an event matters: band rises and high or critical incidents first, then what asks for action. */
export function weightOf(c: Pick<Change, 'kind' | 'oldBand' | 'newBand' | 'detail'>): number {
  if (c.kind === 'score-changed' && c.oldBand && c.newBand && RANK.indexOf(c.newBand) > RANK.indexOf(c.oldBand)) return 3;
  if (c.kind === 'incident-added' && ['high', 'critical'].includes(String(c.detail?.severity))) return 3;
  // A review reopened by what happened (or overdue) asks more than one merely falling due by the calendar.
  if (c.kind === 'review-needed') return c.detail?.state === 'due' ? 1 : 2;
  if (c.kind === 'condition-overdue' || c.kind === 'finding-new') return 2;
  return 1;
}

export interface VendorGroup {
  readonly key: string;
  readonly vendorId: number | null;
  readonly vendorName: string;
  readonly weight: number;
  readonly changes: readonly Change[];
}

/** Events grouped by vendor: the group with the most important event first, then the most recent. */
export function groupByVendor(changes: readonly Change[]): VendorGroup[] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = c.vendorId === null ? `name:${c.vendorName}` : `id:${c.vendorId}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()]
    .map(([key, cs]) => ({
      key,
      vendorId: cs[0]!.vendorId,
      vendorName: cs[0]!.vendorName,
      weight: Math.max(...cs.map(weightOf)),
      changes: [...cs].sort((a, b) => weightOf(b) - weightOf(a) || b.id - a.id),
    }))
    .sort((a, b) => b.weight - a.weight || Math.max(...b.changes.map((c) => c.id)) - Math.max(...a.changes.map((c) => c.id)));
}

/** Where an event's evidence is on the vendor's dossier: the incident, the findings, the condition or the review panel. */
export function evidenceHref(c: Pick<Change, 'vendorId' | 'kind' | 'ref'>): { readonly href: string; readonly label: string } | null {
  if (c.vendorId === null) return null;
  const base = `/vendors/${c.vendorId}`;
  const [type, id] = (c.ref ?? '').split(':');
  if (type === 'incident' && id) return { href: `${base}#incident-${id}`, label: 'the incident' };
  if (c.kind === 'finding-new' || c.kind === 'finding-resolved') return { href: `${base}#findings`, label: 'the findings' };
  if (type === 'condition' && id) return { href: `${base}#condition-${id}`, label: 'the condition' };
  if (c.kind === 'review-needed') return { href: `${base}#reviews-title`, label: 'the review panel' };
  if (type === 'mfa') return { href: `${base}#mfa`, label: 'the MFA posture' };
  return { href: base, label: 'the dossier' };
}

/** The kinds a filter names, for the API. */
export const kindQuery = (kind: string): ChangeKind | undefined => (kind ? (kind as ChangeKind) : undefined);

/** A number of points with its sign, for the causes split. */
export const signed = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(1)}`;
