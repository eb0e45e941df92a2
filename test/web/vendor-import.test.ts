import { describe, expect, it } from 'vitest';
import type { VendorImport } from '../../web/api/client.ts';
import { changeText, changeValue, somethingToImport, undecided, vendorsToWrite } from '../../web/vendor-import.ts';

const report = (o: Partial<VendorImport> = {}): VendorImport => ({
  dryRun: true,
  created: 0,
  updated: 0,
  unchanged: 0,
  duplicates: 0,
  invalid: 0,
  rows: [],
  errors: [],
  errorsTotal: 0,
  skipped: [],
  skippedTotal: 0,
  expectVersions: '',
  ...o,
});

describe('a CSV update’s changes in words', () => {
  it('show each field with the labels the app uses, old → new', () => {
    expect(changeText({ field: 'tier', from: 1, to: 3 })).toBe('Tier: Tier 1 → Tier 3');
    expect(changeText({ field: 'environmentAccess', from: 'identity-provider', to: 'user' })).toBe(
      'Access into our environment: Identity provider for everything → User-level',
    );
    expect(changeText({ field: 'status', from: 'not-engaged', to: 'under-review' })).toBe('Review status: Not engaged → Under review');
    expect(changeText({ field: 'dataAccess', from: 'restricted', to: 'internal' })).toBe('Data access: Restricted data → Internal data');
    expect(changeText({ field: 'name', from: 'Cisco Duo', to: 'Duo Security' })).toBe('Name: Cisco Duo → Duo Security');
    expect(changeText({ field: 'aliases', from: [], to: ['Microsoft Corp', 'MSFT'] })).toBe('Also known as: none → Microsoft Corp; MSFT');
    expect(changeText({ field: 'engagedSince', from: '2020-01-01', to: '2026-11-29' })).toBe('Engaged since: 1 Jan 2020 → 29 Nov 2026');
    expect(changeValue('businessOwner', null)).toBe('none');
    expect(changeValue('notes', 'x'.repeat(100))).toHaveLength(81);
  });
});

describe('what a confirmed CSV import would write', () => {
  const rows = [
    { row: 2, action: 'duplicate' as const, name: 'Duo Alt', vendorId: null, duplicateOf: { vendorId: 4, name: 'Cisco Duo', domain: 'duo.com' } },
    { row: 3, action: 'unchanged' as const, name: 'B', vendorId: 1, changes: [] },
  ];

  it('counts the possible duplicates only when they are to be created', () => {
    const r = report({ created: 1, updated: 2, duplicates: 1, rows });
    expect(undecided(r)).toBe(1);
    expect(vendorsToWrite(r)).toBe(3);
    expect(vendorsToWrite(r, 'skip')).toBe(3);
    expect(vendorsToWrite(r, 'create')).toBe(4);
  });

  it('has something to import when a row creates, updates, or waits for the duplicate choice', () => {
    expect(somethingToImport(report({ unchanged: 1, rows: [rows[1]!] }))).toBe(false);
    expect(somethingToImport(report({ duplicates: 1, rows }))).toBe(true);
    expect(somethingToImport(report({ updated: 1 }))).toBe(true);
  });
});
