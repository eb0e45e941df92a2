import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/services/imports/csv.ts';
import { expectNoWrite, expectProblem, failingPaths } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';

/** The demo portfolio with decisions: Okta flagged, Slack overdue, GitHub due soon, Cloudflare fine. */
async function portfolio() {
  const t = demoApp();
  const decide = (name: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/vendors/${t.idOf(name)}/reviews`).send({ decision: 'approved', rationale: 'ok', ...body });
  await decide('Okta', { decidedOn: '2022-06-30', nextReviewOn: '2024-06-30' });
  await decide('Slack', { decidedOn: '2022-01-10', nextReviewOn: '2023-01-10' });
  await decide('GitHub', { decidedOn: '2023-01-05', nextReviewOn: '2023-11-15' });
  // After 20 October 2023, when the Okta breach made Cloudflare's support channel through Okta known (a decision before it would be reopened).
  await decide('Cloudflare', { decidedOn: '2023-10-25', nextReviewOn: '2024-10-01' });
  await t.http.patch(`/api/v1/vendors/${t.idOf('GitHub')}`).send({ businessOwner: 'Dana Reyes' });
  return t;
}
type Item = { name: string; state: string; reasons: Array<{ code: string }>; tier: number; nextReviewOn: string | null };

describe('GET /api/v1/reviews/due', () => {
  it('lists flagged, overdue and due vendors with their reasons, most urgent first, and leaves out those in good standing', async () => {
    const { http } = await portfolio();
    const res = await http.get('/api/v1/reviews/due?asOf=2023-10-31&before=2023-11-30');
    expect(res.body).toMatchObject({ asOf: '2023-10-31', before: '2023-11-30' });
    const items = res.body.items as Item[];
    const by = new Map(items.map((i) => [i.name, i]));
    expect(by.get('Okta')).toMatchObject({ state: 'review-needed' });
    expect(by.get('Slack')).toMatchObject({ state: 'overdue', reasons: [{ code: 'overdue' }] });
    expect(by.get('GitHub')).toMatchObject({ state: 'due', reasons: [{ code: 'due-soon' }] });
    expect(by.has('Cloudflare')).toBe(false);
    // Flagged first (Okta, and since issue 13 the vendors never decided on that a trigger flags), then overdue (Slack).
    const order = ['review-needed', 'overdue', 'due'];
    expect(items.map((i) => order.indexOf(i.state))).toEqual(items.map((i) => order.indexOf(i.state)).sort((a, b) => a - b));
    expect(items.find((i) => i.state !== 'review-needed')!.name).toBe('Slack');
    // Vendors never decided on are due too (flagged when a trigger fires); not-engaged ones are not in scope at all.
    const vendors = (await http.get('/api/v1/vendors?limit=1000')).body.items as Array<{ status: string }>;
    const inScope = vendors.filter((v) => !['not-engaged', 'offboarded'].includes(v.status)).length;
    expect(items.filter((i) => i.reasons.some((r) => r.code === 'never-reviewed')).length).toBe(inScope - 4);
  });

  it('filters by tier and business owner, and narrows the horizon with before', async () => {
    const { http } = await portfolio();
    const tier1 = (await http.get('/api/v1/reviews/due?asOf=2023-10-31&tier=1')).body.items as Item[];
    expect(tier1.length).toBeGreaterThan(0);
    expect(tier1.every((i) => i.tier === 1)).toBe(true);
    const owned = (await http.get('/api/v1/reviews/due?asOf=2023-10-31&owner=dana%20reyes')).body.items as Item[];
    expect(owned.map((i) => i.name)).toEqual(['GitHub']);
    const soon = (await http.get('/api/v1/reviews/due?asOf=2023-10-31&before=2023-11-10')).body.items as Item[];
    expect(soon.map((i) => i.name)).not.toContain('GitHub');
  });

  it('exports the list as CSV', async () => {
    const { http } = await portfolio();
    const res = await http.get('/api/v1/reviews/due?asOf=2023-10-31&format=csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [head, ...rows] = parseCsv(res.text).map((r) => r.cells);
    const okta = rows.find((r) => r[head!.indexOf('name')] === 'Okta')!;
    expect(Object.fromEntries(head!.map((h, i) => [h, okta[i]]))).toMatchObject({
      state: 'review-needed',
      lastDecision: 'approved',
      lastDecidedOn: '2022-06-30',
    });
  });

  it.each([
    ['before < asOf', '?asOf=2023-10-31&before=2023-10-01', 'query.before'],
    ['a bad tier', '?tier=5', 'query.tier'],
    ['an unknown parameter', '?sort=name', 'query.sort'],
  ])('refuses %s', async (_what, qs, path) => {
    const { http, db } = await portfolio();
    const res = await expectNoWrite(db, () => http.get(`/api/v1/reviews/due${qs}`));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });
});

describe('GET /api/v1/reviews/due.ics', () => {
  async function withToken() {
    const t = await portfolio();
    const token = (await t.http.post('/api/v1/tokens').send({ name: 'calendar', role: 'viewer', expiresInDays: 90 })).body.token as string;
    return { ...t, token };
  }

  it('is valid iCalendar: a parser reads one all-day event per vendor back, with the reasons', async () => {
    const { anon, token } = await withToken();
    const res = await anon().get(`/api/v1/reviews/due.ics?asOf=2023-10-31&token=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const text = res.text;
    // RFC 5545 §3.1: CRLF line ends, lines at most 75 octets.
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);

    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toContain('Vendorscope');
    const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const due = (await anon().get('/api/v1/reviews/due?asOf=2023-10-31').set('Authorization', `Bearer ${token}`)).body.items as Item[];
    expect(events).toHaveLength(due.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const slack = events.find((e) => e.summary.includes('Slack'))!;
    expect(slack.summary).toBe('Overdue review: Slack (tier 2)');
    expect(slack.startDate.isDate).toBe(true);
    const okta = events.find((e) => e.summary.includes('Okta'))!;
    expect(okta.summary).toMatch(/^Re-review needed: Okta/);
    expect(okta.description).toContain('support case system');
    expect(okta.component.getFirstPropertyValue('url')).toMatch(/^http:\/\/vendorscope\.test\/vendors\/\d+$/);
    const github = events.find((e) => e.summary.includes('GitHub'))!;
    expect(github.startDate.toString()).toBe('2026-11-29'); // due in 2023 but overdue by today: shown today
  });

  it('takes the token as a Basic password or a Bearer header too, and answers 401 without a good one', async () => {
    const { anon, token } = await withToken();
    const basic = Buffer.from(`calendar:${token}`).toString('base64');
    expect((await anon().get('/api/v1/reviews/due.ics').set('Authorization', `Basic ${basic}`)).status).toBe(200);
    expect((await anon().get('/api/v1/reviews/due.ics').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    expectProblem(await anon().get('/api/v1/reviews/due.ics'), 401, 'authentication-required');
    expectProblem(await anon().get('/api/v1/reviews/due.ics?token=vs_nope'), 401, 'invalid-token');
    // Only the feed reads tokens from the URL.
    expectProblem(await anon().get(`/api/v1/reviews/due?token=${token}`), 401, 'authentication-required');
  });
});
