/**
 * The benchmarks' large portfolio, written with the project's own repositories: about 12.8 fact
 * rows per vendor (10,000 vendors ≈ 128k rows: 60k incidents, 15k subprocessors, 25k MFA records,
 * 25k posture statements and, with `seedDecisions`, 2.5k procurement decisions). Each vendor has
 * 0–12 incidents over eight years with varied root causes (so repeats occur) and some campaigns
 * (a continuation of the incident before); three in four outsource support to two subprocessors
 * (half of them inherited from the previous vendor); five in six have MFA posture for three
 * populations; every vendor has two or three public posture statements.
 */
import type { Deps } from '../../server/deps.ts';
import type { Store } from '../../server/db/store.ts';
import { SYSTEM } from '../../server/domain/account.ts';
import { incidentInput } from '../../server/domain/incident.ts';
import { mfaRecord } from '../../server/domain/mfa.ts';
import { reviewInput } from '../../server/domain/review.ts';
import { subprocessorInput } from '../../server/domain/subprocessor.ts';
import { vendorInput } from '../../server/domain/vendor.ts';
import type { AccessVector, MfaMethod, SupportInvolvementType } from '../../server/domain/vocabulary.ts';

const NOW = '2026-11-29T00:00:00.000Z';
const severities = ['low', 'medium', 'high', 'critical'] as const;
const vectors: AccessVector[][] = [
  ['stolen-credentials'],
  ['phishing-social-engineering'],
  ['vulnerability-exploit'],
  ['stolen-credentials', 'mfa-fatigue'],
  ['token-theft'],
];
const paths: SupportInvolvementType[] = ['in-house-support-tool', 'outsourced-support-provider', 'none', 'none'];
const methods: MfaMethod[] = ['fido2', 'totp', 'push', 'sms', 'push-number-matching'];

/** Incidents per vendor: 0–12, six on average. */
export const incidentsOf = (i: number): number => i % 13;

export function seedSyntheticPortfolio(store: Store, count: number): void {
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = store.vendors.create(
        vendorInput.parse({
          name: `Vendor ${i}`,
          category: `category ${i % 12}`,
          tier: (i % 4) + 1,
          dataAccess: 'confidential',
          environmentAccess: 'user',
          status: i % 10 === 9 ? 'under-review' : 'approved',
          engagedSince: `${2019 + (i % 6)}-01-01`,
        }),
        NOW,
      );
      let previous: { id: number; year: number } | null = null;
      for (let k = 0; k < incidentsOf(i); k++) {
        const year = 2018 + ((i + k) % 8);
        const month = String(((i * 7 + k * 5) % 12) + 1).padStart(2, '0');
        const path = paths[(i + k) % paths.length]!;
        // Every fifth incident continues the one before it (a campaign), when that one was known no later.
        const continuationOf = k % 5 === 4 && previous && previous.year <= year ? previous.id : null;
        const incidentId = store.incidents.create(
          id,
          incidentInput.parse({
            title: `Incident ${k}`,
            severity: severities[(i + k) % 4],
            intrusionStartDate: `${year}-${month}-01`,
            detectedByVendorDate: `${year}-${month}-10`,
            publicDisclosureDate: `${year}-${month}-${k % 3 === 0 ? '28' : '15'}`,
            supportInvolved: path !== 'none',
            supportInvolvementType: path,
            initialAccessVectors: vectors[(i * 3 + k) % vectors.length],
            continuationOf,
          }),
          NOW,
        );
        previous = { id: incidentId, year };
      }
      if (i % 4 !== 3) {
        for (let s = 0; s < 2; s++) {
          const vendorId = s === 0 && i % 2 === 0 && i > 0 ? id - 1 : null;
          store.subprocessors.create(
            id,
            subprocessorInput.parse({
              name: `Support ${s}`,
              function: 'customer support',
              outsourced: s === 0,
              accessLevel: s === 0 ? 'session-artifacts' : 'customer-data',
              vendorId,
            }),
            NOW,
          );
        }
      }
      if (i % 6 !== 5) {
        store.mfa.replace(
          id,
          (['admins', 'support', 'workforce'] as const).map((population, p) =>
            mfaRecord.parse({
              population,
              method: methods[(i + p) % methods.length],
              enforced: (i + p) % 3 !== 0,
              evidence: 'attestation',
              source: null,
              assessedOn: '2024-01-01',
              knownFrom: '2024-01-01',
            }),
          ),
          NOW,
        );
      }
      for (let p = 0; p < 2 + (i % 2); p++) {
        store.postureFacts.upsert(
          id,
          {
            ref: `statement-${p}`,
            factType: p === 0 ? 'mfa-posture' : 'support-outsourcing',
            appliesTo: p === 0 ? 'admins' : 'support',
            statement: `Vendor ${i} states its posture (${p}).`,
            statedDate: `${2020 + (p % 5)}-06-01`,
            relatedIncidentIds: [],
            sources: [`https://vendor-${i}.example/trust`],
            confidence: 'medium',
            notes: null,
            knownFrom: null,
          },
          NOW.slice(0, 10),
        );
      }
    }
  });
}

/** Procurement decisions on every fourth vendor, on days spread over three years, so every state of the due list occurs. */
export function seedDecisions(deps: Deps, count: number): void {
  deps.store.transaction(() => {
    for (let i = 0; i < count; i += 4) {
      const day = `${2024 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-15`;
      deps.reviews.create(SYSTEM, i + 1, reviewInput.parse({ decision: 'approved', rationale: 'bench', decidedOn: day }));
    }
  });
}
