/**
 * The benchmarks' large portfolio: `count` vendors with incidents (every other one through support,
 * so repeats occur), outsourced support on every third (half of those inherited from the previous
 * vendor) and MFA posture on every other, written with the project's own repositories.
 */
import type { Store } from '../../server/db/store.ts';
import { incidentInput } from '../../server/domain/incident.ts';
import { mfaRecord } from '../../server/domain/mfa.ts';
import { subprocessorInput } from '../../server/domain/subprocessor.ts';
import { vendorInput } from '../../server/domain/vendor.ts';

const NOW = '2026-11-29T00:00:00.000Z';
const severities = ['low', 'medium', 'high', 'critical'] as const;

export function seedSyntheticPortfolio(store: Store, count: number): void {
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = store.vendors.create(
        vendorInput.parse({ name: `Vendor ${i}`, category: `category ${i % 12}`, tier: (i % 4) + 1, dataAccess: 'confidential', environmentAccess: 'user' }),
        NOW,
      );
      for (let k = 0; k < i % 4; k++) {
        const year = 2018 + ((i + k) % 8);
        store.incidents.create(
          id,
          incidentInput.parse({
            title: `Incident ${k}`,
            severity: severities[(i + k) % 4],
            intrusionStartDate: `${year}-02-01`,
            detectedByVendorDate: `${year}-03-01`,
            publicDisclosureDate: `${year}-04-15`,
            supportInvolved: k % 2 === 0,
            supportInvolvementType: k % 2 === 0 ? 'in-house-support-tool' : 'none',
            initialAccessVectors: ['stolen-credentials'],
          }),
          NOW,
        );
      }
      if (i % 3 === 0) {
        const vendorId = i % 6 === 0 && i > 0 ? id - 1 : null;
        store.subprocessors.create(id, subprocessorInput.parse({ name: 'Support', function: 'customer support', outsourced: true, accessLevel: 'session-artifacts', vendorId }), NOW);
      }
      if (i % 2 === 0) store.mfa.replace(id, [mfaRecord.parse({ population: 'admins', method: 'fido2', enforced: true, evidence: 'attestation', source: null, assessedOn: '2024-01-01', knownFrom: '2024-01-01' })], NOW);
    }
  });
}
