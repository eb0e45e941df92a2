import { describe, expect, it } from 'vitest';
import { createStore } from '../../../server/db/store.ts';
import { incidentInput } from '../../../server/domain/incident.ts';
import { mfaRecord as mfaSchema } from '../../../server/domain/mfa.ts';
import { subprocessorInput } from '../../../server/domain/subprocessor.ts';
import { vendorInput } from '../../../server/domain/vendor.ts';
import { memDb } from '../../helpers/db.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

const NOW = '2026-01-01T00:00:00.000Z';
/** An MFA record as stored: known from the day it speaks for. */
// As stored: an analyst's record is `recorded`, with no questionnaire source (migration 0019).
const known = (o: Parameters<typeof mfaItem>[0] = {}) => ({ ...mfaItem(o), knownFrom: mfaItem(o).assessedOn, confidence: 'recorded' as const });
const setup = () => {
  const store = createStore(memDb());
  const vendorId = store.vendors.create(vendorInput.parse(vendorBody()), NOW);
  return { store, vendorId };
};

describe('repositories', () => {
  it('round-trip a vendor, including nulls and booleans', () => {
    const { store, vendorId } = setup();
    expect(store.vendors.find(vendorId)).toMatchObject({
      name: 'Acme Identity',
      website: 'https://acme.example.com',
      domain: 'acme.example.com',
      relationshipIsExample: false,
      notes: null,
    });
    expect(store.vendors.findByName('ACME  identity')!.id).toBe(vendorId);
  });

  it('round-trip an incident with its lists and derived precision', () => {
    const { store, vendorId } = setup();
    const input = incidentInput.parse(incidentBody({ intrusionStartDate: '2023', alsoAffectedVendors: ['Other Co'], relatedIncidentIds: ['x-1'] }));
    const id = store.incidents.create(vendorId, input, NOW);
    const { id: _i, vendorId: _v, createdAt, updatedAt, ...stored } = store.incidents.find(id)!;
    // With the root cause and entry path the record implies beside the (unset) ones an analyst may set.
    expect(stored).toEqual({
      ...input,
      intrusionStartPrecision: 'year',
      source: null,
      derivedRootCause: 'support-credential-theft',
      derivedEntryPath: 'support-channel',
      version: 1,
    });
    store.incidents.update(id, { ...input, rootCause: 'insider', entryPath: 'employee', continuationOf: null }, NOW);
    expect(store.incidents.find(id)).toMatchObject({ rootCause: 'insider', entryPath: 'employee', derivedEntryPath: 'support-channel', version: 2 });
    // Written only at the version it names: a stale one writes nothing.
    expect(store.incidents.update(id, { ...input, title: 'Stale' }, NOW, 1)).toBe(false);
    expect(store.incidents.find(id)).toMatchObject({ title: input.title, version: 2 });
    expect(store.incidents.update(id, { ...input, title: 'Fresh' }, NOW, 2)).toBe(true);
    expect(store.incidents.find(id)).toMatchObject({ title: 'Fresh', version: 3 });
    expect([createdAt, updatedAt]).toEqual([NOW, NOW]);
  });

  it('round-trip a subprocessor and an MFA posture', () => {
    const { store, vendorId } = setup();
    const sub = subprocessorInput.parse(subprocessorBody({ artifactsSanitized: null, staffMfa: null }));
    const id = store.subprocessors.create(vendorId, sub, NOW);
    // Without a knownFrom, known from the day it was recorded.
    expect(store.subprocessors.find(id)).toMatchObject({ ...sub, parentVendorId: vendorId, knownFrom: '2026-01-01' });
    // An update without one keeps it; with one, takes it.
    store.subprocessors.update(id, { ...sub, function: 'hosting' }, '2026-02-01T00:00:00.000Z');
    expect(store.subprocessors.find(id)).toMatchObject({ function: 'hosting', knownFrom: '2026-01-01' });
    store.subprocessors.update(id, { ...sub, knownFrom: '2022-04' }, '2026-02-01T00:00:00.000Z');
    expect(store.subprocessors.find(id)!.knownFrom).toBe('2022-04');
    const records = [mfaSchema.parse(known({ population: 'customers' })), mfaSchema.parse(known({ population: 'admins', enforced: false }))];
    store.mfa.replace(vendorId, records, NOW);
    expect(store.mfa.listByVendor(vendorId)).toEqual([records[1], records[0]]); // admins first
    expect(store.mfa.allByVendor().get(vendorId)).toHaveLength(2);
  });

  it('replace is atomic: a bad record leaves the old posture in place', () => {
    const { store, vendorId } = setup();
    const good = mfaSchema.parse(known());
    store.mfa.replace(vendorId, [good], NOW);
    expect(() => store.mfa.replace(vendorId, [good, good], NOW)).toThrow(/UNIQUE/);
    expect(store.mfa.listByVendor(vendorId)).toEqual([good]);
  });

  it('deleting a vendor removes what it owns', () => {
    const { store, vendorId } = setup();
    store.incidents.create(vendorId, incidentInput.parse(incidentBody()), NOW);
    store.subprocessors.create(vendorId, subprocessorInput.parse(subprocessorBody()), NOW);
    store.mfa.replace(vendorId, [mfaSchema.parse(known())], NOW);
    store.vendors.remove(vendorId);
    expect([store.incidents.all(), store.subprocessors.all(), store.mfa.listByVendor(vendorId)]).toEqual([[], [], []]);
  });
});
