/**
 * The mapping from answers to facts (pure): the shipped template's mappings hold, a template that
 * maps nonsense is refused with the field named, and each mapped answer proposes exactly the fact
 * it would create or change, old → new, never claiming more than was answered.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ANSWER_TYPES, MFA_METHODS, answerValueSchema, questionnaireTemplate, type QuestionnaireTemplate } from '../../../../server/domain/questionnaire.ts';
import { checkTemplateMappings, proposalsFor, type OnRecord } from '../../../../server/services/questionnaires/mapping.ts';
import { planFor } from '../../../../server/services/questionnaires/apply-plan.ts';
import { METHOD_LABELS } from '../../../../server/scoring/mfa-factor.ts';
import { fullAnswers, shippedTemplate } from '../../../helpers/questionnaire-review.ts';
import { mfaRecord } from '../../../helpers/fixtures.ts';
import type { Subprocessor } from '../../../../server/domain/subprocessor.ts';

const NOTHING: OnRecord = { mfa: [], subprocessors: [], commitments: [] };
const asAnswers = (o: Record<string, unknown>) => Object.entries(o).map(([questionId, value]) => ({ questionId, value }));
const questions = (t: QuestionnaireTemplate) => t.sections.flatMap((s) => s.questions);
const CTX = { vendorId: 1, requestId: 12, submittedOn: '2026-11-20', now: '2026-11-29T12:00:00.000Z' };

/** The shipped template with one question changed. */
function withQuestion(id: string, change: (q: Record<string, unknown>) => Record<string, unknown>): unknown {
  const raw = JSON.parse(JSON.stringify(shippedTemplate())) as { sections: Array<{ questions: Array<Record<string, unknown>> }> };
  for (const s of raw.sections) s.questions = s.questions.map((q) => (q['id'] === id ? change(q) : q));
  return raw;
}
const problemsOf = (raw: unknown) => checkTemplateMappings(questionnaireTemplate.parse(raw));

const helpdesk = (o: Partial<Subprocessor> = {}): Subprocessor => ({
  id: 5,
  parentVendorId: 1,
  name: 'Helpdesk Partners Ltd',
  function: 'customer support',
  outsourced: true,
  accessLevel: 'session-artifacts',
  artifactsSanitized: false,
  retentionDays: 90,
  staffMfa: 'sms',
  vendorId: null,
  location: 'Ireland',
  since: null,
  until: null,
  evidence: null,
  sources: [],
  knownFrom: '2024-01-01',
  confidence: 'recorded',
  source: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  version: 1,
  ...o,
});

describe('the shipped template', () => {
  const t = shippedTemplate();

  it('is valid, about 25 questions, uses every answer type, and its mappings hold', () => {
    expect(questions(t).length).toBeGreaterThanOrEqual(24);
    expect(questions(t).length).toBeLessThanOrEqual(28);
    expect(new Set(questions(t).map((q) => q.type))).toEqual(new Set(ANSWER_TYPES));
    expect(new Set(questions(t).map((q) => q.id)).size).toBe(questions(t).length);
    expect(checkTemplateMappings(t)).toEqual([]);
  });

  it('maps MFA per population, the support arrangement, subprocessors, the disclosure commitment and the security contact', () => {
    const targets = questions(t).flatMap((q) =>
      q.maps ? [q.maps.fact === 'mfa' ? `mfa.${q.maps.population}.${q.maps.field}` : 'field' in q.maps ? `${q.maps.fact}.${q.maps.field}` : q.maps.fact] : [],
    );
    for (const p of ['admins', 'support', 'workforce', 'contractors', 'customers'])
      expect(targets).toEqual(expect.arrayContaining([`mfa.${p}.method`, `mfa.${p}.enforced`]));
    for (const f of ['provider', 'outsourced', 'location', 'accessLevel', 'artifactsSanitized', 'retentionDays', 'sessionControls', 'staffMfa'])
      expect(targets).toContain(`support.${f}`);
    expect(targets).toEqual(
      expect.arrayContaining(['subprocessors', 'commitment.notifyWithinDays', 'commitment.securityContactName', 'commitment.securityContactEmail']),
    );
  });

  it('says beside every scored question what it feeds', () => {
    expect(questions(t).find((q) => q.id === 'mfa-support-method')!.feeds).toEqual(['MFA · support staff']);
    expect(questions(t).find((q) => q.id === 'support-staff-mfa')!.feeds).toEqual(['Support chain · staff MFA']);
  });

  it('accepts the full answer set as answers to its questions', () => {
    const a = fullAnswers();
    for (const q of questions(t)) expect(answerValueSchema(q).safeParse(a[q.id]).success, q.id).toBe(true);
  });
});

describe('checkTemplateMappings', () => {
  it('refuses an MFA method question whose options are not MFA methods', () => {
    const raw = withQuestion('mfa-admins-method', (q) => ({
      ...q,
      options: [
        { value: 'fido2', label: 'Keys' },
        { value: 'yes', label: 'Yes' },
      ],
    }));
    expect(problemsOf(raw)).toEqual([{ path: 'sections.0.questions.0.options', message: expect.stringContaining('not yes') }]);
  });

  it('refuses an answer type the fact cannot take', () => {
    const raw = withQuestion('mfa-admins-enforced', (q) => ({ ...q, type: 'text' }));
    expect(problemsOf(raw)).toEqual([{ path: 'sections.0.questions.1.type', message: 'mfa.admins.enforced needs a yes-no answer, not text' }]);
    const access = withQuestion('support-access-level', (q) => ({
      ...q,
      options: [
        { value: 'full', label: 'Full' },
        { value: 'none', label: 'None' },
      ],
    }));
    expect(problemsOf(access)[0]!.path).toBe('sections.1.questions.3.options');
  });

  it('refuses a fact fed by two questions', () => {
    const raw = withQuestion('mfa-workforce-method', (q) => ({ ...q, maps: { fact: 'mfa', population: 'admins', field: 'method' } }));
    expect(problemsOf(raw)).toContainEqual({ path: 'sections.0.questions.4.maps', message: 'mfa.admins.method is already fed by question mfa-admins-method' });
  });

  it('refuses a scored question that does not say what it feeds, and a rows question without a name or access level column', () => {
    expect(problemsOf(withQuestion('support-staff-mfa', (q) => ({ ...q, feeds: [] })))).toEqual([
      { path: 'sections.1.questions.7.feeds', message: expect.stringContaining('is scored') },
    ]);
    const noAccess = withQuestion('subprocessors-tenant-access', (q) => ({
      ...q,
      columns: (q['columns'] as Array<Record<string, unknown>>).filter((c) => c['field'] !== 'accessLevel'),
    }));
    expect(problemsOf(noAccess)).toEqual([{ path: 'sections.2.questions.0.columns', message: 'a subprocessor needs a required column mapped to accessLevel' }]);
  });
});

describe('proposalsFor', () => {
  const t = shippedTemplate();

  it('proposes, with nothing on record, a new fact per mapped answer and none for unmapped ones', () => {
    const p = proposalsFor(t, asAnswers(fullAnswers()), NOTHING);
    expect(p.get('mfa-support-method')).toMatchObject({
      fact: 'mfa',
      label: 'Support staff MFA',
      changes: [{ field: 'method', label: 'Support staff MFA: method', old: null, new: 'FIDO2 / passkeys' }],
      feeds: ['MFA · support staff'],
    });
    expect(p.get('support-access-level')).toMatchObject({
      fact: 'support',
      label: 'Support arrangement (new)',
      changes: [{ old: null, new: 'troubleshooting artefacts that can carry session tokens' }],
    });
    expect(p.get('subprocessors-tenant-access')!.changes.map((c) => c.label)).toContain('CloudOps GmbH: access to customer tenants');
    expect(p.get('notify-within-days')!.changes).toEqual([{ field: 'notifyWithinDays', label: expect.any(String), old: null, new: '3 days' }]);
    for (const q of ['mfa-last-reviewed', 'assurance-report', 'anything-else', 'last-customer-notification']) expect(p.has(q)).toBe(false);
  });

  it('compares with what is on record: old → new where it differs, nothing where it agrees', () => {
    const on: OnRecord = { mfa: [mfaRecord({ population: 'support', method: 'sms', enforced: true })], subprocessors: [helpdesk()], commitments: [] };
    const p = proposalsFor(t, asAnswers(fullAnswers()), on);
    expect(p.get('mfa-support-method')!.changes).toEqual([{ field: 'method', label: 'Support staff MFA: method', old: 'SMS codes', new: 'FIDO2 / passkeys' }]);
    expect(p.get('mfa-support-enforced')!.changes).toEqual([]);
    expect(p.get('support-provider')!.changes).toEqual([]);
    expect(p.get('support-retention-days')!.changes).toEqual([
      { field: 'retentionDays', label: 'Support arrangement: artefact retention (days)', old: '90 days', new: '14 days' },
    ]);
    expect(p.get('support-staff-mfa')!.label).toBe('Support arrangement (Helpdesk Partners Ltd)');
  });

  it('leaves out answers that do not fit their question', () => {
    const p = proposalsFor(t, asAnswers({ 'mfa-admins-method': 'carrier-pigeon', 'support-retention-days': -4 }), NOTHING);
    expect(p.size).toBe(0);
  });

  it('property: never claims a stronger MFA method than answered, nor enforcement that was not answered', () => {
    const population = fc.constantFrom('admins', 'support', 'workforce', 'contractors', 'customers');
    fc.assert(
      fc.property(
        population,
        fc.constantFrom(...MFA_METHODS),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.constantFrom(...MFA_METHODS), { nil: undefined }),
        (who, answered, enforced, recorded) => {
          const answers: Record<string, unknown> = { [`mfa-${who}-method`]: answered };
          if (enforced !== undefined) answers[`mfa-${who}-enforced`] = enforced;
          const on: OnRecord = { ...NOTHING, mfa: recorded ? [mfaRecord({ population: who, method: recorded, enforced: true })] : [] };
          const proposals = [...proposalsFor(t, asAnswers(answers), on).values()];
          const method = proposals.find((p) => p.data.fact === 'mfa' && p.data.field === 'method')!;
          expect(method.data).toMatchObject({ value: answered });
          for (const c of method.changes) expect(c.new).toBe(METHOD_LABELS[answered]);
          const plan = planFor(proposals, on, CTX);
          for (const m of plan.mfa) {
            expect(MFA_METHODS.indexOf(m.record.method)).toBe(MFA_METHODS.indexOf(answered));
            // Enforcement is what was answered, else what was on record, else not enforced: never assumed.
            expect(m.record.enforced).toBe(enforced ?? (recorded ? true : false));
            expect(m.record).toMatchObject({ confidence: 'self-attested', knownFrom: '2026-11-20', source: { kind: 'questionnaire', requestId: 12 } });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('planFor', () => {
  const t = shippedTemplate();

  it('cannot make an MFA record from its enforcement alone, nor a support arrangement without its access level', () => {
    const p = [...proposalsFor(t, asAnswers({ 'mfa-admins-enforced': true, 'support-provider': 'Desk Co' }), NOTHING).values()];
    expect(planFor(p, NOTHING, CTX).problems.map((x) => x.questionId)).toEqual(['mfa-admins-enforced', 'support-provider']);
  });

  it('writes only what changes, each fact self-attested from the submission day', () => {
    const on: OnRecord = { mfa: [mfaRecord({ population: 'support', method: 'fido2', enforced: true })], subprocessors: [helpdesk()], commitments: [] };
    const plan = planFor([...proposalsFor(t, asAnswers(fullAnswers()), on).values()], on, CTX);
    expect(plan.mfa.map((m) => m.record.population)).not.toContain('support');
    const support = plan.subprocessors.find((w) => w.targetId === 5)!;
    expect(support).toMatchObject({
      questionId: 'support-artifacts-sanitized',
      patch: { artifactsSanitized: true, retentionDays: 14, staffMfa: 'fido2', knownFrom: '2026-11-20' },
    });
    expect('patch' in support && support.patch.evidence).toBe('Support-session controls: The customer approves each session; Access expires automatically');
    expect(plan.subprocessors.find((w) => w.targetId === null)).toMatchObject({
      create: { name: 'CloudOps GmbH', accessLevel: 'admin', outsourced: true, knownFrom: '2026-11-20' },
    });
    expect(plan.commitments.map((c) => c.commitment.field)).toEqual(['notifyWithinDays', 'securityContactName', 'securityContactEmail']);
    expect(plan.problems).toEqual([]);
  });
});
