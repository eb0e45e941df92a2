/** Overdue questionnaire requests in the review due list and its calendar feed, as their own kind of item. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../helpers/clock.ts';
import { questionnaireApp, REQUIRED_ANSWERS } from '../../helpers/questionnaires.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

const TITLE = 'Fixture: support and identity';

async function overdueSetUp() {
  const t = await questionnaireApp();
  await t.http.patch(`/api/v1/vendors/${t.vendor.id}`).send({ businessOwner: 'Dana Reyes' });
  const tier3 = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Beta Tools', tier: 3 }))).body as { id: number };
  const late = await t.send({ dueOn: '2026-12-01' });
  const lateToo = await t.send({ dueOn: '2026-12-02', contactName: 'Bert Beta' }, tier3.id);
  const notYet = await t.send({ dueOn: '2026-12-20' });
  const answered = await t.send({ dueOn: '2026-12-01' });
  for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) await t.vendorCall(answered.token).put(q, value);
  await t.vendorCall(answered.token).submit();
  const revoked = await t.send({ dueOn: '2026-12-01' });
  await t.http.post(`/api/v1/questionnaire-requests/${revoked.id}/revoke`);
  const draft = (
    await t.http
      .post(`/api/v1/vendors/${t.vendor.id}/questionnaire-requests`)
      .send({ templateId: 'fixture-support', dueOn: '2026-12-01', contactName: 'D', contactEmail: 'd@x.example', send: false })
  ).body;
  t.clock.advance(5 * DAY); // 2026-12-04
  return { ...t, late, lateToo, notYet, draft, analyst: t.as('analyst') };
}

describe('overdue questionnaires in the due list', () => {
  it('lists sent requests past due, not submitted, revoked or drafts; oldest due first', async () => {
    const { analyst, late, lateToo, vendor } = await overdueSetUp();
    const res = await analyst.get('/api/v1/reviews/due');
    expect(res.status).toBe(200);
    expect(res.body.questionnaires).toEqual([
      {
        kind: 'questionnaire',
        requestId: late.id,
        vendorId: vendor.id,
        vendorName: 'Acme Identity',
        templateTitle: TITLE,
        tier: 1,
        businessOwner: 'Dana Reyes',
        contactName: 'Dana Contact',
        dueOn: '2026-12-01',
        daysOverdue: 3,
        state: 'sent',
      },
      expect.objectContaining({ requestId: lateToo.id, vendorName: 'Beta Tools', tier: 3, daysOverdue: 2 }),
    ]);
  });

  it('applies the tier and owner filters, and asOf', async () => {
    const { analyst, late, lateToo } = await overdueSetUp();
    const ids = async (q: string) => (await analyst.get(`/api/v1/reviews/due?${q}`)).body.questionnaires.map((i: { requestId: number }) => i.requestId);
    expect(await ids('tier=3')).toEqual([lateToo.id]);
    expect(await ids('owner=dana reyes')).toEqual([late.id]);
    expect(await ids('asOf=2026-12-02')).toEqual([late.id]);
    // Before the requests were sent, none was overdue.
    expect(await ids('asOf=2026-11-28')).toEqual([]);
  });

  it('puts each in the calendar feed today, linking to the vendor', async () => {
    const { analyst, late, vendor } = await overdueSetUp();
    const res = await analyst.get('/api/v1/reviews/due.ics');
    expect(res.status).toBe(200);
    const cal = new ICAL.Component(ICAL.parse(res.text));
    const events = cal.getAllSubcomponents('vevent').filter((e) => String(e.getFirstPropertyValue('uid')).startsWith('questionnaire-'));
    expect(events).toHaveLength(2);
    const e = events.find((x) => x.getFirstPropertyValue('uid') === `questionnaire-${late.id}@vendorscope.test`)!;
    expect(e.getFirstPropertyValue('summary')).toBe('Questionnaire overdue: Acme Identity (tier 1)');
    expect(String(e.getFirstPropertyValue('dtstart'))).toBe('2026-12-04');
    expect(e.getFirstPropertyValue('description')).toBe(`Request ${late.id} to Dana Contact was due 2026-12-01 (3 days ago).\nOwner: Dana Reyes`);
    expect(e.getFirstPropertyValue('url')).toBe(`http://vendorscope.test/vendors/${vendor.id}`);
  });
});
