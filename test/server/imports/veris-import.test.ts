import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { VERIS_ATTRIBUTION } from '../../../server/services/imports/veris-map.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';

const DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const sample = files.map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, any>);
const one = (id: string) => structuredClone(sample.find((r) => r.incident_id === id)!);
const post = (http: ReturnType<typeof testApp>['http'], body: string, type = 'application/json') =>
  http.post('/api/v1/import/veris').set('Content-Type', type).send(body);

describe('POST /api/v1/import/veris', () => {
  it('imports the whole sample, and the counts match ones computed from the files', async () => {
    const { http } = testApp();
    const res = await post(http, JSON.stringify(sample));
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toMatchObject({ created: 155, updated: 0, errors: [] });

    // Independently from the files: incidents per year, and incidents with a partner actor.
    const perYear = new Map<number, number>();
    for (const r of sample) perYear.set(r.timeline.incident.year, (perYear.get(r.timeline.incident.year) ?? 0) + 1);
    for (const [year, n] of perYear) {
      const page = (await http.get(`/api/v1/incidents?source=veris&year=${year}&limit=1`)).body;
      expect(page.total, String(year)).toBe(n);
    }
    const partner = sample.filter((r) => r.actor.partner).length;
    const all = (await http.get('/api/v1/incidents?source=veris&limit=1000')).body;
    expect(all.total).toBe(155);
    expect(all.items.filter((i: { supportInvolvementType: string }) => i.supportInvolvementType === 'external-contractor')).toHaveLength(partner);
    expect(partner).toBe(57);
    // Victims became vendors, kept out of the portfolio until engaged.
    const victims = new Set(
      sample
        .map((r) => (r.victim?.victim_id ?? '').trim())
        .filter((v: string) => v && v !== 'Unknown')
        .map((v: string) => v.replace(/\s+/g, ' ').toLowerCase()),
    );
    expect(res.body.vendorsCreated).toBe(victims.size + 1); // + the shared "unidentified organisation"
    expect((await http.get('/api/v1/portfolio/heatmap')).body.rows).toHaveLength(0);
  });

  it('maps a record: victim as vendor, dates at their precision, partner, references, and the attribution', async () => {
    const { http } = testApp();
    const r = one('00204495-81A8-4D51-B4FE-896AA0F89DA2');
    expect((await post(http, JSON.stringify(r))).body.created).toBe(1);
    const [incident] = (await http.get('/api/v1/incidents?source=veris')).body.items;
    expect(incident).toMatchObject({
      title: 'Outsourced courier company delivers wrong PHI',
      intrusionStartDate: '2016-05-26',
      publicDisclosureDate: '2016-05-26',
      supportInvolved: true,
      supportSubprocessor: 'CitySprint',
      firstReportedBy: 'External: Customer',
      source: { format: 'veris', id: '00204495-81A8-4D51-B4FE-896AA0F89DA2', attribution: VERIS_ATTRIBUTION },
    });
    expect(incident.sources).toHaveLength(2);
    expect(incident.notes).toContain('CC BY-SA 4.0');
    const vendor = (await http.get(`/api/v1/vendors/${incident.vendorId}`)).body;
    expect(vendor).toMatchObject({ name: 'NHS England', status: 'not-engaged', category: 'health care' });
  });

  it('updates rather than duplicates on a second import, matching ids in any case', async () => {
    const { http } = testApp();
    const r = one('00204495-81A8-4D51-B4FE-896AA0F89DA2');
    await post(http, JSON.stringify(r));
    r.incident_id = r.incident_id.toLowerCase();
    r.summary = 'A corrected summary.';
    const again = await post(http, JSON.stringify(r));
    expect(again.body).toMatchObject({ created: 0, updated: 1, vendorsCreated: 0 });
    const items = (await http.get('/api/v1/incidents?source=veris')).body.items;
    expect(items).toHaveLength(1);
    expect(items[0].title).toBe('A corrected summary.');
  });

  it('sets the root cause VERIS states (misuse by an insider) and leaves the rest derived; a second import keeps an analyst’s', async () => {
    const { http } = testApp();
    await post(http, JSON.stringify(one('0125ACA2-17F2-4BBC-AF88-1D21F296457C')));
    await post(http, JSON.stringify(one('00204495-81A8-4D51-B4FE-896AA0F89DA2')));
    const items = (await http.get('/api/v1/incidents?source=veris')).body.items as Array<Record<string, unknown>>;
    const byId = (id: string) => items.find((i) => (i.source as { id: string }).id === id)!;
    expect(byId('0125ACA2-17F2-4BBC-AF88-1D21F296457C')).toMatchObject({ rootCause: 'insider', entryPath: 'employee' });
    const partner = byId('00204495-81A8-4D51-B4FE-896AA0F89DA2');
    expect(partner).toMatchObject({ rootCause: null, entryPath: null, derivedEntryPath: 'subprocessor', derivedRootCause: 'subprocessor-compromise' });
    expect((await http.patch(`/api/v1/incidents/${partner.id}`).send({ rootCause: 'insider' })).status).toBe(200);
    await post(http, JSON.stringify(one('00204495-81A8-4D51-B4FE-896AA0F89DA2')));
    expect((await http.get(`/api/v1/incidents/${partner.id}`)).body.rootCause).toBe('insider');
  });

  it('accepts NDJSON, and treats a repeated id in one request as an update', async () => {
    const { http } = testApp();
    const [a, b] = [sample[0]!, sample[1]!];
    const res = await post(http, [a, b, a].map((r) => JSON.stringify(r)).join('\n'), 'application/x-ndjson');
    expect(res.body).toMatchObject({ created: 2, errors: [] });
  });

  it('matches a victim to an existing vendor by name, ignoring case and spacing', async () => {
    const { http } = testApp();
    const vendor = (
      await http.post('/api/v1/vendors').send({ name: 'nhs  ENGLAND', category: 'health', tier: 2, dataAccess: 'restricted', environmentAccess: 'none' })
    ).body;
    const res = await post(http, JSON.stringify(one('00204495-81A8-4D51-B4FE-896AA0F89DA2')));
    expect(res.body.vendorsCreated).toBe(0);
    expect((await http.get(`/api/v1/vendors/${vendor.id}/incidents`)).body.items).toHaveLength(1);
  });

  it('tolerates the known quirks: "1_3_4", a VERIS 1.2 discovery string, an untrimmed victim, no month', async () => {
    const { http } = testApp();
    const r = one('00204495-81A8-4D51-B4FE-896AA0F89DA2');
    r.schema_version = '1_3_4';
    r.discovery_method = 'Ext - customer';
    r.victim.victim_id = '  NHS England ';
    delete r.timeline.incident.month;
    delete r.timeline.incident.day;
    const res = await post(http, JSON.stringify(r));
    expect(res.body.errors).toEqual([]);
    const [incident] = (await http.get('/api/v1/incidents?source=veris')).body.items;
    expect(incident).toMatchObject({ intrusionStartDate: '2016', intrusionStartPrecision: 'year', firstReportedBy: 'External: Customer' });
  });

  it.each([
    ['an incident year that is not one', (r: any) => (r.timeline.incident.year = 'twenty'), 'records.1.timeline.incident.year'],
    ['an incident date that is not an object', (r: any) => (r.timeline.incident = '2016-05-26'), 'records.1.timeline.incident'],
    ['a victim name that is not text', (r: any) => (r.victim.victim_id = 42), 'records.1.victim.victim_id'],
    ['an unsupported version', (r: any) => (r.schema_version = '2.0'), 'records.1.schema_version'],
  ])('refuses a request with %s (what Vendorscope needs), naming the record and path, and writes nothing', async (_what, spoil, path) => {
    const { http, db } = testApp();
    const bad = structuredClone(sample[1]!);
    spoil(bad);
    const res = await expectNoWrite(db, () => post(http, JSON.stringify([sample[0], bad])));
    expectProblem(res, 400, 'import-invalid');
    expect(failingPaths(res).some((p) => p.startsWith(path))).toBe(true);
    expect(res.body.errors[0]).toMatchObject({ index: 1, id: bad.incident_id });
  });

  it.each([
    ['truncated JSON', JSON.stringify(sample.slice(0, 2)).slice(0, 500), 'application/json'],
    ['a broken NDJSON line', `${JSON.stringify(sample[0])}\n{"incident_id": `, 'application/x-ndjson'],
    ['an empty body', '   ', 'application/json'],
    ['not an object', '[1, "two"]', 'application/json'],
  ])('refuses %s and writes nothing', async (_what, body, type) => {
    const { http, db } = testApp();
    expectProblem(await expectNoWrite(db, () => post(http, body, type)), 400, 'import-invalid');
  });

  it('refuses bad encoding and the wrong content type, writing nothing', async () => {
    const { http, db } = testApp();
    await expectNoWrite(db, async () => {
      expectProblem(
        await http
          .post('/api/v1/import/veris')
          .set('Content-Type', 'application/x-ndjson')
          .send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
        400,
        'bad-encoding',
      );
      expectProblem(await http.post('/api/v1/import/veris').set('Content-Type', 'application/xml').send('<x/>'), 415, 'unsupported-media-type');
    });
  });

  it('needs the analyst role', async () => {
    const { as, db } = testApp();
    const viewer = as('viewer');
    expectProblem(await expectNoWrite(db, () => viewer.post('/api/v1/import/veris').set('Content-Type', 'application/json').send('{}')), 403, 'forbidden');
  });
});
