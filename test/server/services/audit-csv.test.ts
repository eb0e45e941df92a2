import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditEntry } from '../../../server/domain/account.ts';
import { auditToCsv } from '../../../server/services/audit-csv.ts';
import { parseCsv, unneutralize } from '../../../server/services/imports/csv.ts';

const entry = (o: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 1,
  at: '2026-11-01T08:00:00.000Z',
  actor: 'ana@example.com',
  actorId: 2,
  via: 'session',
  action: 'update',
  entity: 'vendor',
  entityId: 3,
  entityName: 'Okta',
  vendorId: 3,
  vendorName: 'Okta',
  vendorDeleted: false,
  before: { tier: 1 },
  after: { tier: 2 },
  ...o,
});

describe('the audit log as CSV', () => {
  it('writes one row per entry, names beside ids, before and after as JSON', () => {
    const [head, row] = parseCsv(auditToCsv([entry()]));
    expect(head!.cells).toEqual([
      'id',
      'at',
      'actor',
      'actorId',
      'via',
      'action',
      'entity',
      'entityId',
      'entityName',
      'vendorId',
      'vendorName',
      'vendorDeleted',
      'before',
      'after',
    ]);
    expect(row!.cells).toEqual([
      '1',
      '2026-11-01T08:00:00.000Z',
      'ana@example.com',
      '2',
      'session',
      'update',
      'vendor',
      '3',
      'Okta',
      '3',
      'Okta',
      'false',
      '{"tier":1}',
      '{"tier":2}',
    ]);
  });

  it('leaves the vendor cells empty for an entry about no vendor', () => {
    const [, row] = parseCsv(auditToCsv([entry({ entity: 'user', vendorId: null, vendorName: null, entityName: 'viv@example.com', before: null })]));
    expect(row!.cells.slice(9, 13)).toEqual(['', '', '', '']);
  });

  it('reads back as written, whatever the names and values hold (commas, quotes, line breaks, formulas)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.jsonValue(), (actor, name, after) => {
        const [, row] = parseCsv(auditToCsv([entry({ actor: `x${actor}`, entityName: `y${name}`, after: after ?? 0 })]));
        expect(row!.cells[2]).toBe(`x${actor}`);
        expect(row!.cells[8]).toBe(`y${name}`);
        expect(JSON.parse(unneutralize(row!.cells[13]!))).toEqual(JSON.parse(JSON.stringify(after ?? 0)));
      }),
    );
  });
});
