/**
 * The report's documented shapes are its real shapes: every answer parses with the strict schemas
 * the OpenAPI document is written from, so a field cannot be added without being described.
 */
import { describe, expect, it } from 'vitest';
import { quarterlyReport, refreezeResult, reportSnapshot, reportSnapshots } from '../../../server/http/schemas/report.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

describe('the quarterly report’s documented shapes', () => {
  it('describe every view, the history, a snapshot and a refreeze exactly', async () => {
    const { http, idOf } = demoApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Engaged in 2022', engagedSince: '2022-06-01' }));
    await http.post(`/api/v1/vendors/${idOf('Okta')}/incidents`).send(
      incidentBody({
        ref: 'b',
        intrusionStartDate: '2023-11-01',
        detectedByVendorDate: '2023-11',
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2023-11-15',
      }),
    );
    for (const path of ['2023-Q4', '2023-Q4?vs=2021-Q4', '2023-Q4?view=restated&vs=2022-Q4', '2026-Q4', '2019-Q1']) {
      const r = (await http.get(`/api/v1/reports/quarterly/${path}`)).body;
      const parsed = quarterlyReport.safeParse(r);
      expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
    }
    const refreeze = (await http.post('/api/v1/reports/quarterly/2023-Q4/refreeze')).body;
    expect(refreezeResult.safeParse(refreeze).error).toBeUndefined();
    const history = (await http.get('/api/v1/reports/quarterly/2023-Q4/snapshots')).body;
    expect(reportSnapshots.safeParse(history).error).toBeUndefined();
    expect(reportSnapshot.safeParse((await http.get(`/api/v1/reports/quarterly/2023-Q4/snapshots/${history.items[1].id}`)).body).error).toBeUndefined();
  });

  it('are in the OpenAPI document, with the view parameter and the new routes', async () => {
    const { http } = demoApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const get = doc.paths['/api/v1/reports/quarterly/{quarter}'].get;
    expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(['quarter', 'format', 'vs', 'view', 'appendix']);
    expect(get.parameters.find((p: { name: string }) => p.name === 'view').schema.enum).toEqual(['frozen', 'restated']);
    const schema = get.responses['200'].content['application/json'].schema;
    const report = doc.components.schemas[schema.$ref.split('/').at(-1)];
    for (const field of ['view', 'snapshotId', 'generatedAt', 'comparison', 'restatement'])
      expect(report.properties[field]?.description ?? report.properties[field]?.$ref, field).toBeTruthy();
    expect(report.properties.newIncidents.items.properties.lagApproximate.description).toMatch(/≈/);
    expect(doc.paths['/api/v1/reports/quarterly/{quarter}/refreeze'].post.responses['409']).toBeDefined();
    expect(doc.paths['/api/v1/reports/quarterly/{quarter}/snapshots'].get).toBeDefined();
    expect(doc.paths['/api/v1/reports/quarterly/{quarter}/snapshots/{id}'].get.responses['404']).toBeDefined();
  });
});
