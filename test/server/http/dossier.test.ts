import { describe, expect, it } from 'vitest';
import { dossier as dossierSchema } from '../../../server/http/schemas/dossier.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

/** A vendor with an incident disclosed 2023-10-20, a support arrangement and MFA known from 2023-01-15, and a decision with a condition. */
async function withDossier() {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme | Support *Desk*' }));
  await t.http.post('/api/v1/vendors/1/incidents').send(incidentBody({ sources: ['https://example.com/breach'] }));
  await t.http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ knownFrom: '2023-01-15', sources: ['https://example.com/subprocessors'] }));
  await t.http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem({ knownFrom: '2023-01-15' })] });
  const score = (await t.http.get('/api/v1/vendors/1/score')).body;
  const finding = score.findings[0];
  const review = await t.http.post('/api/v1/vendors/1/reviews').send({
    decision: 'approved-with-conditions',
    rationale: 'Fine with | conditions',
    decidedOn: '2024-02-01',
    conditions: [{ findingId: finding.id, owner: 'Sam' }],
  });
  expect(review.status).toBe(201);
  return { ...t, finding };
}

describe('GET /api/v1/vendors/:id/dossier', () => {
  it('answers the whole dossier as JSON: score, findings with their conditions, review, incidents, support chain, MFA, sources', async () => {
    const { http, finding } = await withDossier();
    const res = await http.get('/api/v1/vendors/1/dossier');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    const d = dossierSchema.parse(res.body);
    expect(d).toMatchObject({ asOf: '2026-11-29', vendor: { id: 1, name: 'Acme | Support *Desk*' }, score: { vendorId: 1, asOf: '2026-11-29' } });
    expect(d.score.findings.map((f) => f.id)).toContain(finding.id);
    expect(d.review.status.lastReview).toMatchObject({ decision: 'approved-with-conditions', decidedOn: '2024-02-01' });
    expect(d.review.decisions[0]!.conditions[0]).toMatchObject({ findingId: finding.id, owner: 'Sam', state: 'open' });
    expect(d.incidents.map((i) => i.title)).toEqual(['Support system breach']);
    expect(d.supportChain.map((s) => s.name)).toEqual(['Callcentre Ltd']);
    expect(d.mfa.items.map((r) => r.population)).toEqual(['admins']);
    expect(d.mfa.unknown).toEqual(['support', 'workforce', 'contractors', 'customers']);
    expect(d.sources).toEqual(
      expect.arrayContaining([
        { about: 'Incident: Support system breach', source: 'https://example.com/breach' },
        { about: 'Support chain: Callcentre Ltd', source: 'https://example.com/subprocessors' },
        { about: 'MFA: admins', source: 'https://example.com/security' },
      ]),
    );
    expect(d.leftOut).toEqual({ incidents: 0, supportChain: 0, mfa: 0, statements: 0, decisions: 0 });
  });

  it('as of a day holds only what was known then, like the score', async () => {
    const { http } = await withDossier();
    const before = dossierSchema.parse((await http.get('/api/v1/vendors/1/dossier?asOf=2023-10-19')).body);
    const score = (await http.get('/api/v1/vendors/1/score?asOf=2023-10-19')).body;
    expect(before.score).toEqual(score);
    expect(before.incidents).toEqual([]);
    expect(before.review.decisions).toEqual([]);
    expect(before.review.status.lastReview).toBeNull();
    expect(before.leftOut).toMatchObject({ incidents: 1, decisions: 1, supportChain: 0 });
    expect(before.sources.map((s) => s.about)).not.toContain('Incident: Support system breach');
    const earlier = dossierSchema.parse((await http.get('/api/v1/vendors/1/dossier?asOf=2022-12-31')).body);
    expect(earlier).toMatchObject({ supportChain: [], mfa: { items: [] }, leftOut: { supportChain: 1, mfa: 1 } });
  });

  it('as Markdown: an attachment with a file name, tables escaped', async () => {
    const { http, finding } = await withDossier();
    const res = await http.get('/api/v1/vendors/1/dossier?format=md&asOf=2024-03-01');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="vendorscope-dossier-acme-support-desk-2024-03-01.md"');
    const md = res.text;
    expect(md).toMatch(/^# Acme \\\| Support \\\*Desk\\\*: vendor dossier\n/);
    for (const h of [
      '## Score',
      '## Findings',
      '## Gaps in the evidence',
      '## Review',
      '### Conditions',
      '## Incidents',
      '## Support chain',
      '## MFA',
      '## Sources',
    ])
      expect(md).toContain(`\n${h}\n`);
    expect(md).toContain(finding.title);
    // The finding's row names the condition agreed for it.
    expect(md.split('\n').find((l) => l.includes(finding.title) && l.includes('(open)'))).toBeDefined();
    expect(md).toContain('Fine with \\| conditions');
    // Every table row has as many unescaped pipes as its header.
    const lines = md.split('\n');
    lines.forEach((l, i) => {
      if (!l.startsWith('| ') || lines[i - 1]?.startsWith('|')) return;
      const cols = l.split(/(?<!\\)\|/).length;
      for (let j = i + 1; lines[j]?.startsWith('|'); j++) expect(lines[j]!.split(/(?<!\\)\|/).length, lines[j]).toBe(cols);
    });
  });

  it('sends JSON as an attachment with ?download=1', async () => {
    const { http } = await withDossier();
    const res = await http.get('/api/v1/vendors/1/dossier?download=1&asOf=2024-03-01');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="vendorscope-dossier-acme-support-desk-2024-03-01.json"');
    expect(dossierSchema.parse(res.body).asOf).toBe('2024-03-01');
  });

  it('is for viewers and up: anonymous callers get 401', async () => {
    const { as, anon } = await withDossier();
    expect((await as('viewer').get('/api/v1/vendors/1/dossier?format=md')).status).toBe(200);
    expectProblem(await anon().get('/api/v1/vendors/1/dossier'), 401, 'authentication-required');
  });

  it.each(['format=pdf', 'asOf=2023-02-29', 'asOf=2023-10', 'download=yes', 'at=2023-10-01'])('refuses ?%s with 400 and writes nothing', async (qs) => {
    const { db, http } = await withDossier();
    const res = await expectNoWrite(db, () => http.get(`/api/v1/vendors/1/dossier?${qs}`));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)[0]).toMatch(/^query\./);
  });

  it('404s for an unknown vendor', async () => {
    const { db, http } = await withDossier();
    await expectNoWrite(db, async () => expectProblem(await http.get('/api/v1/vendors/42/dossier?format=md'), 404, 'vendor-not-found'));
  });
});
