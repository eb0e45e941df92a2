/**
 * Vendors a VERIS import creates (not engaged) stay out of the portfolio by default, and are
 * findable: the heatmap's `status` filter, and the vendor search, which covers every vendor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { expectProblem, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

const NHS = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb', '00204495-81A8-4D51-B4FE-896AA0F89DA2.json'), 'utf8');

async function portfolio() {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Okta', status: 'approved' }));
  await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Sitel', website: null, status: 'under-review', tier: 2 }));
  await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Old Payroll', website: null, status: 'offboarded', tier: 3 }));
  expect((await t.http.post('/api/v1/import/veris').set('Content-Type', 'application/json').send(NHS)).body.vendorsCreated).toBe(1);
  return t;
}
const names = (res: { body: { rows: Array<{ name: string }> } }) => res.body.rows.map((r) => r.name).sort();

describe('GET /api/v1/portfolio/heatmap?status=', () => {
  it('shows the engaged vendors by default, and so does status=engaged', async () => {
    const { http } = await portfolio();
    expect(names(await http.get('/api/v1/portfolio/heatmap'))).toEqual(['Okta', 'Old Payroll', 'Sitel']);
    expect(names(await http.get('/api/v1/portfolio/heatmap?status=engaged'))).toEqual(['Okta', 'Old Payroll', 'Sitel']);
  });

  it('finds the not-engaged vendors a VERIS import created, one status at a time or all of them', async () => {
    const { http } = await portfolio();
    const notEngaged = await http.get('/api/v1/portfolio/heatmap?status=not-engaged');
    expect(notEngaged.body.rows).toEqual([expect.objectContaining({ name: 'NHS England', status: 'not-engaged' })]);
    expect(names(await http.get('/api/v1/portfolio/heatmap?status=all'))).toEqual(['NHS England', 'Okta', 'Old Payroll', 'Sitel']);
    expect(names(await http.get('/api/v1/portfolio/heatmap?status=under-review'))).toEqual(['Sitel']);
  });

  it('refuses a status that is not one', async () => {
    const { http } = testApp();
    expectProblem(await http.get('/api/v1/portfolio/heatmap?status=engagd'), 400, 'validation-failed');
  });
});

describe('GET /api/v1/vendors?q=', () => {
  it('covers every vendor, not-engaged ones included, by name and by alias', async () => {
    const { http } = await portfolio();
    const nhs = (await http.get('/api/v1/vendors?q=nhs')).body.items;
    expect(nhs).toEqual([expect.objectContaining({ name: 'NHS England', status: 'not-engaged' })]);
    await http.patch(`/api/v1/vendors/${nhs[0].id}`).send({ aliases: ['National Health Service'] });
    expect((await http.get('/api/v1/vendors?q=health%20service')).body.items.map((v: { name: string }) => v.name)).toEqual(['NHS England']);
    expect((await http.get('/api/v1/vendors?q=old')).body.items.map((v: { name: string }) => v.name)).toEqual(['Old Payroll']);
  });
});
