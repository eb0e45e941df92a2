/**
 * Questionnaire fixtures for part A's tests (issue 16): the shipped template read straight from its
 * file (the template loader is part B's), a complete set of answers to it, and a submitted request
 * written into the 0018 tables through the review's repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import { questionnaireTemplate, type QuestionnaireTemplate, type StoredRequestState } from '../../server/domain/questionnaire.ts';
import type { Store } from '../../server/db/store.ts';
import type { TemplateLookup } from '../../server/services/questionnaires/review-service.ts';

export const SHIPPED_TEMPLATE_FILE = join(PROJECT_ROOT, 'data', 'questionnaires', 'support-chain-identity.json');

export const shippedTemplate = (): QuestionnaireTemplate => questionnaireTemplate.parse(JSON.parse(readFileSync(SHIPPED_TEMPLATE_FILE, 'utf8')));

/** A stand-in for the template loader (part B's), in tests only. */
export const templatesOf =
  (...ts: QuestionnaireTemplate[]): TemplateLookup =>
  (id, version) =>
    ts.find((t) => t.id === id && t.version === version);

/** Answers to every question of the shipped template: a vendor with FIDO2 admins and support staff, an outsourced desk. */
export const fullAnswers = (): Record<string, unknown> => ({
  'mfa-admins-method': 'fido2',
  'mfa-admins-enforced': true,
  'mfa-support-method': 'fido2',
  'mfa-support-enforced': true,
  'mfa-workforce-method': 'push-number-matching',
  'mfa-workforce-enforced': true,
  'mfa-contractors-method': 'totp',
  'mfa-contractors-enforced': false,
  'mfa-customers-method': 'sms',
  'mfa-customers-enforced': false,
  'mfa-last-reviewed': '2026-10-01',
  'support-provider': 'Helpdesk Partners Ltd',
  'support-outsourced': true,
  'support-location': 'Ireland',
  'support-access-level': 'session-artifacts',
  'support-artifacts-sanitized': true,
  'support-retention-days': 14,
  'support-session-controls': ['customer-approval', 'time-limited'],
  'support-staff-mfa': 'fido2',
  'subprocessors-tenant-access': [{ name: 'CloudOps GmbH', function: 'managed hosting', 'access-level': 'admin', location: 'Germany', 'staff-mfa': 'totp' }],
  'notify-within-days': 3,
  'last-customer-notification': '2025-04-02',
  'security-contact-name': 'Dana Reyes',
  'security-contact-email': 'security@example.com',
  'assurance-report': [1],
  'anything-else': 'We rotate support credentials <b>weekly</b>.',
});

export const SUBMITTED_AT = '2026-11-20T09:30:00.000Z';

/** A request for the shipped template in `state`, its answers submitted (or drafts when not yet submitted). */
export function submittedRequest(
  store: Store,
  vendorId: number,
  answers: Record<string, unknown> = fullAnswers(),
  state: StoredRequestState = 'submitted',
  submittedAt = SUBMITTED_AT,
): number {
  const t = shippedTemplate();
  const handedOver = !['draft', 'sent', 'opened', 'in-progress'].includes(state);
  const id = store.questionnaires.create(
    {
      vendorId,
      templateId: t.id,
      templateVersion: t.version,
      state: 'sent',
      dueOn: '2026-12-15',
      contactName: 'Dana Reyes',
      contactEmail: 'dana@example.com',
      message: null,
      tokenHash: null,
      linkExpiresOn: '2027-01-15',
      createdBy: null,
      sentAt: '2026-11-01T08:00:00.000Z',
    },
    '2026-11-01T08:00:00.000Z',
  );
  for (const [questionId, value] of Object.entries(answers)) store.questionnaires.saveAnswer(id, questionId, value, submittedAt);
  if (handedOver) store.questionnaires.submitAnswers(id, submittedAt);
  if (state !== 'sent') store.questionnaires.update(id, { state, submittedAt: handedOver ? submittedAt : null }, submittedAt, 1);
  return id;
}
