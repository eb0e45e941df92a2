/** Watch rules as the account page shows and edits them: labels, a rule read from its form, a summary. PURE. */
import type { ChangeKind } from '../server/domain/change.ts';
import type { Severity } from '../server/domain/vocabulary.ts';
import type { EmailMode, WatchRule, WatchRuleInput } from '../server/domain/watch-rule.ts';

export const KIND_LABEL: Readonly<Record<ChangeKind, string>> = {
  'score-changed': 'Score changed',
  'incident-added': 'Incident added',
  'finding-new': 'New finding',
  'finding-resolved': 'Finding resolved',
  'review-needed': 'Review needed',
  'condition-overdue': 'Condition overdue',
  'evidence-expiring': 'Evidence expiring',
};
export const KINDS = Object.keys(KIND_LABEL) as ChangeKind[];

export const EMAIL_LABEL: Readonly<Record<EmailMode, string>> = { off: 'No e-mail', immediate: 'E-mail at once', digest: 'Daily digest' };
export const EMAIL_MODES = Object.keys(EMAIL_LABEL) as EmailMode[];
export const SEVERITY_OPTIONS: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** Which filters a kind has besides tiers and "mine only". */
export const hasSeverity = (k: ChangeKind): boolean => k === 'incident-added' || k === 'finding-new';
export const hasBandRise = (k: ChangeKind): boolean => k === 'score-changed';
export const hasDays = (k: ChangeKind): boolean => k === 'evidence-expiring';

/** A rule of this kind as its form says it; a filter the kind does not have is left at its neutral value. */
export function ruleFromForm(kind: ChangeKind, data: FormData): WatchRuleInput {
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const tiers = data.getAll('tiers').map((t) => Number(t));
  const days = text('withinDays');
  const severity = text('minSeverity');
  return {
    kind,
    tiers: tiers.length === 0 || tiers.length === 4 ? null : tiers,
    minSeverity: hasSeverity(kind) && severity ? (severity as Severity) : null,
    mineOnly: data.get('mineOnly') === 'on',
    bandRoseOnly: hasBandRise(kind) && data.get('bandRoseOnly') === 'on',
    // A number the server checks (1–365): what was typed goes as typed, so its error shows beside the field.
    withinDays: hasDays(kind) && days !== '' ? Number(days) : null,
    inApp: data.get('inApp') === 'on',
    email: (text('email') || 'off') as EmailMode,
  };
}

/** The rule in words, for its heading and for screen readers: "Incident added · high or worse · tiers 1, 2". */
export function ruleSummary(r: Pick<WatchRule, 'kind' | 'tiers' | 'minSeverity' | 'mineOnly' | 'bandRoseOnly' | 'withinDays'>): string {
  const parts = [KIND_LABEL[r.kind]];
  if (r.bandRoseOnly) parts.push('band rose');
  if (r.minSeverity) parts.push(r.minSeverity === 'critical' ? 'critical' : `${r.minSeverity} or worse`);
  if (r.withinDays !== null) parts.push(`within ${r.withinDays} days`);
  parts.push(r.tiers === null ? 'any tier' : `tier${r.tiers.length > 1 ? 's' : ''} ${[...r.tiers].sort().join(', ')}`);
  if (r.mineOnly) parts.push('vendors I own');
  return parts.join(' · ');
}
