import { describe, expect, it } from 'vitest';
import { agreedFor, dossierDownloads, leftOutLine, printHref } from '../../web/dossier-paper.ts';

const review = (conditions: Array<{ findingId: string | null; text: string; state: 'open' | 'met' | 'waived' }>) =>
  ({ review: { status: {}, decisions: [{ conditions }] } }) as unknown as Parameters<typeof agreedFor>[0];

describe('the dossier on paper', () => {
  it('links the downloads and the print view, keeping the day', () => {
    expect(dossierDownloads('/api/v1', 3, '2023-10-31')).toEqual({
      md: '/api/v1/vendors/3/dossier?format=md&asOf=2023-10-31',
      json: '/api/v1/vendors/3/dossier?download=1&asOf=2023-10-31',
    });
    expect(dossierDownloads('/api/v1', 3, '')).toEqual({ md: '/api/v1/vendors/3/dossier?format=md', json: '/api/v1/vendors/3/dossier?download=1' });
    expect(printHref(3, '')).toBe('/vendors/3/print');
    expect(printHref(3, '2023-10-31')).toBe('/vendors/3/print?asOf=2023-10-31');
  });

  it("names a finding's agreed conditions with their state, or none", () => {
    const d = review([
      { findingId: 'f1', text: 'Enforce FIDO2', state: 'open' },
      { findingId: 'f2', text: 'Sanitize HAR files', state: 'met' },
      { findingId: 'f1', text: 'Annual audit', state: 'waived' },
    ]);
    const label = (s: string) => s.toUpperCase();
    expect(agreedFor(d, 'f1', label)).toBe('Enforce FIDO2 (OPEN); Annual audit (WAIVED)');
    expect(agreedFor(d, 'f3', label)).toBe('None agreed');
  });

  it('says what was recorded after the day and left out, or nothing', () => {
    const none = { incidents: 0, supportChain: 0, mfa: 0, statements: 0, decisions: 0 };
    expect(leftOutLine({ asOf: '2023-10-19', leftOut: none })).toBe('');
    expect(leftOutLine({ asOf: '2023-10-19', leftOut: { ...none, incidents: 1, mfa: 2 } })).toBe(
      'Recorded after 2023-10-19 and left out: 1 incident, 2 MFA records.',
    );
  });
});
