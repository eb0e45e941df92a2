import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_MAX_ROWS, auditCsvHref, auditDiff, auditFiltersOf, describeEntry, meaningfulChanges, showValue, vendorLabel } from '../../web/audit.ts';
import { AUDIT_CSV_MAX_ROWS as SERVER_CSV_MAX } from '../../server/services/audit-csv.ts';

describe('auditDiff', () => {
  it('lists only the fields that changed, old and new, and counts the rest', () => {
    const before = { name: 'Acme', tier: 1, website: null };
    const after = { name: 'Acme', tier: 2, website: 'https://acme.example' };
    expect(auditDiff(before, after)).toEqual({
      changes: [
        { path: 'tier', kind: 'changed', before: 1, after: 2 },
        { path: 'website', kind: 'changed', before: null, after: 'https://acme.example' },
      ],
      unchanged: 1,
    });
  });

  it('shows a created record as all added, a deleted one as all removed', () => {
    expect(auditDiff(null, { email: 'a@example.com', role: 'viewer' }).changes.map((c) => [c.path, c.kind, c.after])).toEqual([
      ['email', 'added', 'a@example.com'],
      ['role', 'added', 'viewer'],
    ]);
    expect(auditDiff({ name: 'ci' }, null)).toEqual({ changes: [{ path: 'name', kind: 'removed', before: 'ci', after: undefined }], unchanged: 0 });
  });

  it('enters nested objects and compares arrays whole', () => {
    const before = { relationship: { tier: 1, dataAccess: 'restricted' }, sources: ['a'] };
    const after = { relationship: { tier: 1, dataAccess: 'internal' }, sources: ['a', 'b'] };
    expect(auditDiff(before, after).changes).toEqual([
      { path: 'relationship.dataAccess', kind: 'changed', before: 'restricted', after: 'internal' },
      { path: 'sources', kind: 'changed', before: ['a'], after: ['a', 'b'] },
    ]);
    expect(auditDiff({ sources: ['a'] }, { sources: ['a'] })).toEqual({ changes: [], unchanged: 1 });
  });

  it('notices fields that appear or disappear', () => {
    expect(auditDiff({ a: 1 }, { b: 2 }).changes.map((c) => `${c.path}:${c.kind}`)).toEqual(['a:removed', 'b:added']);
  });

  it('has nothing to show when neither side was recorded', () => {
    expect(auditDiff(null, null)).toEqual({ changes: [], unchanged: 0 });
  });

  it('handles a bare value on either side', () => {
    expect(auditDiff(null, 'x').changes).toEqual([{ path: '(value)', kind: 'added', before: undefined, after: 'x' }]);
  });
});

describe('meaningfulChanges', () => {
  it('leaves out the updatedAt every change touches', () => {
    const { changes } = auditDiff({ tier: 1, updatedAt: '2026-01-01T00:00:00.000Z' }, { tier: 2, updatedAt: '2026-01-02T00:00:00.000Z' });
    expect(meaningfulChanges(changes).map((c) => c.path)).toEqual(['tier']);
  });
});

describe('showValue', () => {
  it('writes strings bare, the rest as JSON, and absence as a dash', () => {
    expect([showValue('Okta'), showValue(3), showValue(null), showValue(false), showValue(['a', 1]), showValue(undefined)]).toEqual([
      'Okta',
      '3',
      'null',
      'false',
      '["a",1]',
      '—',
    ]);
  });
});

describe('describeEntry', () => {
  it('says what an entry did, in words', () => {
    expect(describeEntry({ action: 'update', entity: 'vendor', entityId: 3 })).toBe('Updated vendor #3');
    expect(describeEntry({ action: 'create', entity: 'methodology', entityId: '1.1.0' })).toBe('Created methodology #1.1.0');
    expect(describeEntry({ action: 'sign-in', entity: 'session', entityId: 12 })).toBe('Signed in (session #12)');
    expect(describeEntry({ action: 'sign-in-failed', entity: 'session', entityId: null })).toBe('Failed sign-in');
    expect(describeEntry({ action: 'create-first-admin', entity: 'user', entityId: 1 })).toBe('Created the first admin, user #1');
    expect(describeEntry({ action: 'archive', entity: 'vendor', entityId: 2 })).toBe('archive vendor #2');
  });
});

describe('the audit filters in the URL and the CSV link', () => {
  it('reads the filters from the URL, leaving out empty and unknown ones', () => {
    expect(auditFiltersOf(new URLSearchParams('entity=incident&entityId=4&vendorId=&actor=ana%40example.com&offset=50&x=1'))).toEqual({
      entity: 'incident',
      entityId: '4',
      actor: 'ana@example.com',
    });
  });

  it('downloads the same filters as CSV (never the page)', () => {
    expect(auditCsvHref({ vendorId: '3', from: '2026-11-01', to: '2026-11-30' })).toBe('/api/v1/audit?vendorId=3&from=2026-11-01&to=2026-11-30&format=csv');
    expect(auditCsvHref({})).toBe('/api/v1/audit?format=csv');
    expect(AUDIT_CSV_MAX_ROWS).toBe(SERVER_CSV_MAX);
  });

  it('names a vendor, says when it is gone, and falls back to its id', () => {
    expect(vendorLabel({ vendorId: 3, vendorName: 'Okta', vendorDeleted: false })).toBe('Okta');
    expect(vendorLabel({ vendorId: 3, vendorName: 'Okta', vendorDeleted: true })).toBe('Okta (deleted)');
    expect(vendorLabel({ vendorId: 7, vendorName: null, vendorDeleted: true })).toBe('vendor #7 (deleted)');
    expect(vendorLabel({ vendorId: null, vendorName: null, vendorDeleted: false })).toBe('');
  });
});
