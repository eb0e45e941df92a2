/** Realistic events as the recorders write them, for the alert tests (issue 15 §2 shapes). */
import type { NewChange } from '../../server/domain/change.ts';
import type { Band } from '../../server/domain/methodology.ts';
import type { Severity } from '../../server/domain/vocabulary.ts';

interface Vendorish {
  readonly id: number;
  readonly name: string;
}

export const scoreChanged = (v: Vendorish, oldBand: Band, newBand: Band, day = '2026-11-29'): NewChange => ({
  vendorId: v.id,
  vendorName: v.name,
  day,
  kind: 'score-changed',
  title: `Risk moved from ${oldBand} to ${newBand}`,
  oldRisk: 41,
  newRisk: 63.5,
  oldBand,
  newBand,
  causes: { methodology: 0, decay: -1.5, incidents: 24, posture: 0 },
  ref: 'incident:1',
});

export const incidentAdded = (v: Vendorish, severity: Severity, day = '2026-11-29'): NewChange => ({
  vendorId: v.id,
  vendorName: v.name,
  day,
  kind: 'incident-added',
  title: `Incident added: support system breach (${severity})`,
  ref: 'incident:1',
  detail: { severity },
});

export const reviewNeeded = (v: Vendorish, day = '2026-11-29'): NewChange => ({
  vendorId: v.id,
  vendorName: v.name,
  day,
  kind: 'review-needed',
  title: 'Review needed: the risk band rose',
  detail: { reason: 'band-rose' },
});

export const conditionOverdue = (v: Vendorish, day = '2026-11-29'): NewChange => ({
  vendorId: v.id,
  vendorName: v.name,
  day,
  kind: 'condition-overdue',
  title: 'Condition overdue: SOC 2 report',
  ref: 'condition:3',
  detail: { dueOn: '2026-11-15' },
});

export const evidenceExpiring = (v: Vendorish, expiresOn: string, day = '2026-11-29'): NewChange => ({
  vendorId: v.id,
  vendorName: v.name,
  day,
  kind: 'evidence-expiring',
  title: `Evidence expiring on ${expiresOn}: MFA attestation`,
  ref: 'mfa:admins',
  detail: { expiresOn },
});
