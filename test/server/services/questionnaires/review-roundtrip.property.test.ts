/**
 * Property (issue 16): whatever subset of a submission the analyst accepts, against whatever was on
 * record, applying it through the review and proposing the same answers again shows no change: the
 * facts written are exactly what the proposals said. And every accepted MFA method is the one
 * answered, never stronger.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MFA_METHODS } from '../../../../server/domain/questionnaire.ts';
import { SYSTEM } from '../../../../server/domain/account.ts';
import { testApp } from '../../../helpers/app.ts';
import { mfaItem, subprocessorBody, vendorBody } from '../../../helpers/fixtures.ts';
import { fullAnswers, shippedTemplate, submittedRequest, templatesOf } from '../../../helpers/questionnaire-review.ts';
import { mfaPostureInput } from '../../../../server/domain/mfa.ts';
import { subprocessorInput } from '../../../../server/domain/subprocessor.ts';
import { vendorInput } from '../../../../server/domain/vendor.ts';

const METHOD_QUESTIONS = ['admins', 'support', 'workforce', 'contractors', 'customers'] as const;
const ACCESS = ['none', 'metadata', 'customer-data', 'session-artifacts', 'admin'] as const;

const answers = fc.record({
  methods: fc.tuple(...METHOD_QUESTIONS.map(() => fc.constantFrom(...MFA_METHODS))),
  enforced: fc.tuple(...METHOD_QUESTIONS.map(() => fc.boolean())),
  access: fc.constantFrom(...ACCESS),
  staffMfa: fc.constantFrom(...MFA_METHODS),
  retention: fc.integer({ min: 0, max: 400 }),
  sanitized: fc.boolean(),
  notify: fc.integer({ min: 0, max: 90 }),
  rows: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom('CloudOps GmbH', 'Tier2 Desk', 'LogVault'),
      access: fc.constantFrom(...ACCESS),
      mfa: fc.option(fc.constantFrom(...MFA_METHODS), { nil: null }),
    }),
    { selector: (r) => r.name, maxLength: 3 },
  ),
});

describe('review round trip', () => {
  it('property: accepted answers applied, then proposed again, change nothing', () => {
    const template = shippedTemplate();
    const questionIds = Object.keys(fullAnswers());
    fc.assert(
      fc.property(answers, fc.subarray(questionIds, { minLength: 1 }), fc.boolean(), (a, acceptedIds, withRecord) => {
        const { deps } = testApp({ questionnaireTemplates: templatesOf(template) });
        const vendorId = deps.store.vendors.create(vendorInput.parse(vendorBody()), '2026-01-01T00:00:00.000Z');
        if (withRecord) {
          // Something already on record: an SMS support-staff record and a support desk with other values.
          deps.mfa.replace(
            SYSTEM,
            vendorId,
            mfaPostureInput.parse({ items: [mfaItem({ population: 'support', method: 'sms', enforced: false, assessedOn: '2025-01-01' })] }),
          );
          deps.subprocessors.create(
            SYSTEM,
            vendorId,
            subprocessorInput.parse(subprocessorBody({ name: 'Old Desk', function: 'customer support', accessLevel: 'admin', knownFrom: '2025-01-01' })),
          );
        }
        const given: Record<string, unknown> = {
          ...fullAnswers(),
          ...Object.fromEntries(
            METHOD_QUESTIONS.flatMap((p, i) => [
              [`mfa-${p}-method`, a.methods[i]],
              [`mfa-${p}-enforced`, a.enforced[i]],
            ]),
          ),
          'support-access-level': a.access,
          'support-staff-mfa': a.staffMfa,
          'support-retention-days': a.retention,
          'support-artifacts-sanitized': a.sanitized,
          'notify-within-days': a.notify,
          'subprocessors-tenant-access': a.rows.map((r) => ({ name: r.name, function: 'hosting', 'access-level': r.access, 'staff-mfa': r.mfa })),
        };
        const requestId = submittedRequest(deps.store, vendorId, given);
        // Enforcement or support details without what they need (a method, an access level) are refused as a whole: accept those too.
        const accepted = new Set(acceptedIds);
        for (const p of METHOD_QUESTIONS) if (accepted.has(`mfa-${p}-enforced`)) accepted.add(`mfa-${p}-method`);
        if ([...accepted].some((q) => q.startsWith('support-'))) accepted.add('support-access-level');
        deps.questionnaireReview.decide(SYSTEM, requestId, { decisions: [...accepted].map((questionId) => ({ questionId, decision: 'accepted' as const })) });

        const again = deps.questionnaireReview.review(requestId);
        for (const item of again.items) {
          if (item.proposal && accepted.has(item.question.id)) expect(item.proposal.changes, item.question.id).toEqual([]);
        }
        for (const r of deps.store.mfa.listByVendor(vendorId)) {
          const i = METHOD_QUESTIONS.indexOf(r.population);
          if (accepted.has(`mfa-${r.population}-method`)) {
            expect(r.method).toBe(a.methods[i]);
            // Self-attested, unless the answer agreed with the analyst's record, which then stays as it was.
            if (r.confidence === 'recorded') expect([withRecord, r.population, r.method, r.assessedOn]).toEqual([true, 'support', 'sms', '2025-01-01']);
            else expect(r).toMatchObject({ confidence: 'self-attested', knownFrom: '2026-11-20', source: { requestId } });
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
