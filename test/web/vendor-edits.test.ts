import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorPaths } from '../../web/api/api-error.ts';
import {
  editOutcome,
  incidentBody,
  lines,
  mfaFieldErrors,
  mfaPostureOf,
  numberOrNull,
  relationshipFieldErrors,
  relationshipPatch,
  subprocessorBody,
  subprocessorPatch,
  textOrNull,
  triState,
} from '../../web/vendor-edits.ts';

const form = (entries: Array<[string, string]>): FormData => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

describe('reading form fields', () => {
  it('trims text and reads empty text as null', () => {
    const fd = form([
      ['a', '  x '],
      ['b', '   '],
    ]);
    expect(textOrNull(fd, 'a')).toBe('x');
    expect(textOrNull(fd, 'b')).toBeNull();
    expect(textOrNull(fd, 'missing')).toBeNull();
  });

  it('reads yes / no / unknown as true / false / null', () => {
    const fd = form([
      ['y', 'yes'],
      ['n', 'no'],
      ['u', ''],
    ]);
    expect([triState(fd, 'y'), triState(fd, 'n'), triState(fd, 'u')]).toEqual([true, false, null]);
  });

  it('reads whole numbers, and hands anything else to the server as typed', () => {
    expect(numberOrNull(form([['n', '134']]), 'n')).toBe(134);
    expect(numberOrNull(form([['n', '']]), 'n')).toBeNull();
    expect(numberOrNull(form([['n', '1.5']]), 'n')).toBe('1.5');
  });

  it('reads one item a line, skipping blank lines', () => {
    expect(lines(form([['s', ' https://a.example/1 \n\n https://b.example/2\r\n']]), 's')).toEqual(['https://a.example/1', 'https://b.example/2']);
  });
});

describe('incidentBody', () => {
  it('builds the request body of an incident form, nulls for what was left empty', () => {
    const fd = form([
      ['title', 'Support tool breach'],
      ['severity', 'high'],
      ['confidence', 'medium'],
      ['intrusionStartDate', '2024-05-01'],
      ['publicDisclosureDate', '2024-04'],
      ['initialAccessVectors', 'stolen-credentials'],
      ['initialAccessVectors', 'token-theft'],
      ['supportInvolved', 'yes'],
      ['supportInvolvementType', 'outsourced-support-provider'],
      ['mfaRelevance', ''],
      ['customersAffected', '12'],
      ['sources', 'https://example.com/report'],
    ]);
    expect(incidentBody(fd)).toEqual({
      title: 'Support tool breach',
      severity: 'high',
      confidence: 'medium',
      intrusionStartDate: '2024-05-01',
      firstReportedByThirdPartyDate: null,
      firstReportedBy: null,
      detectedByVendorDate: null,
      publicDisclosureDate: '2024-04',
      initialAccessVectors: ['stolen-credentials', 'token-theft'],
      initialAccessDetail: null,
      supportInvolved: true,
      supportInvolvementType: 'outsourced-support-provider',
      supportSubprocessor: null,
      mfaRelevance: 'unknown',
      customersAffected: 12,
      threatActor: null,
      sources: ['https://example.com/report'],
      notes: null,
      rootCause: null,
      entryPath: null,
      continuationOf: null,
    });
  });

  it('reads a set root cause, entry path and campaign link; empty is derived, and no campaign', () => {
    const fd = form([
      ['title', 'November'],
      ['severity', 'critical'],
      ['confidence', 'high'],
      ['rootCause', 'exploited-vulnerability'],
      ['entryPath', 'employee'],
      ['continuationOf', '3'],
    ]);
    expect(incidentBody(fd)).toMatchObject({ rootCause: 'exploited-vulnerability', entryPath: 'employee', continuationOf: 3 });
    expect(
      incidentBody(
        form([
          ['title', 'x'],
          ['rootCause', ''],
          ['entryPath', ''],
          ['continuationOf', ''],
        ]),
      ),
    ).toMatchObject({ rootCause: null, entryPath: null, continuationOf: null });
  });
});

describe('subprocessorPatch', () => {
  it('leaves out an emptied "known from" (a patch takes no null: the stored day stays) and keeps a given one', () => {
    const emptied = subprocessorPatch(
      subprocessorBody(
        form([
          ['name', 'Sitel'],
          ['knownFrom', ''],
        ]),
      ),
    );
    expect(emptied).not.toHaveProperty('knownFrom');
    expect(emptied).toMatchObject({ name: 'Sitel' });
    expect(subprocessorPatch(subprocessorBody(form([['knownFrom', '2024-03-01']])))).toMatchObject({ knownFrom: '2024-03-01' });
  });
});

describe('subprocessorBody', () => {
  it('reads the tri-state and the unknowns as null, and the linked vendor as an id', () => {
    const body = subprocessorBody(
      form([
        ['name', 'Sitel'],
        ['function', 'support'],
        ['outsourced', 'yes'],
        ['accessLevel', 'admin'],
        ['artifactsSanitized', ''],
        ['staffMfa', 'fido2'],
        ['vendorId', '7'],
        ['retentionDays', ''],
      ]),
    );
    expect(body).toMatchObject({
      name: 'Sitel',
      outsourced: true,
      accessLevel: 'admin',
      artifactsSanitized: null,
      staffMfa: 'fido2',
      vendorId: 7,
      retentionDays: null,
      sources: [],
    });
    expect(
      subprocessorBody(
        form([
          ['outsourced', 'no'],
          ['staffMfa', ''],
        ]),
      ),
    ).toMatchObject({ outsourced: false, staffMfa: null, vendorId: null });
  });

  it('sends the day the evidence became known as given; left empty, null (the server records today)', () => {
    expect(subprocessorBody(form([['knownFrom', ' 2022-03-23 ']])).knownFrom).toBe('2022-03-23');
    expect(subprocessorBody(form([['knownFrom', '']])).knownFrom).toBeNull();
  });
});

describe('the MFA posture form', () => {
  const fd = form([
    ['admins.method', ''],
    ['support.method', 'fido2'],
    ['support.enforced', 'on'],
    ['support.evidence', 'attestation'],
    ['support.assessedOn', '2024-06'],
    ['support.knownFrom', '2024-06-20'],
    ['workforce.method', 'totp'],
    ['workforce.evidence', 'observed'],
    ['workforce.assessedOn', 'soon'],
  ]);

  it('sends a record per population set, none for a population set to unknown', () => {
    expect(mfaPostureOf(fd)).toEqual({
      items: [
        {
          population: 'support',
          method: 'fido2',
          enforced: true,
          evidence: 'attestation',
          source: null,
          assessedOn: '2024-06',
          notes: null,
          knownFrom: '2024-06-20',
        },
        { population: 'workforce', method: 'totp', enforced: false, evidence: 'observed', source: null, assessedOn: 'soon', notes: null, knownFrom: null },
      ],
    });
  });

  it("sends a record's questionnaire answer back as its source unless a citation replaces it", () => {
    const answer = { kind: 'questionnaire', requestId: 12, questionId: 'mfa-support-method' };
    const base: Array<[string, string]> = [
      ['support.method', 'fido2'],
      ['support.enforced', 'on'],
      ['support.evidence', 'attestation'],
      ['support.assessedOn', '2026-11-20'],
      ['support.knownFrom', '2026-11-20'],
      ['support.answerSource', JSON.stringify(answer)],
    ];
    expect(mfaPostureOf(form([...base, ['support.source', '']])).items[0]!.source).toEqual(answer);
    expect(mfaPostureOf(form([...base, ['support.source', 'https://example.com/mfa']])).items[0]!.source).toBe('https://example.com/mfa');
    expect(mfaPostureOf(form([...base.slice(0, -1), ['support.answerSource', '{not json'], ['support.source', '']])).items[0]!.source).toBeNull();
  });

  it("puts the server's errors on the nested items beside the population's own fields", () => {
    const e = new ApiError(400, 'validation-failed', 'invalid', [
      { path: 'body.items.1.assessedOn', message: 'expected a real date' },
      { path: 'body.items', message: 'expected at most one record per population' },
    ]);
    const known = new ApiError(400, 'validation-failed', 'invalid', [{ path: 'body.items.0.knownFrom', message: 'is before assessedOn (2024-06)' }]);
    expect(mfaFieldErrors(known, mfaPostureOf(fd))).toEqual({ 'support.knownFrom': 'Known from is before the assessment date (2024-06).' });
    expect(fieldErrorPaths(e)).toEqual({
      'items.1.assessedOn': 'Assessed on must be a real date.',
      items: 'Items: expected at most one record per population.',
    });
    expect(mfaFieldErrors(e, mfaPostureOf(fd))).toEqual({
      'workforce.assessedOn': 'Assessed on must be a real date.',
      items: 'The MFA posture: expected at most one record per population.',
    });
    expect(mfaFieldErrors(new Error('boom'), mfaPostureOf(fd))).toEqual({});
  });
});

describe('relationshipPatch', () => {
  it('reads the relationship form, the tier as a number', () => {
    const fd = form([
      ['tier', '2'],
      ['dataAccess', 'restricted'],
      ['environmentAccess', 'admin'],
      ['status', 'approved'],
      ['businessOwner', ''],
      ['nextReviewOn', '2027-01-31'],
      ['relationshipIsExample', 'on'],
    ]);
    expect(relationshipPatch(fd)).toEqual({
      tier: 2,
      dataAccess: 'restricted',
      environmentAccess: 'admin',
      status: 'approved',
      businessOwner: null,
      nextReviewOn: '2027-01-31',
      notes: null,
      relationshipIsExample: true,
      aliases: [],
    });
  });

  it('reads the aliases one a line, and sends engagedSince only when it was changed', () => {
    const fd = form([
      ['tier', '1'],
      ['aliases', ' Microsoft Corp \n\nMSFT\r\n'],
      ['engagedSince', '2019-03-01'],
    ]);
    expect(relationshipPatch(fd, { engagedSince: '2024-05-06' })).toMatchObject({ aliases: ['Microsoft Corp', 'MSFT'], engagedSince: '2019-03-01' });
    // Left as it was, the server decides (a vendor engaged now starts today).
    expect(relationshipPatch(fd, { engagedSince: '2019-03-01' })).not.toHaveProperty('engagedSince');
    expect(
      relationshipPatch(
        form([
          ['tier', '1'],
          ['engagedSince', ''],
        ]),
        { engagedSince: '2019-03-01' },
      ),
    ).not.toHaveProperty('engagedSince');
  });
});

describe('relationshipFieldErrors', () => {
  it('puts an alias’s error beside the aliases, naming the alias and its line', () => {
    const e = new ApiError(409, 'vendor-name-taken', 'x', [
      { path: 'body.aliases.1', message: 'already taken by Microsoft' },
      { path: 'body.engagedSince', message: 'expected a real date as YYYY-MM-DD' },
    ]);
    expect(relationshipFieldErrors(e, { aliases: ['Okta Inc', 'MSFT'] })).toEqual({
      aliases: '“MSFT” (line 2) is already taken by Microsoft.',
      engagedSince: 'Engaged since must be a real date as YYYY-MM-DD.',
    });
  });
});

describe('editOutcome', () => {
  it('says what went through, in the section it belongs to', () => {
    expect(editOutcome({ kind: 'incident', id: null, body: { title: 'Breach', severity: 'high' } })).toEqual({
      section: 'incidents',
      text: 'Incident “Breach” added. The score has been recomputed.',
    });
    expect(editOutcome({ kind: 'delete-subprocessor', id: 3, label: 'Sitel' }).section).toBe('subprocessors');
    expect(editOutcome({ kind: 'mfa', posture: { items: [] } }).text).toBe('MFA posture saved: 0 of 5 populations on record. The score has been recomputed.');
  });
});
