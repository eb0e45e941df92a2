import { describe, expect, it } from 'vitest';
import { createStore } from '../../../server/db/store.ts';
import { incidentInput } from '../../../server/domain/incident.ts';
import { mfaRecord as mfaSchema } from '../../../server/domain/mfa.ts';
import { subprocessorInput } from '../../../server/domain/subprocessor.ts';
import { vendorInput } from '../../../server/domain/vendor.ts';
import { memDb } from '../../helpers/db.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const setup = () => {
  const store = createStore(memDb());
  const vendorId = store.vendors.create(vendorInput.parse(vendorBody()), NOW);
  return { store, vendorId };
};

describe('repositories', () => {
  it('round-trip a vendor, including nulls and booleans', () => {
    const { store, vendorId } = setup();
    expect(store.vendors.find(vendorId)).toMatchObject({ name: 'Acme Identity', website: 'https://acme.example.com', domain: 'acme.example.com', relationshipIsExample: false, notes: null });
    expect(store.vendors.findByName('ACME  identity')!.id).toBe(vendorId);
  });

  it('round-trip an incident with its lists and derived precision', () => {
    const { store, vendorId } = setup();
    const input = incidentInput.parse(incidentBody({ intrusionStartDate: '2023', alsoAffectedVendors: ['Other Co'], relatedIncidentIds: ['x-1'] }));
    const id = store.incidents.create(vendorId, input, NOW);
    const { id: _i, vendorId: _v, createdAt, updatedAt, ...stored } = store.incidents.find(id)!;
    expect(stored).toEqual({ ...input, intrusionStartPrecision: 'year', source: null });
    expect([createdAt, updatedAt]).toEqual([NOW, NOW]);
  });

  it('round-trip a subprocessor and an MFA posture', () => {
    const { store, vendorId } = setup();
    const sub = subprocessorInput.parse(subprocessorBody({ artifactsSanitized: null, staffMfa: null }));
    const id = store.subprocessors.create(vendorId, sub, NOW);
    expect(store.subprocessors.find(id)).toMatchObject({ ...sub, parentVendorId: vendorId });
    const records = [mfaSchema.parse(mfaItem({ population: 'customers' })), mfaSchema.parse(mfaItem({ population: 'admins', enforced: false }))];
    store.mfa.replace(vendorId, records, NOW);
    expect(store.mfa.listByVendor(vendorId)).toEqual([records[1], records[0]]); // admins first
    expect(store.mfa.allByVendor().get(vendorId)).toHaveLength(2);
  });

  it('replace is atomic: a bad record leaves the old posture in place', () => {
    const { store, vendorId } = setup();
    const good = mfaSchema.parse(mfaItem());
    store.mfa.replace(vendorId, [good], NOW);
    expect(() => store.mfa.replace(vendorId, [good, good], NOW)).toThrow(/UNIQUE/);
    expect(store.mfa.listByVendor(vendorId)).toEqual([good]);
  });

  it('deleting a vendor removes what it owns', () => {
    const { store, vendorId } = setup();
    store.incidents.create(vendorId, incidentInput.parse(incidentBody()), NOW);
    store.subprocessors.create(vendorId, subprocessorInput.parse(subprocessorBody()), NOW);
    store.mfa.replace(vendorId, [mfaSchema.parse(mfaItem())], NOW);
    store.vendors.remove(vendorId);
    expect([store.incidents.all(), store.subprocessors.all(), store.mfa.listByVendor(vendorId)]).toEqual([[], [], []]);
  });
});
