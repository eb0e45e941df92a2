/** The OpenAPI document describes the imports' parameters and answers (it is generated from the route schemas). */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.ts';

describe('the OpenAPI document of the imports', () => {
  it('describes onDuplicate, onInvalid and dryRun, and the diffs, duplicates, warnings and skipped lists', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const params = (path: string, method = 'post') =>
      Object.fromEntries(doc.paths[path][method].parameters.map((p: { name: string; description: string; schema: unknown }) => [p.name, p]));
    const body = (path: string) => doc.paths[path].post.responses['200'].content['application/json'].schema.properties;

    const csv = params('/api/v1/import/vendors');
    expect(csv.onDuplicate.schema.enum).toEqual(['create', 'skip']);
    expect(csv.onInvalid.schema).toMatchObject({ enum: ['reject', 'skip'], default: 'reject' });
    for (const p of ['dryRun', 'onDuplicate', 'onInvalid']) expect(csv[p].description.length, p).toBeGreaterThan(40);
    const report = body('/api/v1/import/vendors');
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['duplicates', 'invalid', 'skipped', 'skippedTotal', 'rows', 'errors']));
    expect(report.rows.items.properties.changes.description).toContain('diff');
    expect(report.rows.items.properties.duplicateOf.description).toContain('website domain');
    expect(doc.paths['/api/v1/import/vendors'].post.responses['409']).toBeDefined();

    const veris = params('/api/v1/import/veris');
    expect(Object.keys(veris).sort()).toEqual(['dryRun', 'onInvalid']);
    const answer = body('/api/v1/import/veris');
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['warnings', 'warningsTotal', 'skipped', 'skippedTotal', 'invalid', 'records']));
    expect(answer.warnings.description).toContain('first 1,000');

    expect(params('/api/v1/portfolio/heatmap', 'get').status.schema).toMatchObject({
      default: 'engaged',
      enum: expect.arrayContaining(['engaged', 'all', 'not-engaged']),
    });
  });
});
