/** The dossier's documents, PURE: the form's metadata per kind, details and expiry in words, refusals by field. */
import { describe, expect, it } from 'vitest';
import { detailsText, expiryOf, KIND_FIELDS, metaFromForm, sizeText, uploadErrors } from '../../web/documents.ts';
import { evidenceTargets } from '../../web/evidence.ts';

describe('the upload form', () => {
  it('sends the kind and its fields: numbers as numbers, the bridge letter as a tick, empty optional fields left out', () => {
    const form: Record<string, string> = {
      type: 'type2',
      periodStart: '2025-07-01',
      periodEnd: '2026-06-30',
      auditor: ' Example LLP ',
      exceptions: '2',
      bridgeLetter: 'yes',
      title: '',
    };
    expect(metaFromForm('soc2', (n) => form[n] ?? null)).toEqual({
      kind: 'soc2',
      type: 'type2',
      periodStart: '2025-07-01',
      periodEnd: '2026-06-30',
      auditor: 'Example LLP',
      exceptions: 2,
      bridgeLetter: true,
    });
    expect(metaFromForm('soc2', (n) => (n === 'bridgeLetter' ? null : (form[n] ?? null)))).toMatchObject({ bridgeLetter: false });
    expect(metaFromForm('other', (n) => ({ title: 'Whitepaper', date: '' })[n] ?? null)).toEqual({ kind: 'other', title: 'Whitepaper' });
  });

  it('sends a required field left empty as empty, so that the server names it', () => {
    expect(metaFromForm('iso27001', () => '')).toEqual({ kind: 'iso27001', certificateNumber: '', expiresOn: '' });
    expect(metaFromForm('soc2', (n) => (n === 'exceptions' ? 'many' : null))).toMatchObject({ exceptions: 'many' });
  });

  it('has for every kind the fields the API takes', () => {
    expect(Object.fromEntries(Object.entries(KIND_FIELDS).map(([k, fs]) => [k, fs.map((f) => f.name)]))).toEqual({
      soc2: ['type', 'periodStart', 'periodEnd', 'auditor', 'exceptions', 'bridgeLetter', 'title'],
      iso27001: ['certificateNumber', 'expiresOn', 'title'],
      pentest: ['testedOn', 'scope', 'title'],
      other: ['title', 'date'],
    });
  });

  it("places the server's refusals beside the fields", () => {
    expect(
      uploadErrors([
        { path: 'body.meta.periodEnd', message: 'the period starts after it ends' },
        { path: 'body.file', message: 'not a PDF, PNG, JPEG or plain text file' },
        { path: 'body.meta', message: 'not valid JSON' },
        { path: 'query.x', message: 'unknown' },
      ]),
    ).toEqual({
      periodEnd: 'Period end: the period starts after it ends.',
      file: 'The file is not a PDF, PNG, JPEG or plain text file.',
      meta: 'The metadata is not valid JSON.',
    });
  });
});

describe('a document in words', () => {
  it('says its details per kind', () => {
    expect(
      detailsText({
        kind: 'soc2',
        details: { type: 'type1', periodStart: '2026-01-01', periodEnd: '2026-01-01', auditor: 'A LLP', exceptions: 1, bridgeLetter: false },
      }),
    ).toBe('Type I · 2026-01-01 to 2026-01-01 · A LLP · 1 exception · no bridge letter');
    expect(detailsText({ kind: 'iso27001', details: { certificateNumber: 'IS 7' } })).toBe('Certificate IS 7');
    expect(detailsText({ kind: 'pentest', details: { testedOn: '2026-09-15', scope: 'Web app' } })).toBe('Tested 2026-09-15 · Web app');
    expect(detailsText({ kind: 'other', details: { title: 'x', date: null } })).toBe('Undated');
  });

  it('says whether it expired, expires within 30 days, or is valid, in words', () => {
    expect(expiryOf({ expiresOn: '2026-11-28', expired: true }, '2026-11-29')).toEqual({ state: 'expired', text: 'Expired on 2026-11-28' });
    expect(expiryOf({ expiresOn: '2026-11-30', expired: false }, '2026-11-29')).toEqual({ state: 'expiring', text: 'Expires on 2026-11-30, in 1 day' });
    expect(expiryOf({ expiresOn: '2026-12-29', expired: false }, '2026-11-29').state).toBe('expiring');
    expect(expiryOf({ expiresOn: '2026-12-30', expired: false }, '2026-11-29')).toEqual({ state: 'valid', text: 'Valid until 2026-12-30' });
    expect(expiryOf({ expiresOn: null, expired: false }, '2026-11-29')).toEqual({ state: 'none', text: 'Does not expire' });
  });

  it('sizes files', () => {
    expect([sizeText(812), sizeText(2048), sizeText(20 * 1024 * 1024)]).toEqual(['812 bytes', '2.0 KB', '20.0 MB']);
  });

  it('is a target of the gaps and review reasons that name it', () => {
    const t = evidenceTargets([], [], [], [{ id: 4, kind: 'soc2', fileName: 'soc2.pdf', knownFrom: '2026-11-29' }]);
    expect(t.get('document:4')).toEqual({ anchor: 'document-4', label: 'Document: soc2.pdf', dates: 'known from 2026-11-29' });
  });
});
