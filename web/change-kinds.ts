/** Event kinds of What changed, in words. */
import type { ChangeKind } from '../server/domain/change.ts';

export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  'score-changed': 'Score changed',
  'incident-added': 'New incident',
  'finding-new': 'New finding',
  'finding-resolved': 'Finding resolved',
  'review-needed': 'Review needed',
  'condition-overdue': 'Condition overdue',
  'evidence-expiring': 'Evidence expiring',
};
