/**
 * Issue 13 §3 through the API: a medium incident at a tier-1 vendor reopens its decision, and a
 * vendor never decided on is "review needed" with the reasons as soon as a trigger fires, in the
 * dossier's review status, the due list, its CSV and its calendar feed.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/services/imports/csv.ts';
import { testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

type Reason = { code: string; text: string; ref: string | null };

/** A tier-`tier` vendor approved on 2023-01-10 that then had a medium incident, disclosed 2023-06-01. */
async function mediumAfterDecision(tier: number) {
  const t = testApp();
  const v = (await t.http.post('/api/v1/vendors').send(vendorBody({ tier }))).body;
  await t.http.post(`/api/v1/vendors/${v.id}/reviews`).send({ decision: 'approved', rationale: 'ok', decidedOn: '2023-01-10', nextReviewOn: '2024-12-31' });
  const i = (
    await t.http.post(`/api/v1/vendors/${v.id}/incidents`).send(
      incidentBody({
        severity: 'medium',
        supportInvolved: false,
        supportInvolvementType: 'none',
        initialAccessVectors: ['vulnerability-exploit'],
        intrusionStartDate: '2023-05-01',
        detectedByVendorDate: '2023-05-20',
        firstReportedByThirdPartyDate: null,
        firstReportedBy: null,
        publicDisclosureDate: '2023-06-01',
      }),
    )
  ).body;
  return { ...t, vendorId: v.id as number, incidentId: i.id as number };
}

describe('a medium incident at a tier-1 vendor', () => {
  it('reopens the decision: review-needed with the incident as the reason', async () => {
    const { http, vendorId, incidentId } = await mediumAfterDecision(1);
    const s = (await http.get(`/api/v1/vendors/${vendorId}/review-status?asOf=2023-07-01`)).body;
    expect(s.state).toBe('review-needed');
    expect(s.reasons).toEqual([
      { code: 'incident-disclosed', text: 'A medium incident became known on 2023-06-01: Support system breach.', ref: `incident:${incidentId}` },
    ]);
    const due = (await http.get('/api/v1/reviews/due?asOf=2023-07-01&before=2023-07-01')).body.items;
    expect(due.map((i: { vendorId: number; state: string }) => [i.vendorId, i.state])).toEqual([[vendorId, 'review-needed']]);
  });

  it('does not at tier 2: the decision stands', async () => {
    const { http, vendorId } = await mediumAfterDecision(2);
    expect((await http.get(`/api/v1/vendors/${vendorId}/review-status?asOf=2023-07-01`)).body).toMatchObject({ state: 'ok', reasons: [] });
  });
});

describe('a vendor with no decision yet', () => {
  // Okta without the demo's example decision (see the example's own tests in demo-example-review.test.ts).
  it('is review-needed in its review status, with the triggers as reasons and "never reviewed" last', async () => {
    const { http, idOf } = demoApp({}, { exampleDecisions: false });
    const s = (await http.get(`/api/v1/vendors/${idOf('Okta')}/review-status?asOf=2023-10-31`)).body;
    expect(s).toMatchObject({ state: 'review-needed', lastReview: null, nextReviewOn: null });
    const codes = s.reasons.map((r: Reason) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['incident-disclosed', 'root-cause-repeated']));
    expect(codes.at(-1)).toBe('never-reviewed');
    expect(s.reasons.find((r: Reason) => r.code === 'root-cause-repeated').text).toContain('the support channel');
  });

  it('is listed as review-needed, above vendors only overdue, in the due list, its CSV and its calendar feed', async () => {
    const { http, idOf } = demoApp({}, { exampleDecisions: false });
    const okta = idOf('Okta');
    const items = (await http.get('/api/v1/reviews/due?asOf=2023-10-31')).body.items as Array<{
      vendorId: number;
      state: string;
      lastReview: unknown;
      reasons: Reason[];
    }>;
    const row = items.find((i) => i.vendorId === okta)!;
    expect(row).toMatchObject({ state: 'review-needed', lastReview: null });
    expect(row.reasons.at(-1)!.code).toBe('never-reviewed');

    const [head, ...rows] = parseCsv((await http.get('/api/v1/reviews/due?asOf=2023-10-31&format=csv')).text).map((r) => r.cells);
    const csv = Object.fromEntries(head!.map((h, i) => [h, rows.find((r) => r[head!.indexOf('vendorId')] === String(okta))![i]]));
    expect(csv).toMatchObject({ state: 'review-needed', lastDecision: '' });
    expect(csv.reasons).toContain('No procurement decision has been recorded');
    expect(csv.reasons).toContain('support case system');

    const token = (await http.post('/api/v1/tokens').send({ name: 'calendar', role: 'viewer', expiresInDays: 90 })).body.token as string;
    const ics = (await http.get(`/api/v1/reviews/due.ics?asOf=2023-10-31&token=${token}`)).text;
    const event = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c))
      .find((e) => e.summary.includes('Okta'))!;
    expect(event.summary).toMatch(/^Re-review needed: Okta/);
    expect(event.description).toContain('No procurement decision has been recorded');
  });

  it('with nothing in the look-back stays due, never reviewed', async () => {
    const { http } = testApp();
    const v = (await http.post('/api/v1/vendors').send(vendorBody())).body;
    await http.post(`/api/v1/vendors/${v.id}/incidents`).send(
      incidentBody({
        publicDisclosureDate: '2019-06-01',
        detectedByVendorDate: '2019-05-20',
        firstReportedByThirdPartyDate: null,
        firstReportedBy: null,
        intrusionStartDate: '2019-05-01',
      }),
    );
    expect((await http.get(`/api/v1/vendors/${v.id}/review-status?asOf=2023-07-01`)).body).toMatchObject({
      state: 'due',
      reasons: [{ code: 'never-reviewed' }],
    });
    expect((await http.get(`/api/v1/vendors/${v.id}/review-status?asOf=2019-07-01`)).body).toMatchObject({
      state: 'review-needed',
      reasons: [{ code: 'incident-disclosed' }, { code: 'never-reviewed' }],
    });
  });
});
