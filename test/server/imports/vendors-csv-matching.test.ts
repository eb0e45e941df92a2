/**
 * How a CSV row finds the vendor it updates: by `id`, or by name or alias (case and spacing
 * ignored); never by website domain alone, which only makes it a possible duplicate.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

type Http = ReturnType<typeof testApp>['http'];
const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';
const csv = (header: string, ...rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';
const upload = (http: Http, body: string, qs = '') => http.post(`/api/v1/import/vendors${qs}`).set('Content-Type', 'text/csv').send(body);

describe('a row whose website domain alone matches a vendor (the observed bug)', () => {
  it('"Duo Security Alt, https://duo.com" neither renames Cisco Duo nor moves it from tier 1 to 3', async () => {
    const { http, db } = testApp();
    const duo = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Cisco Duo', website: 'https://duo.com', tier: 1 }))).body;
    const body = csv(HEADER, 'Duo Security Alt,identity provider,https://duo.com,3,internal,user,,,,');
    const res = await expectNoWrite(db, () => upload(http, body));
    expectProblem(res, 409, 'import-possible-duplicates');
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'website', duplicateOf: { vendorId: duo.id, name: 'Cisco Duo', domain: 'duo.com' } })]);
    expect(res.body.errors[0].message).toContain('possible duplicate of Cisco Duo');
    expect((await http.get(`/api/v1/vendors/${duo.id}`)).body).toMatchObject({ name: 'Cisco Duo', tier: 1 });
  });
});
