import { describe, expect, it } from 'vitest';
import type { Gap } from '../../server/scoring/types.ts';
import { anchorId, answerHref, attestedBy, evidenceTargets, groupGaps, severityCounts, sourceWords } from '../../web/evidence.ts';

const FACTORS = [
  { id: 'incidents', label: 'Past incidents' },
  { id: 'recurrence', label: 'Repeat incidents' },
  { id: 'support', label: 'Support chain' },
  { id: 'mfa', label: 'MFA posture' },
  { id: 'disclosure', label: 'Disclosure' },
] as const;

const gap = (factor: Gap['factor'], text: string, ref: string | null = null): Gap => ({ factor, ref, text });

describe('anchorId', () => {
  it('turns a ref into an element id', () => {
    expect(anchorId('incident:12')).toBe('incident-12');
    expect(anchorId('subprocessor:3')).toBe('subprocessor-3');
    expect(anchorId('mfa:support')).toBe('mfa-support');
  });

  it('never yields characters that would need escaping in a fragment or a selector', () => {
    expect(anchorId('subprocessor:3:incidents')).toBe('subprocessor-3-incidents');
    expect(anchorId('odd ref/with#stuff')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('evidenceTargets', () => {
  const targets = evidenceTargets(
    [
      { id: 2, title: 'HAR files exposed' },
      { id: 1, title: 'Lapsus$ via Sitel' },
    ],
    [{ id: 3, name: 'Sitel' }],
  );

  it('names every incident, subprocessor and MFA population the page shows', () => {
    expect(targets.get('incident:2')).toEqual({ anchor: 'incident-2', label: 'Incident: HAR files exposed' });
    expect(targets.get('subprocessor:3')).toEqual({ anchor: 'subprocessor-3', label: 'Subprocessor: Sitel' });
    expect(targets.get('mfa:support')).toEqual({ anchor: 'mfa-support', label: 'MFA posture: Support staff' });
    expect([...targets.keys()].filter((k) => k.startsWith('mfa:'))).toHaveLength(5);
  });

  it('carries each record’s two dates, true since and known from, when the record has them', () => {
    const dated = evidenceTargets(
      [
        {
          id: 2,
          title: 'HAR files exposed',
          intrusionStartDate: '2023-09-28',
          detectedByVendorDate: '2023-10-19',
          firstReportedByThirdPartyDate: '2023-09-29',
          publicDisclosureDate: '2023-10-20',
        },
      ],
      [
        { id: 3, name: 'Sitel', since: null, knownFrom: '2022-03-23' },
        { id: 4, name: 'TaskUs', since: '2017', knownFrom: '2025-05' },
      ],
      [{ population: 'workforce', assessedOn: '2023-09', knownFrom: '2023-09' }],
    );
    expect(dated.get('incident:2')!.dates).toBe('true since 28 Sep 2023; known from 20 Oct 2023');
    expect(dated.get('subprocessor:3')!.dates).toBe('true since: start unknown, counted from when known; known from 23 Mar 2022');
    expect(dated.get('subprocessor:4')!.dates).toBe('true since 2017; known from May 2025');
    expect(dated.get('mfa:workforce')!.dates).toBe('true since Sep 2023; known from Sep 2023');
    // A population without a record has nothing to date.
    expect(dated.get('mfa:support')!.dates).toBeUndefined();
  });

  it('knows nothing of refs the page does not show', () => {
    expect(targets.get('incident:99')).toBeUndefined();
    expect(targets.get('impact:tier')).toBeUndefined();
  });
});

describe('groupGaps', () => {
  it('groups by factor in the order of the score’s factors, with their labels, keeping each group’s order', () => {
    const gaps = [
      gap('support', 'Sitel: staff MFA unknown', 'subprocessor:3'),
      gap('mfa', 'No evidence about admins MFA', 'mfa:admins'),
      gap('disclosure', 'Some incident: no date'),
      gap('mfa', 'No evidence about support staff MFA', 'mfa:support'),
    ];
    expect(groupGaps(gaps, FACTORS)).toEqual([
      { factor: 'support', label: 'Support chain', gaps: [gaps[0]] },
      { factor: 'mfa', label: 'MFA posture', gaps: [gaps[1], gaps[3]] },
      { factor: 'disclosure', label: 'Disclosure', gaps: [gaps[2]] },
    ]);
  });

  it('is empty without gaps, and puts a factor the score does not list last, under its id', () => {
    expect(groupGaps([], FACTORS)).toEqual([]);
    const g = gap('recurrence', 'x');
    expect(
      groupGaps(
        [g, gap('mfa', 'y')],
        FACTORS.filter((f) => f.id !== 'recurrence'),
      ).map((x) => [x.factor, x.label]),
    ).toEqual([
      ['mfa', 'MFA posture'],
      ['recurrence', 'recurrence'],
    ]);
  });
});

describe('severityCounts', () => {
  const of = (...s: Array<'low' | 'medium' | 'high' | 'critical'>) => s.map((severity) => ({ severity }));

  it('counts most severe first, in words', () => {
    expect(severityCounts(of('high', 'critical', 'high', 'medium', 'high'))).toBe('1 critical, 3 high and 1 medium');
    expect(severityCounts(of('low', 'high'))).toBe('1 high and 1 low');
    expect(severityCounts(of('medium'))).toBe('1 medium');
    expect(severityCounts([])).toBe('');
  });
});

describe('attestedBy', () => {
  it('says where a self-attested fact came from, and nothing for a recorded one', () => {
    expect(attestedBy({ confidence: 'self-attested', source: { kind: 'questionnaire', requestId: 12, questionId: 'mfa-support-method' } })).toBe(
      'Self-attested: questionnaire request 12, question mfa-support-method',
    );
    expect(attestedBy({ confidence: 'self-attested', source: null })).toBe('Self-attested by the vendor');
    expect(attestedBy({ confidence: 'self-attested', source: { kind: 'questionnaire-import', importId: 3, questionId: 'IAM-14.1' } })).toBe(
      'Self-attested: imported questionnaire 3, question IAM-14.1',
    );
    // An MFA record's citation is no answer: it says only that the vendor attested it.
    expect(attestedBy({ confidence: 'self-attested', source: 'CAIQ v4, IAM-14.1' })).toBe('Self-attested by the vendor');
    expect(sourceWords({ kind: 'questionnaire', requestId: 12, questionId: 'mfa-support-method' })).toBe(
      'Questionnaire request 12, question mfa-support-method',
    );
    expect(attestedBy({ confidence: 'recorded', source: null })).toBeNull();
    expect(attestedBy({})).toBeNull();
  });
});

describe('answerHref', () => {
  it("links a fact from a questionnaire answer to that answer on the request's review page", () => {
    expect(answerHref(3, { kind: 'questionnaire', requestId: 12, questionId: 'mfa-support-method' })).toBe(
      '/vendors/3/questionnaires/12/review#answer-mfa-support-method',
    );
  });
  it('links nothing for an imported sheet, a fact without a source, or an unknown vendor', () => {
    expect(answerHref(3, { kind: 'questionnaire-import', importId: 4, questionId: 'IAM-14.1' })).toBeNull();
    expect(answerHref(3, null)).toBeNull();
    expect(answerHref(3, undefined)).toBeNull();
    expect(answerHref(0, { kind: 'questionnaire', requestId: 12, questionId: 'mfa-support-method' })).toBeNull();
  });
});
