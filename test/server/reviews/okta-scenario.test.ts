/** The issue's own story: a decision taken in 2022 reopened when the same support channel failed again. */
import { describe, expect, it } from 'vitest';
import { demoApp } from '../../helpers/demo.ts';

describe('Okta approved on 2022-06-30', () => {
  it('is flagged review-needed as of 2023-10-31, with the 2023 support-system incident as the reason', async () => {
    const { http, idOf } = demoApp();
    const okta = idOf('Okta');
    const created = await http
      .post(`/api/v1/vendors/${okta}/reviews`)
      .send({ decision: 'approved', rationale: 'Workforce SSO; the 2022 Sitel incident was remediated.', decidedOn: '2022-06-30' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const incident = (await http.get(`/api/v1/vendors/${okta}/incidents`)).body.items.find(
      (i: { publicDisclosureDate: string }) => i.publicDisclosureDate === '2023-10-20',
    );

    const s = (await http.get(`/api/v1/vendors/${okta}/review-status?asOf=2023-10-31`)).body;
    expect(s).toMatchObject({
      vendorId: okta,
      asOf: '2023-10-31',
      state: 'review-needed',
      lastReview: { id: created.body.id, decision: 'approved', decidedOn: '2022-06-30' },
    });
    const triggers = s.reasons.filter((r: { code: string }) => ['incident-disclosed', 'root-cause-repeated'].includes(r.code));
    expect(triggers.map((r: { code: string }) => r.code)).toEqual(['incident-disclosed', 'root-cause-repeated']);
    for (const r of triggers) expect(r.ref).toBe(`incident:${incident.id}`);
    expect(triggers[1].text).toContain('the support channel');

    // The day before the disclosure, only the calendar speaks (the six-month review had lapsed).
    const before = (await http.get(`/api/v1/vendors/${okta}/review-status?asOf=2023-10-19`)).body;
    expect(before.state).toBe('overdue');

    // A new decision after the incident settles it.
    await http
      .post(`/api/v1/vendors/${okta}/reviews`)
      .send({ decision: 'needs-information', rationale: 'Asked Okta for the HAR-file handling changes.', decidedOn: '2023-10-25' });
    expect((await http.get(`/api/v1/vendors/${okta}/review-status?asOf=2023-10-31`)).body.state).toBe('ok');
    expect((await http.get(`/api/v1/vendors/${okta}`)).body.status).toBe('under-review');
  });
});
