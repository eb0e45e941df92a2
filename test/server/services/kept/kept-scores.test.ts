/**
 * Kept scores follow every kind of write (issue 15 §1): after each, the kept row equals a fresh
 * score, the verify check finds nothing, and the events recorded say what moved and why.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../../server/scoring/score-vendor.ts';
import { loadFacts } from '../../../../server/services/facts-loader.ts';
import { expectNoWrite, expectProblem, testApp } from '../../../helpers/app.ts';
import { DAY, testClock } from '../../../helpers/clock.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../../helpers/fixtures.ts';
import { SYSTEM } from '../../../../server/domain/account.ts';
import { vendorInput } from '../../../../server/domain/vendor.ts';
import { incidentInput } from '../../../../server/domain/incident.ts';

type T = ReturnType<typeof testApp>;

/** The kept score of a vendor, as stored (no recomputation). */
const keptOf = (t: T, id: number) => {
  const row = t.deps.store.kept.find(id);
  return row && { ...row, score: JSON.parse(row.score) };
};
/** What a fresh computation says now. */
const freshOf = (t: T, id: number) => scoreVendor(loadFacts(t.deps.store, t.deps.store.vendors.find(id)!), t.deps.methodology.active(), t.deps.clock.today());

/** Asserts that nothing is stale and every kept row is what a fresh computation gives. */
function expectKeptCurrent(t: T) {
  expect(t.deps.store.kept.anyStale()).toBe(false);
  expect(t.deps.keptScores.verify()).toMatchObject({ pending: 0, disagreements: [] });
  for (const v of t.deps.store.vendors.all()) expect(keptOf(t, v.id)!.score).toEqual(JSON.parse(JSON.stringify(freshOf(t, v.id))));
}

const changesOf = (t: T, kind?: string) => t.deps.store.changes.list({ limit: 1000, kinds: kind ? [kind as never] : undefined }).reverse();

async function withVendor(over: Parameters<typeof testApp>[0] = {}) {
  const t = testApp(over);
  const id = (await t.http.post('/api/v1/vendors').send(vendorBody())).body.id as number;
  return { ...t, id };
}

describe('kept scores follow every kind of write, in the same transaction', () => {
  it('a new vendor is kept at once, and its first computation records nothing', async () => {
    const t = await withVendor();
    expect(keptOf(t, t.id)).toMatchObject({ asOf: '2026-11-29', methodologyVersion: DEFAULT_POLICY.version });
    expectKeptCurrent(t);
    expect(changesOf(t)).toEqual([]);
  });

  it('an incident added, edited and deleted', async () => {
    const t = await withVendor();
    const before = keptOf(t, t.id)!.risk;
    const findingsBefore = new Set(keptOf(t, t.id)!.score.findings.map((f: { id: string }) => f.id));
    const recent = {
      intrusionStartDate: '2026-09-28',
      firstReportedByThirdPartyDate: '2026-09-29',
      detectedByVendorDate: '2026-10-19',
      publicDisclosureDate: '2026-11-20',
    };
    const inc = (await t.http.post(`/api/v1/vendors/${t.id}/incidents`).send(incidentBody(recent))).body;
    expectKeptCurrent(t);
    expect(keptOf(t, t.id)!.risk).toBeGreaterThan(before);
    const [changed] = changesOf(t, 'score-changed');
    expect(changed).toMatchObject({ vendorId: t.id, oldRisk: before, newRisk: keptOf(t, t.id)!.risk, day: '2026-11-29' });
    // Only incidents changed: the whole move is theirs, set without any extra scoring.
    expect(changed!.causes).toEqual({ methodology: 0, decay: 0, incidents: Math.round((changed!.newRisk! - before) * 10) / 10, posture: 0 });
    const added = keptOf(t, t.id)!
      .score.findings.filter((f: { id: string }) => !findingsBefore.has(f.id))
      .map((f: { id: string }) => `finding:${f.id}`);
    expect(added.length).toBeGreaterThan(0);
    expect(changesOf(t, 'finding-new').map((c) => c.ref)).toEqual(added);

    await t.http.put(`/api/v1/incidents/${inc.id}`).send(incidentBody({ ...recent, severity: 'low', customersAffected: 1 }));
    expectKeptCurrent(t);
    await t.http.delete(`/api/v1/incidents/${inc.id}`);
    expectKeptCurrent(t);
    expect(keptOf(t, t.id)!.risk).toBe(before);
    expect(
      changesOf(t, 'finding-resolved')
        .map((c) => c.ref)
        .sort(),
    ).toEqual([...added].sort());
  });

  it('a vendor we do not engage with is kept but is no news: no score or finding events, and its title says the bands in words', async () => {
    const t = testApp();
    const recent = {
      intrusionStartDate: '2026-09-28',
      firstReportedByThirdPartyDate: '2026-09-29',
      detectedByVendorDate: '2026-10-19',
      publicDisclosureDate: '2026-11-20',
    };
    const victim = (
      await t.http
        .post('/api/v1/vendors')
        .send(vendorBody({ name: 'Victim', status: 'not-engaged' }))
        .expect(201)
    ).body.id as number;
    await t.http.post(`/api/v1/vendors/${victim}/incidents`).send(incidentBody(recent)).expect(201);
    expectKeptCurrent(t);
    expect(changesOf(t).filter((c) => ['score-changed', 'finding-new', 'finding-resolved'].includes(c.kind))).toEqual([]);
    // The same write on an engaged vendor is news.
    const engaged = (
      await t.http
        .post('/api/v1/vendors')
        .send(vendorBody({ name: 'Engaged' }))
        .expect(201)
    ).body.id as number;
    await t.http.post(`/api/v1/vendors/${engaged}/incidents`).send(incidentBody(recent)).expect(201);
    const [changed] = changesOf(t, 'score-changed');
    expect(changed).toMatchObject({ vendorId: engaged });
    expect(changed!.title).toMatch(/^Engaged: risk rose from \d+\.\d to \d+\.\d \(/);
    expect(changed!.title).not.toMatch(/not-assessed/);
  });

  it('a subprocessor, and the incidents of a vendor record it links to (inherited risk)', async () => {
    const t = await withVendor();
    const callcentre = (
      await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Callcentre Ltd', tier: 4, dataAccess: 'none', environmentAccess: 'none' }))
    ).body.id as number;
    const sub = (await t.http.post(`/api/v1/vendors/${t.id}/subprocessors`).send(subprocessorBody({ vendorId: callcentre }))).body;
    expectKeptCurrent(t);
    const parentBefore = keptOf(t, t.id)!.risk;
    // An incident of the linked record counts for the parent: the parent's kept row follows.
    await t.http.post(`/api/v1/vendors/${callcentre}/incidents`).send(incidentBody({ ref: 'cc-1' }));
    expectKeptCurrent(t);
    expect(keptOf(t, t.id)!.risk).toBeGreaterThan(parentBefore);
    await t.http.put(`/api/v1/subprocessors/${sub.id}`).send(subprocessorBody({ vendorId: callcentre, accessLevel: 'metadata' }));
    expectKeptCurrent(t);
    // Deleting the linked record unlinks it (ON DELETE SET NULL): the parent is recomputed too.
    await t.http.delete(`/api/v1/vendors/${callcentre}?cascade=true`);
    expectKeptCurrent(t);
    await t.http.delete(`/api/v1/subprocessors/${sub.id}`);
    expectKeptCurrent(t);
  });

  it('the MFA posture', async () => {
    const t = await withVendor();
    const before = keptOf(t, t.id)!.score;
    await t.http.put(`/api/v1/vendors/${t.id}/mfa`).send({ items: [mfaItem(), mfaItem({ population: 'support', method: 'sms' })] });
    expectKeptCurrent(t);
    expect(keptOf(t, t.id)!.score).not.toEqual(before);
  });

  it('the relationship (tier, access): posture, in the causes', async () => {
    const t = await withVendor();
    await t.http.post(`/api/v1/vendors/${t.id}/incidents`).send(incidentBody());
    await t.http.patch(`/api/v1/vendors/${t.id}`).send({ tier: 4, dataAccess: 'none', environmentAccess: 'none' });
    expectKeptCurrent(t);
    const last = changesOf(t, 'score-changed').at(-1)!;
    expect(last.newRisk).toBeLessThan(last.oldRisk!);
    expect(last.causes).toMatchObject({ methodology: 0, decay: 0, incidents: 0 });
    expect(last.causes!.posture).toBeCloseTo(last.newRisk! - last.oldRisk!, 5);
  });

  it('a posture statement written by the seed or a restore marks its vendor stale, and the next read computes it', async () => {
    const t = await withVendor();
    // Written straight through the repository, outside any service: the trigger still marks it.
    t.deps.store.postureFacts.upsert(
      t.id,
      {
        ref: 'p1',
        factType: 'mfa',
        appliesTo: 'support',
        statement: 'Keys for all',
        statedDate: '2024-01-01',
        relatedIncidentIds: [],
        sources: [],
        confidence: 'high',
        notes: null,
        knownFrom: null,
      } as never,
      '2026-11-29',
    );
    expect(t.deps.store.kept.anyStale()).toBe(true);
    expect((await t.http.get(`/api/v1/vendors/${t.id}/score`)).status).toBe(200);
    expectKeptCurrent(t);
  });

  it('verify tells a vendor known to be stale (pending) from a kept row that disagrees', async () => {
    const t = await withVendor();
    t.db.prepare('UPDATE vendors SET tier = 3 WHERE id = ?').run(t.id);
    expect(t.deps.keptScores.verify()).toMatchObject({ checked: 1, pending: 1, disagreements: [] });
    await t.deps.keptScores.fresh();
    t.db.prepare("UPDATE kept_scores SET review_status = '{}' WHERE vendor_id = ?").run(t.id);
    expect(t.deps.keptScores.verify()).toMatchObject({ pending: 0, disagreements: [{ vendorId: t.id, problem: 'the review status differs' }] });
  });

  it('a review decision: the kept review status follows', async () => {
    const t = await withVendor();
    expect(JSON.parse(t.deps.store.kept.find(t.id)!.reviewStatus)).toMatchObject({ lastReview: null });
    await t.http.post(`/api/v1/vendors/${t.id}/reviews`).send({ decision: 'approved', rationale: 'fine', decidedOn: '2026-11-01' });
    expectKeptCurrent(t);
    expect(JSON.parse(t.deps.store.kept.find(t.id)!.reviewStatus)).toMatchObject({ lastReview: { decision: 'approved' } });
    expect((await t.http.get('/api/v1/reviews/due?before=2026-12-31')).body.items.map((i: { vendorId: number }) => i.vendorId)).not.toContain(t.id);
  });

  it('a methodology change rescores every vendor; the causes are all methodology', async () => {
    const t = await withVendor();
    await t.http.post(`/api/v1/vendors/${t.id}/incidents`).send(incidentBody());
    const n = changesOf(t).length;
    const weights = { ...DEFAULT_POLICY.weights, incidents: DEFAULT_POLICY.weights.incidents + 0.2, mfa: DEFAULT_POLICY.weights.mfa - 0.2 };
    expect((await t.http.put('/api/v1/methodology').send({ ...DEFAULT_POLICY, version: '9.0.0', note: 'heavier incidents', weights })).status).toBe(200);
    expectKeptCurrent(t);
    expect(keptOf(t, t.id)!.methodologyVersion).toBe('9.0.0');
    const moved = changesOf(t, 'score-changed')
      .slice(n > 0 ? 0 : 0)
      .filter((c) => c.id > n);
    for (const c of moved) expect(c.causes).toMatchObject({ decay: 0, incidents: 0, posture: 0 });
  });

  it('a bad-input write leaves the kept rows (and everything else) unchanged', async () => {
    const t = await withVendor();
    const res = await expectNoWrite(t.db, () => t.http.post(`/api/v1/vendors/${t.id}/incidents`).send(incidentBody({ severity: 'apocalyptic' as never })));
    expectProblem(res, 400, 'validation-failed');
    expectProblem(await expectNoWrite(t.db, () => t.http.patch(`/api/v1/vendors/${t.id}`).send({ tier: 9 })), 400, 'validation-failed');
  });

  it('a GET that finds nothing stale writes nothing', async () => {
    const t = await withVendor();
    await expectNoWrite(t.db, () => t.http.get(`/api/v1/vendors/${t.id}/score`));
    await expectNoWrite(t.db, () => t.http.get('/api/v1/portfolio/heatmap'));
    await expectNoWrite(t.db, () => t.http.get('/api/v1/reviews/due'));
  });
});

describe('a new day', () => {
  it('is not served yesterday’s scores as today’s; a small daily move is kept but recorded only once it adds up, as decay', async () => {
    const clock = testClock('2026-11-29T23:00:00.000Z');
    const t = await withVendor({ clock });
    await t.http.post(`/api/v1/vendors/${t.id}/incidents`).send(
      incidentBody({
        intrusionStartDate: '2026-10-01',
        firstReportedByThirdPartyDate: null,
        firstReportedBy: null,
        detectedByVendorDate: '2026-10-02',
        publicDisclosureDate: '2026-10-03',
      }),
    );
    const n = changesOf(t).length;
    const recorded = keptOf(t, t.id)!.recordedRisk;
    clock.advance(2 * 60 * 60 * 1000);
    // A read of today before any job ran: computed for today, not yesterday's row.
    const viewer = t.as('viewer');
    const score = (await viewer.get(`/api/v1/vendors/${t.id}/score`)).body;
    expect(score.asOf).toBe('2026-11-30');
    expect(score).toEqual(JSON.parse(JSON.stringify(freshOf(t, t.id))));
    expect((await viewer.get('/api/v1/portfolio/heatmap')).body.asOf).toBe('2026-11-30');
    expectKeptCurrent(t);
    // One day of decay moves the risk by less than a point: kept exactly, not recorded; the causes wait.
    expect(keptOf(t, t.id)!.recordedRisk).toBe(recorded);
    expect(changesOf(t).filter((c) => c.id > n)).toEqual([]);
    expect(JSON.parse(keptOf(t, t.id)!.pendingCauses).decay).toBeCloseTo(keptOf(t, t.id)!.risk - recorded, 5);
    // Months later the decay adds up to a recorded change, all of it decay.
    for (let i = 0; i < 12; i++) {
      clock.advance(30 * DAY);
      await t.deps.keptScores.fresh();
    }
    expectKeptCurrent(t);
    const decayed = changesOf(t, 'score-changed').filter((c) => c.id > n);
    expect(decayed.length).toBeGreaterThan(0);
    for (const c of decayed) {
      expect(c.causes).toMatchObject({ methodology: 0, incidents: 0, posture: 0 });
      expect(c.causes!.decay).toBeCloseTo(c.newRisk! - c.oldRisk!, 5);
      expect(c.newBand !== c.oldBand || Math.abs(c.newRisk! - c.oldRisk!) >= 1).toBe(true);
    }
  });

  it('the day job catches up at start and schedules the next start of a UTC day', async () => {
    const clock = testClock('2026-11-29T23:59:59.000Z');
    const t = await withVendor({ clock });
    clock.advance(2 * DAY);
    const stop = t.deps.keptScores.startDayJob();
    try {
      await t.deps.keptScores.drain();
      expect(t.deps.store.kept.find(t.id)!.asOf).toBe('2026-12-01');
      expectKeptCurrent(t);
    } finally {
      stop();
    }
  });
});

describe('a big stale set is drained in batches that let other requests through', () => {
  it('rescores 300 vendors after a methodology change while one vendor’s score stays available', async () => {
    const t = testApp();
    t.deps.store.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const id = t.deps.store.vendors.create(vendorInput.parse(vendorBody({ name: `Vendor ${i}` })), '2026-11-29T12:00:00.000Z');
        t.deps.store.incidents.create(id, incidentInput.parse(incidentBody({ ref: `r${i}`, severity: i % 2 ? 'high' : 'low' })), '2026-11-29T12:00:00.000Z');
      }
    });
    await t.deps.keptScores.drain();
    expectKeptCurrent(t);
    const weights = { ...DEFAULT_POLICY.weights, incidents: DEFAULT_POLICY.weights.incidents + 0.2, mfa: DEFAULT_POLICY.weights.mfa - 0.2 };
    t.deps.methodology.create(SYSTEM, { ...DEFAULT_POLICY, version: '9.1.0', weights }, null);
    expect(t.deps.store.kept.anyStale()).toBe(true);
    // A read of one vendor while the drain is pending computes that vendor on demand.
    expect((await t.http.get('/api/v1/vendors/7/score')).body.methodologyVersion).toBe('9.1.0');
    // The heatmap waits for the drain: it never mixes versions.
    const heatmap = (await t.http.get('/api/v1/portfolio/heatmap?status=all')).body;
    expect(heatmap.rows).toHaveLength(300);
    expectKeptCurrent(t);
  });
});

describe('GET /api/v1/portfolio/heatmap (today): ETag and 304', () => {
  it('answers 304 to If-None-Match with its ETag, and a new ETag once a write changed a kept row', async () => {
    const t = await withVendor();
    const first = await t.http.get('/api/v1/portfolio/heatmap');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"k\d+-2026-11-29-/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.body).toEqual((await t.http.get('/api/v1/portfolio/heatmap?asOf=2026-11-28')).body.rows && first.body);
    // The same as an on-demand computation.
    expect(first.body).toEqual(JSON.parse(JSON.stringify(t.deps.scoring.heatmap('2026-11-29'))));
    const again = await t.http.get('/api/v1/portfolio/heatmap').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    // Another status is another body.
    expect((await t.http.get('/api/v1/portfolio/heatmap?status=all')).headers.etag).not.toBe(etag);
    await t.http.post(`/api/v1/vendors/${t.id}/incidents`).send(incidentBody());
    const after = await t.http.get('/api/v1/portfolio/heatmap').set('If-None-Match', etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.rows[0].risk).toBe(keptOf(t, t.id)!.risk);
  });

  it('gzips a body once for clients that accept it, under an ETag of its own; 304 for either encoding', async () => {
    const t = testApp();
    for (let i = 0; i < 12; i++)
      await t.http
        .post('/api/v1/vendors')
        .send(vendorBody({ name: `Vendor ${i}` }))
        .expect(201);
    const plain = await t.http.get('/api/v1/portfolio/heatmap').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"k\d+-2026-11-29-[^"]*-engaged"$/);
    const zipped = await t.http.get('/api/v1/portfolio/heatmap').set('Accept-Encoding', 'gzip, deflate, br');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.headers.etag).toBe(`${etag.slice(0, -1)}-gzip"`);
    // The same JSON, decoded (by supertest) from gzip once, not gzipped again by the compression middleware.
    expect(zipped.body).toEqual(plain.body);
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text));
    expect(
      (
        await t.http
          .get('/api/v1/portfolio/heatmap')
          .set('Accept-Encoding', 'gzip')
          .set('If-None-Match', zipped.headers.etag as string)
      ).status,
    ).toBe(304);
    expect((await t.http.get('/api/v1/portfolio/heatmap').set('Accept-Encoding', 'identity').set('If-None-Match', etag)).status).toBe(304);
  });

  it('past days and other decay policies are still scored on demand, without an ETag of the kept rows', async () => {
    const t = await withVendor();
    const res = await t.http.get('/api/v1/portfolio/heatmap?decay=short-penalty');
    expect(res.status).toBe(200);
    expect(res.headers.etag ?? '').not.toMatch(/^"k/);
    expect(res.body.decay).toBe('short-penalty');
  });
});
