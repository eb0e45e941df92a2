/**
 * The audit log names what it concerns (the vendor, the user, the record), filters by vendor, and
 * downloads as CSV with the same filters. The basics (who, when, before/after, filters by entity,
 * actor and days) are auth/audit.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/services/imports/csv.ts';
import { AUDIT_CSV_MAX_ROWS } from '../../../server/services/audit-csv.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { DAY, testClock } from '../../helpers/clock.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

type Entry = {
  action: string;
  entity: string;
  entityId: number | string | null;
  entityName: string | null;
  vendorId: number | null;
  vendorName: string | null;
  vendorDeleted: boolean;
};

/** Rows of a CSV download as objects by header. */
const rowsOf = (text: string) => {
  const [head, ...rest] = parseCsv(text);
  return rest.map((r) => Object.fromEntries(head!.cells.map((h, i) => [h, r.cells[i]!])));
};

describe('the audit log, named and exported', () => {
  it('names the vendor (as it is called now) and the record beside their ids', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Identity' }));
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody({ title: 'Support system breach' }));
    await http.patch('/api/v1/vendors/1').send({ name: 'Acme ID' });
    await http.post('/api/v1/users').send({ email: 'viv@example.com', password: 'quiet violet harbour 9', role: 'viewer' });
    const items: Entry[] = (await http.get('/api/v1/audit?limit=10')).body.items;
    const incident = items.find((e) => e.entity === 'incident')!;
    expect(incident).toMatchObject({ vendorId: 1, vendorName: 'Acme ID', vendorDeleted: false, entityName: 'Support system breach' });
    // The vendor's first entry carries its name now, not the one it had then.
    expect(items.find((e) => e.entity === 'vendor' && e.action === 'create')).toMatchObject({ entityName: 'Acme ID', vendorName: 'Acme ID' });
    expect(items.find((e) => e.entity === 'user' && e.action === 'create')).toMatchObject({ entityName: 'viv@example.com', vendorId: null, vendorName: null });
  });

  it("keeps a deleted vendor's name, and never lends it to a new vendor that reuses the id", async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Gone Ltd' }));
    await http.delete('/api/v1/vendors/1');
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Newcomer' }));
    const items: Entry[] = (await http.get('/api/v1/audit?entity=vendor')).body.items;
    const summary = items.map((e) => `${e.action} #${e.entityId} ${e.vendorName} ${e.vendorDeleted ? 'deleted' : 'live'}`);
    const newId = items[0]!.vendorId;
    expect(summary).toEqual([`create #${newId} Newcomer live`, 'delete #1 Gone Ltd deleted', 'create #1 Gone Ltd deleted']);
  });

  it("filters by vendor: its own entries and those of what it owns, and nobody else's", async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'A' }));
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'B' }));
    await http.post('/api/v1/vendors/2/incidents').send(incidentBody());
    const { items, total } = (await http.get('/api/v1/audit?vendorId=2')).body;
    expect(total).toBe(2);
    expect(items.map((e: Entry) => `${e.action} ${e.entity} ${e.vendorName}`)).toEqual(['create incident B', 'create vendor B']);
  });

  it('exports the filtered log as a CSV attachment, names beside ids, cells a spreadsheet will not run', async () => {
    const clock = testClock('2026-11-01T08:00:00.000Z');
    const { http: first, as, db } = testApp({ clock });
    await first.post('/api/v1/vendors').send(vendorBody({ name: '=HYPERLINK("x")' }));
    clock.advance(2 * DAY);
    const http = as('admin', 'root@example.com'); // a fresh session: the first one has idled out
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Later, Inc.' }));
    await http.post('/api/v1/vendors/2/incidents').send(incidentBody());
    const res = await expectNoWrite(db, () => http.get('/api/v1/audit?format=csv&entity=vendor'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-log-2026-11-03.csv"');
    const rows = rowsOf(res.text);
    expect(rows.map((r) => [r.action, r.entity, r.entityId, r.vendorName])).toEqual([
      ['create', 'vendor', '2', 'Later, Inc.'],
      ['create', 'vendor', '1', `'=HYPERLINK("x")`],
    ]);
    expect(rows[0]).toMatchObject({ actor: 'root@example.com', via: 'session', entityName: 'Later, Inc.', vendorDeleted: 'false', before: '' });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ name: 'Later, Inc.', tier: 1 });
    // The same filters as the page: days, actor, vendor; limit and offset do not cut the file.
    const csv = async (qs: string) => rowsOf((await http.get(`/api/v1/audit?format=csv&${qs}`)).text);
    expect((await csv('from=2026-11-02&vendorId=2')).map((r) => r.entity)).toEqual(['incident', 'vendor']);
    expect((await csv('to=2026-11-01&entity=vendor')).map((r) => r.entityId)).toEqual(['1']);
    expect((await csv('actor=nobody@example.com')).length).toBe(0);
    expect((await csv('entity=vendor&limit=1&offset=1')).length).toBe(2);
    expect(AUDIT_CSV_MAX_ROWS).toBeGreaterThanOrEqual(1000);
  });

  it('refuses a bad format or vendor, for admins only, and writes nothing', async () => {
    const { http, as, db } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody());
    const analyst = as('analyst');
    await expectNoWrite(db, async () => {
      const bad = await http.get('/api/v1/audit?format=xlsx&vendorId=abc');
      expectProblem(bad, 400, 'validation-failed');
      expect(failingPaths(bad).sort()).toEqual(['query.format', 'query.vendorId']);
      expectProblem(await analyst.get('/api/v1/audit?format=csv'), 403, 'forbidden');
    });
  });
});
