import { describe, expect, it } from 'vitest';
import { dossierOf, type DossierSources } from '../../../../server/services/dossier/dossier-service.ts';
import type { Subprocessor } from '../../../../server/domain/subprocessor.ts';
import type { MfaRecord } from '../../../../server/domain/mfa.ts';

const sources = (over: Partial<DossierSources>): DossierSources => ({
  vendor: (id) => ({ id, name: 'Acme' }) as never,
  score: (vendorId, asOf) => ({ vendorId, asOf }) as never,
  reviewStatus: (vendorId, asOf) => ({ vendorId, asOf }) as never,
  reviews: () => [],
  incidents: () => [],
  subprocessors: () => [],
  mfa: () => ({ items: [], version: 1 }),
  statements: () => [],
  now: () => '2026-11-29T12:00:00.000Z',
  ...over,
});

describe('dossierOf', () => {
  it('cites an answer a fact came from, in words, as its source', () => {
    const chain = [
      { name: 'Callcentre', sources: [], knownFrom: '2024-01-01', source: { kind: 'questionnaire', requestId: 12, questionId: 'q1' } },
    ] as unknown as Subprocessor[];
    const mfa = [
      { population: 'support', assessedOn: '2024-01-01', knownFrom: '2024-01-01', source: { kind: 'questionnaire-import', importId: 3, questionId: 'IAM-14' } },
    ] as unknown as MfaRecord[];
    const d = dossierOf(sources({ subprocessors: () => chain, mfa: () => ({ items: mfa, version: 1 }) }), 1, '2024-06-30');
    expect(d.sources).toEqual([
      { about: 'Support chain: Callcentre', source: 'questionnaire, request 12' },
      { about: 'MFA: support', source: 'imported questionnaire 3' },
    ]);
  });

  it('counts a partial known-from date from its last day', () => {
    const chain = [{ name: 'Later', sources: [], knownFrom: '2024-06' }] as unknown as Subprocessor[];
    const of = (asOf: string) => dossierOf(sources({ subprocessors: () => chain }), 1, asOf);
    expect(of('2024-06-29').leftOut.supportChain).toBe(1);
    expect(of('2024-06-30').supportChain).toHaveLength(1);
  });
});
