import { describe, expect, it } from 'vitest';
import type { MfaRecord } from '../../../server/domain/mfa.ts';
import type { FactorScore } from '../../../server/scoring/types.ts';
import { activeAt, ageText, dayRange, factorEvidence, type EvidenceFacts } from '../../../web/charts/compare.evidence.ts';
import { incident, sub } from './compare.fixtures.ts';

const mfa = (population: MfaRecord['population'], assessedOn: string, source = `https://example.com/${population}`, knownFrom = assessedOn): MfaRecord => ({
  population,
  method: 'fido2',
  enforced: true,
  evidence: 'public-statement',
  source,
  assessedOn,
  knownFrom,
  notes: null,
});

const factor = (id: FactorScore['id'], refs: Array<string | null> = [], known = true): Pick<FactorScore, 'id' | 'known' | 'contributions'> => ({
  id,
  known,
  contributions: refs.map((ref) => ({ label: 'x', points: 1, ref, detail: '' })),
});

const facts = (o: Partial<EvidenceFacts> = {}): EvidenceFacts => ({ incidents: [], subprocessors: [], mfa: { items: [] }, ...o });

describe('dayRange and ageText', () => {
  it('spans a partial date from its first to its last day, and reads a timestamp as its day', () => {
    const d = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
    expect(dayRange('2023-10-20')).toEqual({ first: d('2023-10-20'), last: d('2023-10-20') });
    expect(dayRange('2023-02')).toEqual({ first: d('2023-02-01'), last: d('2023-02-28') });
    expect(dayRange('2024')).toEqual({ first: d('2024-01-01'), last: d('2024-12-31') });
    expect(dayRange('2024-01-15T10:00:00.000Z')).toEqual({ first: d('2024-01-15'), last: d('2024-01-15') });
    expect(dayRange(null)).toBeUndefined();
    expect(dayRange('soon')).toBeUndefined();
  });

  it('says an age in days, months or years', () => {
    expect(ageText(0)).toBe('same day');
    expect(ageText(1)).toBe('1 day old');
    expect(ageText(44)).toBe('44 days old');
    expect(ageText(45)).toBe('1 month old');
    expect(ageText(400)).toBe('13 months old');
    expect(ageText(1500)).toBe('4.1 years old');
  });
});

describe('factorEvidence', () => {
  const okta2022 = incident(17, { publicDisclosureDate: '2022-03-22', sources: ['https://okta.example/2022'] });
  const okta2023 = incident(18, { publicDisclosureDate: '2023-10-20', sources: ['https://okta.example/2023', 'https://other.example'] });

  it('dates an incident factor by the newest incident its contributions rest on, with its first source', () => {
    const e = factorEvidence(factor('incidents', ['incident:17', 'incident:18']), facts({ incidents: [okta2022, okta2023] }), '2023-10-31');
    expect(e).toMatchObject({
      none: false,
      what: 'Newest incident disclosed 20 Oct 2023',
      ageDays: 11,
      age: '11 days old',
      source: 'https://okta.example/2023',
    });
    expect(e.note).toBe('2 incidents behind it');
  });

  it('falls back to the incidents known by the day when a factor has no contribution (no repeat, no lag)', () => {
    const e = factorEvidence(factor('recurrence'), facts({ incidents: [okta2022, okta2023] }), '2023-01-01');
    // The 2023 incident was not known yet.
    expect(e.what).toBe('Newest incident disclosed 22 Mar 2022');
    expect(e.ageDays).toBe(285);
    expect(e.source).toBe('https://okta.example/2022');
  });

  it('says "no evidence" when no incident was known', () => {
    const e = factorEvidence(factor('disclosure'), facts({ incidents: [okta2023] }), '2023-01-01');
    expect(e).toMatchObject({ none: true, what: 'No evidence: no incident known by this day', ageDays: null, age: '', source: null });
  });

  it('names an incident that was never publicly disclosed by the day it became known', () => {
    const quiet = incident(3, { detectedByVendorDate: '2023-05' });
    const e = factorEvidence(factor('incidents', ['incident:3']), facts({ incidents: [quiet] }), '2023-06-30');
    expect(e.what).toBe('Newest incident known May 2023 (not publicly disclosed)');
    expect(e.ageDays).toBe(30); // from 31 May, the last day "2023-05" can mean
  });

  it('dates the support chain by its newest record (when it became known, or its start if later), with that record’s source', () => {
    const a = sub(1, { since: '2021-03', knownFrom: '2024-01-15' });
    const b = sub(2, { since: '2024-06-01', knownFrom: '2024-02-01', sources: ['https://b.example'] });
    const e = factorEvidence(factor('support', ['subprocessor:1', 'subprocessor:2:incidents']), facts({ subprocessors: [a, b] }), '2024-07-01');
    expect(e).toMatchObject({
      what: 'Newest record: Provider 2, in place since 1 Jun 2024',
      ageDays: 30,
      source: 'https://b.example',
      note: '2 arrangements behind it',
    });
  });

  it('names the day an arrangement became known', () => {
    const a = sub(1, { since: null, knownFrom: '2023-10-20' });
    const e = factorEvidence(factor('support', ['subprocessor:1']), facts({ subprocessors: [a] }), '2023-10-31');
    expect(e).toMatchObject({ what: 'Newest record: Provider 1, known from 20 Oct 2023', ageDays: 11 });
  });

  it('ignores record dates after the day, and says so when nothing is left', () => {
    const a = sub(1, { since: null, knownFrom: '2026-11-29' });
    const e = factorEvidence(factor('support', ['subprocessor:1']), facts({ subprocessors: [a] }), '2023-10-31');
    expect(e).toMatchObject({ none: false, what: 'Provider 1: known only after this day', ageDays: null, age: '', source: 'https://example.com/sub-1' });
  });

  it('counts an arrangement only once it is known, and from then when its start is unknown (as the engine does)', () => {
    const day = (s: string) => dayRange(s)!.first;
    const helpCenter = sub(1, { since: null, knownFrom: '2023-10-20' });
    expect([activeAt(helpCenter, day('2023-10-19')), activeAt(helpCenter, day('2023-10-20'))]).toEqual([false, true]);
    // Known from a month: from its last day.
    const month = sub(2, { since: '2019', knownFrom: '2022-04' });
    expect([activeAt(month, day('2022-04-29')), activeAt(month, day('2022-04-30'))]).toEqual([false, true]);
    // Announced before it starts: from its start.
    const announced = sub(3, { since: '2024-03-01', knownFrom: '2024-01-15' });
    expect([activeAt(announced, day('2024-02-29')), activeAt(announced, day('2024-03-01'))]).toEqual([false, true]);
  });

  it('leaves out MFA records not yet known on the day', () => {
    const posture = { items: [mfa('admins', '2022-08-09'), mfa('support', '2022-08-09', 'https://later.example', '2023-11')] };
    const e = factorEvidence(factor('mfa'), facts({ mfa: posture }), '2023-10-31');
    expect(e).toMatchObject({ what: 'Assessed 9 Aug 2022', note: '4 of 5 populations: no evidence' });
  });

  it('says "no evidence" for an unknown support chain', () => {
    expect(factorEvidence(factor('support', [null], false), facts(), '2024-01-01')).toMatchObject({
      none: true,
      what: 'No evidence: no support arrangement on record',
    });
  });

  it('names a questionnaire answer behind the newest MFA record in words, never as an object', () => {
    const answered = { ...mfa('workforce', '2023-09'), source: { kind: 'questionnaire' as const, requestId: 12, questionId: 'mfa-workforce-method' } };
    const e = factorEvidence(factor('mfa'), facts({ mfa: { items: [mfa('admins', '2022-08-09'), answered] } }), '2023-10-31');
    expect(e.source).toBe('Questionnaire request 12, question mfa-workforce-method');
  });

  it('spans MFA evidence from the oldest to the newest assessment, aged by the oldest, with the newest source', () => {
    const posture = { items: [mfa('admins', '2022-08-09'), mfa('workforce', '2023-09', 'https://new.example'), mfa('support', '2030-01-01')] };
    const e = factorEvidence(factor('mfa'), facts({ mfa: posture }), '2023-10-31');
    expect(e).toMatchObject({ what: 'Assessed 9 Aug 2022 to Sep 2023', ageDays: 448, age: '15 months old', source: 'https://new.example' });
    // The 2030 record was not valid yet: three populations have no evidence.
    expect(e.note).toBe('3 of 5 populations: no evidence');
  });

  it('says "no evidence" for MFA with no record by the day', () => {
    expect(factorEvidence(factor('mfa'), facts(), '2023-10-31')).toMatchObject({
      none: true,
      what: 'No evidence: no MFA record by this day',
      note: '5 of 5 populations: no evidence',
    });
  });
});
