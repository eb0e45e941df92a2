/**
 * Replacing a frozen report: only an admin's refreeze does it, for a closed quarter, audited, and
 * the snapshot it replaces stays readable in the quarter's history.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, NOW } from '../../helpers/app.ts';
import { MINUTE, testClock } from '../../helpers/clock.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody } from '../../helpers/fixtures.ts';

const REFREEZE = '/api/v1/reports/quarterly/2023-Q4/refreeze';

describe('POST /api/v1/reports/quarterly/:quarter/refreeze', () => {
  it('replaces the snapshot by one taken now, keeps the old one in the history, and audits it', async () => {
    const clock = testClock();
    const { http, idOf } = demoApp({ clock });
    const okta = idOf('Okta');
    const frozen = (await http.get('/api/v1/reports/quarterly/2023-Q4')).body;
    const oldBody = (await http.get(`/api/v1/reports/quarterly/2023-Q4/snapshots/${frozen.snapshotId}`)).body.body;
    await http.post(`/api/v1/vendors/${okta}/incidents`).send(
      incidentBody({
        ref: 'okta-2023-11-backfill',
        intrusionStartDate: '2023-11-01',
        detectedByVendorDate: '2023-11-02',
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2023-11-15',
      }),
    );
    expect((await http.get('/api/v1/reports/quarterly/2023-Q4')).body.restatement.differs).toBe(true);
    clock.advance(10 * MINUTE);

    const res = await http.post(REFREEZE);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { snapshot, superseded } = res.body;
    expect(snapshot).toMatchObject({
      quarter: '2023-Q4',
      asOf: '2023-12-31',
      generatedAt: clock.now(),
      generatedBy: 'admin@example.com',
      supersededAt: null,
      origin: 'refreeze',
      inForce: true,
    });
    expect(superseded).toMatchObject({
      id: frozen.snapshotId,
      generatedAt: NOW,
      generatedBy: 'admin@example.com',
      supersededAt: clock.now(),
      supersededBy: 'admin@example.com',
      origin: 'first-view',
      inForce: false,
    });
    expect(superseded.headline).toEqual({ ...frozen.summary, methodologyVersion: '2.0.0' });

    // The report now rests on the new snapshot: the incident is in it, nothing differs any more.
    const now = (await http.get('/api/v1/reports/quarterly/2023-Q4')).body;
    expect(now).toMatchObject({ snapshotId: snapshot.id, generatedAt: clock.now(), view: 'frozen' });
    expect(now.newIncidents.map((n: { incidentId: number }) => n.incidentId)).toHaveLength(frozen.newIncidents.length + 1);
    expect(now.restatement).toMatchObject({ differs: false, text: null });
    expect(snapshot.headline.averageRisk).toBe(now.summary.averageRisk);

    // The history: newest first, and the old snapshot readable as it was frozen.
    const history = (await http.get('/api/v1/reports/quarterly/2023-Q4/snapshots')).body;
    expect(history.items.map((i: { id: number; inForce: boolean }) => [i.id, i.inForce])).toEqual([
      [snapshot.id, true],
      [frozen.snapshotId, false],
    ]);
    const old = (await http.get(`/api/v1/reports/quarterly/2023-Q4/snapshots/${frozen.snapshotId}`)).body;
    expect(old).toMatchObject({ id: frozen.snapshotId, supersededBy: 'admin@example.com', inForce: false });
    expect(old.body).toEqual(oldBody);

    const audit = (await http.get('/api/v1/audit?entity=report')).body.items;
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'refreeze',
        entity: 'report',
        entityId: '2023-Q4',
        actor: 'admin@example.com',
        before: { snapshotId: frozen.snapshotId, generatedAt: NOW, ...superseded.headline },
        after: { snapshotId: snapshot.id, generatedAt: clock.now(), ...snapshot.headline },
      }),
    ]);
  });

  it('freezes a quarter that never was, replacing nothing', async () => {
    const { http } = demoApp();
    const res = await http.post('/api/v1/reports/quarterly/2022-Q2/refreeze');
    expect(res.body).toMatchObject({ quarter: '2022-Q2', superseded: null, snapshot: { origin: 'refreeze', inForce: true } });
    expect((await http.get('/api/v1/reports/quarterly/2022-Q2?vs=2021-Q4')).body.snapshotId).toBe(res.body.snapshot.id);
  });

  it.each(['analyst', 'viewer'] as const)('is refused to an %s, writing nothing', async (role) => {
    const { db, as, http } = demoApp();
    await http.get('/api/v1/reports/quarterly/2023-Q4');
    const agent = as(role);
    const res = await expectNoWrite(db, () => agent.post(REFREEZE));
    expectProblem(res, 403, 'forbidden');
  });

  it('cannot refreeze the current quarter (409) or one that has not begun (400), writing nothing', async () => {
    const { db, http } = demoApp();
    const current = await expectNoWrite(db, () => http.post('/api/v1/reports/quarterly/2026-Q4/refreeze'));
    expectProblem(current, 409, 'quarter-not-closed');
    expect(failingPaths(current)).toEqual(['params.quarter']);
    const future = await expectNoWrite(db, () => http.post('/api/v1/reports/quarterly/2027-Q1/refreeze'));
    expectProblem(future, 400, 'validation-failed');
    expect(failingPaths(future)).toEqual(['params.quarter']);
  });
});

describe('a quarter’s snapshot history', () => {
  it('is empty for a quarter never frozen, and answers 404 for a snapshot of another quarter or none', async () => {
    const { db, http } = demoApp();
    expect((await expectNoWrite(db, () => http.get('/api/v1/reports/quarterly/2021-Q1/snapshots'))).body).toEqual({ quarter: '2021-Q1', items: [] });
    const id = (await http.get('/api/v1/reports/quarterly/2023-Q4')).body.snapshotId;
    expectProblem(await expectNoWrite(db, () => http.get(`/api/v1/reports/quarterly/2023-Q3/snapshots/${id}`)), 404, 'report-snapshot-not-found');
    expectProblem(await expectNoWrite(db, () => http.get('/api/v1/reports/quarterly/2023-Q4/snapshots/999')), 404, 'report-snapshot-not-found');
    expectProblem(await expectNoWrite(db, () => http.get('/api/v1/reports/quarterly/2027-Q1/snapshots')), 400, 'validation-failed');
  });
});
