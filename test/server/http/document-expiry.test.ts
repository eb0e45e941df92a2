/**
 * Expiry drives the product: a lapsed SOC 2 report is a gap in the (kept) score and reopens the
 * review; a certificate lapsing within 30 days is on the due list, in the calendar feed and on What changed.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.ts';
import { isoMeta, PDF, soc2Meta, uploadDocument } from '../../helpers/documents.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

async function vendor() {
  const t = testApp();
  await t.http
    .post('/api/v1/vendors')
    .send(vendorBody({ tier: 2 }))
    .expect(201);
  // Decided before the evidence lapsed: only what happens after can reopen it.
  await t.http
    .post('/api/v1/vendors/1/reviews')
    .send({ decision: 'approved', rationale: 'ok', decidedOn: '2026-09-01', nextReviewOn: '2027-09-01' })
    .expect(201);
  return t;
}

describe('document expiry', () => {
  it('a SOC 2 report past 12 months after its period is a gap in the score and reopens the review ("evidence expired")', async () => {
    const { http, deps } = await vendor();
    const before = (await http.get('/api/v1/vendors/1/score').expect(200)).body;
    expect(before.gaps.some((g: { ref: string | null }) => g.ref?.startsWith('document:'))).toBe(false);
    await uploadDocument(http, 1, soc2Meta({ periodEnd: '2025-10-31' }), PDF).expect(201);
    const after = (await http.get('/api/v1/vendors/1/score').expect(200)).body;
    expect(after.gaps).toContainEqual({ factor: 'mfa', ref: 'document:1', text: expect.stringMatching(/^SOC 2 report .*expired on 2026-10-31/) });
    const status = (await http.get('/api/v1/vendors/1/review-status').expect(200)).body;
    expect(status.state).toBe('review-needed');
    expect(status.reasons).toContainEqual(expect.objectContaining({ code: 'evidence-expired', ref: 'document:1' }));
    // Recorded on What changed in the upload's transaction.
    expect(deps.store.changes.list({ limit: 100 }).map((c) => c.kind)).toContain('review-needed');
    // Deleting it takes the gap away (the kept score follows the delete).
    await http.delete('/api/v1/documents/1').expect(204);
    const gone = (await http.get('/api/v1/vendors/1/score').expect(200)).body;
    expect(gone.gaps.some((g: { ref: string | null }) => g.ref === 'document:1')).toBe(false);
  });

  it('a certificate lapsing within 30 days is on the due list, in the calendar feed on its day, and an evidence-expiring change', async () => {
    const { http, deps } = await vendor();
    await uploadDocument(http, 1, isoMeta({ expiresOn: '2026-12-20' }), PDF).expect(201);
    const due = (await http.get('/api/v1/reviews/due').expect(200)).body;
    const item = (due.items ?? due).find((d: { vendorId: number }) => d.vendorId === 1);
    expect(item.reasons).toContainEqual({
      code: 'evidence-expiring',
      text: 'ISO 27001 certificate IS 712345 expires on 2026-12-20, in 21 days.',
      ref: 'document:1',
      on: '2026-12-20',
    });
    const ics = (await http.get('/api/v1/reviews/due.ics').expect(200)).text;
    expect(ics).toContain('UID:document-1-expires@');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261220');
    expect(ics).toContain('SUMMARY:Evidence expires: Acme Identity (tier 2)');
    deps.feed.sweep('2026-11-29');
    deps.feed.sweep('2026-11-30');
    const expiring = deps.store.changes.list({ limit: 100 }).filter((c) => c.kind === 'evidence-expiring');
    // Dated the day it came within the window, or the day it became known when later; recorded once.
    expect(expiring).toEqual([
      expect.objectContaining({ ref: 'document:1', day: '2026-11-29', title: 'ISO 27001 certificate IS 712345 expires on 2026-12-20' }),
    ]);
  });

  it('a certificate lapsing later than 30 days ahead is not on the due list yet', async () => {
    const { http } = await vendor();
    await uploadDocument(http, 1, isoMeta({ expiresOn: '2027-02-01' }), PDF).expect(201);
    const due = (await http.get('/api/v1/reviews/due').expect(200)).body;
    expect((due.items ?? due).find((d: { vendorId: number }) => d.vendorId === 1)).toBeUndefined();
  });
});
