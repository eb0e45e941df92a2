import { describe, expect, it } from 'vitest';
import { campaignLinks, classification, incidentWeights } from '../../web/root-causes.ts';

describe('classification', () => {
  it('is the analyst’s value where set, else the derived one, and says which', () => {
    const i = { rootCause: 'insider' as const, entryPath: null, derivedRootCause: 'stolen-credentials' as const, derivedEntryPath: 'employee' as const };
    expect(classification(i)).toEqual({ rootCause: { value: 'insider', set: true }, entryPath: { value: 'employee', set: false } });
  });
});

describe('campaignLinks', () => {
  it('finds the incident continued and those continuing', () => {
    const all = [
      { id: 1, title: 'August', continuationOf: null },
      { id: 2, title: 'November', continuationOf: 1 },
      { id: 3, title: 'Other', continuationOf: null },
    ];
    expect(campaignLinks(all[0]!, all)).toEqual({ continues: undefined, continuedBy: [all[1]] });
    expect(campaignLinks(all[1]!, all)).toEqual({ continues: all[0], continuedBy: [] });
  });
});

describe('incidentWeights', () => {
  it('adds each incident’s weighted contributions to incidents, recurrence and disclosure', () => {
    const c = (ref: string | null, points: number) => ({ label: '', points, ref, detail: '' });
    const f = (id: string, weight: number, contributions: ReturnType<typeof c>[]) => ({ id, label: '', score: 0, weight, known: true, contributions }) as never;
    const w = incidentWeights({
      factors: [
        f('incidents', 0.3, [c('incident:2', 50), c('incident:1', 20)]),
        f('recurrence', 0.1, [c('incident:2', 40)]),
        f('support', 0.25, [c('subprocessor:3', 60)]),
        f('disclosure', 0.15, [c('incident:2', 20)]),
      ],
    });
    expect([...w.keys()]).toEqual([2, 1]);
    expect(w.get(2)!.total).toBeCloseTo(15 + 4 + 3, 9);
    expect(w.get(2)!.parts.map((p) => [p.factor, p.points, p.weight])).toEqual([
      ['incidents', 50, 0.3],
      ['recurrence', 40, 0.1],
      ['disclosure', 20, 0.15],
    ]);
    expect(w.get(1)!.total).toBeCloseTo(6, 9);
  });
});
