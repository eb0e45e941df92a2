/**
 * Which changes a watch rule or a webhook target wants: pure, from the change, the vendor as it is
 * now, and (for "mine only") the user's e-mail. The fields read from a change's `detail`:
 *   incident-added, finding-new   detail.severity  (low | medium | high | critical)
 *   evidence-expiring             detail.expiresOn (YYYY-MM-DD)
 *   score-changed                 oldBand, newBand (the columns, not detail)
 */
import type { Change } from '../../domain/change.ts';
import { RISK_BANDS, type Band } from '../../domain/methodology.ts';
import { SEVERITIES, type Severity } from '../../domain/vocabulary.ts';
import type { WatchRule } from '../../domain/watch-rule.ts';
import type { Webhook } from '../../domain/webhook.ts';

export interface VendorFacts {
  readonly tier: number;
  readonly businessOwner: string | null;
}

const rank = (b: Band | null): number => (b === null ? -1 : (RISK_BANDS as readonly string[]).indexOf(b));

/** The band rose from one risk band to a higher one; `not-assessed` (no rank) neither rises nor is risen to. */
export function bandRose(c: Pick<Change, 'oldBand' | 'newBand'>): boolean {
  const from = rank(c.oldBand);
  const to = rank(c.newBand);
  return from >= 0 && to >= 0 && to > from;
}

export function severityOf(c: Pick<Change, 'detail'>): Severity | null {
  const s = c.detail?.severity;
  return typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : null;
}

const atLeastSeverity = (s: Severity | null, min: Severity): boolean => s !== null && SEVERITIES.indexOf(s) >= SEVERITIES.indexOf(min);

/**
 * Whether a vendor's business owner (free text) is this user: their e-mail, its name part
 * ("jane.doe"), or that name with spaces ("Jane Doe"), compared without case.
 */
export function ownedBy(businessOwner: string | null, email: string): boolean {
  if (!businessOwner) return false;
  const owner = businessOwner.trim().toLowerCase().replace(/\s+/g, ' ');
  const address = email.toLowerCase();
  const local = address.split('@')[0]!;
  return owner === address || owner === local || owner === local.replace(/[._-]+/g, ' ');
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const tierFits = (tiers: readonly number[] | null, vendor: VendorFacts | undefined): boolean =>
  tiers === null || (vendor !== undefined && tiers.includes(vendor.tier));

export function ruleMatches(rule: WatchRule, c: Change, vendor: VendorFacts | undefined, email: string): boolean {
  if (rule.kind !== c.kind || !tierFits(rule.tiers, vendor)) return false;
  if (rule.minSeverity !== null && !atLeastSeverity(severityOf(c), rule.minSeverity)) return false;
  if (rule.bandRoseOnly && !bandRose(c)) return false;
  if (rule.mineOnly && !ownedBy(vendor?.businessOwner ?? null, email)) return false;
  if (rule.withinDays !== null) {
    const on = c.detail?.expiresOn;
    if (typeof on !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(on) || daysBetween(c.day, on) > rule.withinDays) return false;
  }
  return true;
}

/** A webhook's severity floor applies to changes that carry a severity; the others pass it. */
export function webhookMatches(w: Webhook, c: Change, vendor: VendorFacts | undefined): boolean {
  if (!w.enabled || (w.kinds !== null && !w.kinds.includes(c.kind)) || !tierFits(w.tiers, vendor)) return false;
  const s = severityOf(c);
  return w.minSeverity === null || s === null || atLeastSeverity(s, w.minSeverity);
}
