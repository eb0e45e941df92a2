/** How the mapped answers of CAIQ v4 and SIG Lite sheets are read: never better than they say. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MFA_METHODS } from '../../../../server/domain/vocabulary.ts';
import { ANSWER_KINDS } from '../../../../server/domain/questionnaire-import.ts';
import { mappingFor, namedMethods, readInventory, readMfa, readNotifyDays } from '../../../../server/services/questionnaires/standard-mappings.ts';

const IAM_14_1 =
  'Are processes, procedures, and technical measures for authenticating access ... including multifactor authentication for a least-privileged user and sensitive data access defined, implemented, and evaluated?';

describe('which questions map', () => {
  it('CAIQ by id, guarded by what the question asks', () => {
    expect(mappingFor('caiq', 'IAM-14.1', IAM_14_1)).toEqual({ fact: 'mfa', population: 'admins' });
    expect(mappingFor('caiq', 'SEF-07.2', 'Are security breaches and assumed security breaches reported as per applicable SLAs?')).toEqual({
      fact: 'commitment',
      field: 'notifyWithinDays',
    });
    expect(mappingFor('caiq', 'STA-07.1', 'Is an inventory of all supply chain relationships developed and maintained?')).toEqual({
      fact: 'supply-chain',
      field: 'inventory',
    });
    // Another control under the same id (another CAIQ version): not read as MFA.
    expect(mappingFor('caiq', 'IAM-14.1', 'Are passwords rotated?')).toBeNull();
    expect(mappingFor('caiq', 'IAM-09.1', 'Are administrative access roles segregated?')).toBeNull();
  });

  it('SIG Lite by what the question asks, whatever its number', () => {
    expect(mappingFor('sig', 'SL.75', 'Is two factor authentication required to access the production environment containing scoped data?')).toEqual({
      fact: 'mfa',
      population: 'admins',
    });
    expect(mappingFor('sig', 'H.5.2', 'Is multi-factor authentication required for third parties with remote access?')).toEqual({
      fact: 'mfa',
      population: 'contractors',
    });
    expect(mappingFor('sig', 'H.5.1', 'Is MFA required for all remote access?')).toEqual({ fact: 'mfa', population: 'workforce' });
    expect(mappingFor('sig', 'J.4', 'Are clients notified of a breach of their data?')).toEqual({ fact: 'commitment', field: 'notifyWithinDays' });
    expect(mappingFor('sig', 'SL.73', 'Is remote access permitted?')).toBeNull();
  });
});

describe('reading an MFA answer', () => {
  it('a bare Yes is SMS (the weakest MFA), enforced, with the method marked as not named', () => {
    expect(readMfa('yes', 'Yes\n')).toMatchObject({ method: 'sms', enforced: true, methodNamed: false });
    expect(readMfa('yes', 'Yes\nMFA is available where supported')).toMatchObject({ method: 'sms', enforced: false });
  });
  it('a named method is read, the weakest of several', () => {
    expect(readMfa('yes', 'Yes\nFIDO2 security keys for all admins')).toMatchObject({ method: 'fido2', methodNamed: true, enforced: true });
    expect(readMfa('yes', 'Yes\nPush with number matching; hardware keys for break-glass')).toMatchObject({ method: 'push-number-matching' });
    expect(readMfa('yes', 'Yes\nFIDO2, with SMS as a fallback')).toMatchObject({ method: 'sms' });
    expect(readMfa('yes', 'Yes\nAuthenticator app (TOTP) codes')).toMatchObject({ method: 'totp' });
    expect(readMfa('yes', 'Yes\nDuo push')).toMatchObject({ method: 'push' });
  });
  it('“phishing-resistant” alone names no method', () => {
    expect(readMfa('yes', 'Yes\nPhishing-resistant MFA for privileged users')).toMatchObject({ method: 'sms', methodNamed: false });
  });
  it('No is no MFA; NA, blank and unreadable words are no reading', () => {
    expect(readMfa('no', 'No')).toMatchObject({ method: 'none', enforced: false });
    expect(readMfa('na', 'NA')).toBeNull();
    expect(readMfa('blank', '')).toBeNull();
    expect(readMfa('other', 'Partially')).toBeNull();
    expect(readMfa('other', 'Partially: TOTP for some admins')).toMatchObject({ method: 'totp', enforced: false });
  });

  it('never reads FIDO2 from an answer that does not name it (property)', () => {
    const noFido = fc.string().filter((s) => !/fido|webauthn|passkey|security key|hardware key|yubikey|u2f/i.test(s));
    fc.assert(
      fc.property(fc.constantFrom(...ANSWER_KINDS), noFido, (kind, text) => {
        const r = readMfa(kind, text);
        return r === null || (r.fact === 'mfa' && r.method !== 'fido2');
      }),
    );
  });

  it('never reads a method stronger than the weakest one named (property)', () => {
    const words: Record<string, string> = { sms: 'SMS', totp: 'TOTP', push: 'Duo push.', 'push-number-matching': 'number matching', fido2: 'FIDO2' };
    const named = MFA_METHODS.filter((m) => m !== 'none');
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...named), { minLength: 1 }), (methods) => {
        const r = readMfa('yes', `Yes\n${methods.map((m) => words[m]).join('; ')}`);
        const weakest = Math.min(...methods.map((m) => MFA_METHODS.indexOf(m)));
        return (
          r !== null &&
          r.fact === 'mfa' &&
          MFA_METHODS.indexOf(r.method) === weakest &&
          namedMethods(methods.map((m) => words[m]).join('; ')).length === methods.length
        );
      }),
    );
  });
});

describe('reading a notification commitment', () => {
  it('hours round up to days; the longest period named counts; business days are longer', () => {
    expect(readNotifyDays('yes', 'within 72 hours')).toMatchObject({ days: 3 });
    expect(readNotifyDays('yes', 'within 36 hours')).toMatchObject({ days: 2 });
    expect(readNotifyDays('yes', 'initial notice in 24h, full report within 30 days')).toMatchObject({ days: 30 });
    expect(readNotifyDays('yes', 'within 5 business days')).toMatchObject({ days: 7 });
    expect(readNotifyDays('yes', 'Yes')).toMatchObject({ days: null });
    expect(readNotifyDays('no', 'No')).toMatchObject({ days: null });
    expect(readNotifyDays('na', '')).toBeNull();
  });
  it('an inventory answer is Yes or No, nothing else', () => {
    expect(readInventory('yes')).toMatchObject({ inventory: true });
    expect(readInventory('no')).toMatchObject({ inventory: false });
    expect(readInventory('other')).toBeNull();
  });
});
