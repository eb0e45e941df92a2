/** Records for the compare tests: only the fields the compare view reads, the rest cast away. */
import type { Incident } from '../../../server/domain/incident.ts';
import type { Subprocessor } from '../../../server/domain/subprocessor.ts';

export const incident = (id: number, o: Partial<Incident> = {}): Incident =>
  ({
    id,
    vendorId: 1,
    title: `Incident ${id}`,
    intrusionStartDate: null,
    detectedByVendorDate: null,
    firstReportedByThirdPartyDate: null,
    publicDisclosureDate: null,
    sources: [`https://example.com/incident-${id}`, 'https://example.com/second'],
    ...o,
  }) as Incident;

export const sub = (id: number, o: Partial<Subprocessor> = {}): Subprocessor =>
  ({
    id,
    parentVendorId: 1,
    name: `Provider ${id}`,
    function: 'customer support',
    outsourced: true,
    accessLevel: 'admin',
    vendorId: null,
    since: null,
    until: null,
    sources: [`https://example.com/sub-${id}`],
    knownFrom: '2020-01-01',
    updatedAt: '2024-01-15T10:00:00.000Z',
    ...o,
  }) as Subprocessor;
