import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../server/db/store.ts';
import { changesService } from '../../../../server/services/changes/changes-service.ts';
import { fixedClock } from '../../../../server/services/clock.ts';
import type { Change, NewChange } from '../../../../server/domain/change.ts';
import { vendorInput } from '../../../../server/domain/vendor.ts';
import { memDb } from '../../../helpers/db.ts';

const clock = fixedClock('2026-12-06T09:00:00.000Z');

const vendor = (store: ReturnType<typeof createStore>) =>
  store.vendors.create(vendorInput.parse({ name: 'Okta', category: 'Identity', tier: 1, dataAccess: 'confidential', environmentAccess: 'admin' }), clock.now());

const bandRose = (vendorId: number): NewChange => ({
  vendorId,
  vendorName: 'Okta',
  day: '2026-12-06',
  kind: 'score-changed',
  title: 'Risk rose from 41.0 (moderate) to 63.5 (high)',
  oldRisk: 41,
  newRisk: 63.5,
  oldBand: 'moderate',
  newBand: 'high',
  causes: { methodology: 0, decay: -1.5, incidents: 24, posture: 0 },
  ref: 'incident:7',
});

describe('changes service', () => {
  it('records events with the time and hands the stored rows to every sink in the same transaction', () => {
    const store = createStore(memDb());
    const id = Number(vendor(store));
    const seen: Change[][] = [];
    const saved = changesService(store, clock, [(cs) => seen.push([...cs])]).record([bandRose(id)]);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ vendorId: id, at: clock.now(), kind: 'score-changed', causes: { incidents: 24 }, detail: null });
    expect(seen).toEqual([saved]);
    expect(store.changes.list({ limit: 10 })).toEqual(saved);
  });

  it('writes nothing when a sink fails: the event and what it triggers stand or fall together', () => {
    const store = createStore(memDb());
    const id = Number(vendor(store));
    const failing = () => {
      throw new Error('outbox unavailable');
    };
    expect(() => changesService(store, clock, [failing]).record([bandRose(id)])).toThrow('outbox unavailable');
    expect(store.changes.list({ limit: 10 })).toEqual([]);
  });

  it('keeps a deleted vendor’s changes under its name', () => {
    const store = createStore(memDb());
    const id = Number(vendor(store));
    changesService(store, clock).record([bandRose(id)]);
    store.db.prepare('DELETE FROM vendors WHERE id = ?').run(id);
    expect(store.changes.list({ limit: 10 })).toMatchObject([{ vendorId: null, vendorName: 'Okta' }]);
  });

  it('filters by time, vendor and kind, newest first, and pages by id', () => {
    const store = createStore(memDb());
    const id = Number(vendor(store));
    const svc = changesService(store, clock);
    svc.record([bandRose(id), { ...bandRose(id), kind: 'incident-added', title: 'New incident' }, bandRose(id)]);
    const all = store.changes.list({ limit: 10 });
    expect(all.map((c) => c.id)).toEqual([3, 2, 1]);
    expect(store.changes.list({ limit: 10, kinds: ['incident-added'] }).map((c) => c.id)).toEqual([2]);
    expect(store.changes.list({ limit: 2 }).map((c) => c.id)).toEqual([3, 2]);
    expect(store.changes.list({ limit: 2, before: 2 }).map((c) => c.id)).toEqual([1]);
    expect(store.changes.list({ limit: 10, since: '2026-12-07T00:00:00.000Z' })).toEqual([]);
    expect(store.changes.list({ limit: 10, vendorId: id + 1 })).toEqual([]);
  });
});
