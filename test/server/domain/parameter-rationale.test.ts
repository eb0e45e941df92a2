/**
 * Every parameter carries why it has its value and its source (issue 13 §5), as data in the
 * policy; a parameter without one fails here, and a new version without one is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { PARAMETER_PATHS, policy, storedPolicy, storedParameters } from '../../../server/domain/methodology.ts';
import { rationaleFor } from '../../../server/domain/parameter-rationale.ts';
import { SHIPPED_RATIONALE } from '../../../server/domain/shipped-rationale.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';

const valueAt = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o);

/** The leaves of a value, as paths (arrays and the decay policy count as one). */
const leaves = (o: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? leaves(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('the rationale of the shipped methodology', () => {
  it('has one entry per parameter of DEFAULT_POLICY, each with a why and a source', () => {
    expect(Object.keys(DEFAULT_POLICY.rationale).sort()).toEqual([...PARAMETER_PATHS].sort());
    for (const path of PARAMETER_PATHS) {
      const r = DEFAULT_POLICY.rationale[path];
      expect(r, path).toBeDefined();
      expect(r!.why.trim().length, path).toBeGreaterThan(10);
      expect(r!.source.trim().length, path).toBeGreaterThan(3);
    }
  });

  it('covers every value of the policy: each leaf lies under exactly one parameter', () => {
    const { version: _v, rationale: _r, ...values } = DEFAULT_POLICY;
    for (const path of PARAMETER_PATHS) expect(valueAt(values, path), path).toBeDefined();
    for (const leaf of leaves(values))
      expect(
        PARAMETER_PATHS.filter((p) => leaf === p || leaf.startsWith(`${p}.`)),
        leaf,
      ).toHaveLength(1);
  });

  it('splits sections into their fields: each weight and each record is one parameter', () => {
    expect(PARAMETER_PATHS).toEqual(
      expect.arrayContaining(['weights.mfa', 'support.accessPoints', 'incidents.severityPoints', 'decay', 'bands', 'findings.lookbackDays']),
    );
    expect(PARAMETER_PATHS).not.toContain('weights');
    expect(PARAMETER_PATHS).not.toContain('support.accessPoints.admin');
  });

  it('fails for a parameter that has none: a new parameter needs its line', () => {
    const r = rationaleFor([...PARAMETER_PATHS, 'support.newThing']).safeParse(SHIPPED_RATIONALE);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['support.newThing']);
  });

  it('names only project data files that exist, and says "judgement" where that is the basis', () => {
    const text = Object.values(SHIPPED_RATIONALE)
      .map((r) => r.source)
      .join(' ');
    for (const file of new Set(text.match(/\bdata\/seed\/[\w.-]+\.json/g) ?? [])) expect(() => readFileSync(join(PROJECT_ROOT, file)), file).not.toThrow();
    expect(text).toContain('judgement (');
  });
});

describe('the policy schema', () => {
  const without = (path: string) => {
    const { [path]: _gone, ...rest } = DEFAULT_POLICY.rationale;
    return { ...DEFAULT_POLICY, rationale: rest };
  };
  const paths = (r: ReturnType<typeof policy.safeParse>) => r.error?.issues.map((i) => i.path.join('.')) ?? [];

  it('refuses a version with a parameter lacking its rationale, at rationale.<path>', () => {
    expect(paths(policy.safeParse(without('support.accessPoints')))).toEqual(['rationale.support.accessPoints']);
  });

  it('refuses a rationale for something that is not a parameter, an empty why, or one over several lines', () => {
    expect(paths(policy.safeParse({ ...DEFAULT_POLICY, rationale: { ...DEFAULT_POLICY.rationale, colour: { why: 'blue', source: 'judgement' } } }))).toEqual([
      'rationale.colour',
    ]);
    const bad = (entry: object) => paths(policy.safeParse({ ...DEFAULT_POLICY, rationale: { ...DEFAULT_POLICY.rationale, 'weights.mfa': entry } }));
    expect(bad({ why: ' ', source: 'judgement' })).toEqual(['rationale.weights.mfa.why']);
    expect(bad({ why: 'one\ntwo', source: 'judgement' })).toEqual(['rationale.weights.mfa.why']);
    expect(bad({ why: 'fine' })).toEqual(['rationale.weights.mfa.source']);
  });
});

describe('stored versions', () => {
  const golden = JSON.parse(readFileSync(join(PROJECT_ROOT, 'test/fixtures/golden/golden-1.0.0.json'), 'utf8')) as { policy: Record<string, unknown> };
  const { version, ...v1 } = golden.policy;

  it('1.0.0 as stored has no rationale and no review triggers, and is read with the shipped ones', () => {
    expect(v1).not.toHaveProperty('rationale');
    const read = storedPolicy(v1, version as string);
    expect(read.rationale).toEqual(SHIPPED_RATIONALE);
    expect(read.reviewTriggers).toEqual(DEFAULT_POLICY.reviewTriggers);
    expect(read.weights).toEqual(v1.weights);
  });

  it('a stored rationale is kept; entries it lacks come from the shipped one, entries for no parameter are dropped', () => {
    const own = { 'weights.mfa': { why: 'Raised after the 2024 review.', source: 'judgement (CISO, 2024-05)' }, colour: { why: 'x', source: 'y' } };
    const read = storedPolicy({ ...v1, rationale: own }, '1.2.0');
    expect(read.rationale['weights.mfa']).toEqual(own['weights.mfa']);
    expect(read.rationale['weights.support']).toEqual(SHIPPED_RATIONALE['weights.support']);
    expect(read.rationale).not.toHaveProperty('colour');
  });

  it('an export carries parameters as stored: a 1.0.0 without rationale passes, so it restores unchanged', () => {
    expect(storedParameters.parse(v1)).toEqual(v1);
  });
});
