import { describe, expect, it } from 'vitest';
import { PARAMETER_PATHS, policy } from '../../server/domain/methodology.ts';
import { DEFAULT_POLICY } from '../../server/scoring/policy.ts';
import type { Methodology } from '../../web/api/client.ts';
import {
  draftBody,
  draftFromForm,
  draftOf,
  factorSections,
  getAt,
  leafLabel,
  nextVersion,
  placeErrors,
  sectionsOf,
  setAt,
  sourceName,
  valueName,
  valueText,
  whyName,
} from '../../web/methodology-draft.ts';

const IN_FORCE: Methodology = { ...DEFAULT_POLICY, note: 'Shipped default', createdAt: '2026-11-29T12:00:00.000Z' };
const form = (entries: Array<[string, string]>): FormData => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

describe('the parameters by section', () => {
  it('groups every parameter under its section, in the engine’s order, each with its value and rationale', () => {
    const sections = sectionsOf(IN_FORCE, IN_FORCE.rationale);
    expect(sections.map((s) => s.id)).toEqual([...new Set(PARAMETER_PATHS.map((p) => p.split('.')[0]))]);
    expect(sections.flatMap((s) => s.rows.map((r) => r.path))).toEqual([...PARAMETER_PATHS]);
    const support = sections.find((s) => s.id === 'support')!;
    expect(support.label).toBe('Support chain');
    expect(support.rows[0]).toEqual({
      path: 'support.accessPoints',
      name: 'accessPoints',
      value: DEFAULT_POLICY.support.accessPoints,
      rationale: DEFAULT_POLICY.rationale['support.accessPoints'],
    });
    expect(sections.find((s) => s.id === 'decay')!.rows[0]!.name).toBe('decay');
  });

  it('writes values in words', () => {
    expect(valueText({ low: 8, medium: 20 })).toBe('low 8, medium 20');
    expect(valueText(DEFAULT_POLICY.bands)).toBe('critical 50, high 30, moderate 15, low 0');
    expect(valueText(null)).toBe('none');
    expect(valueText(false)).toBe('no');
    expect(valueText(1.2)).toBe('1.2');
  });

  it('links a factor to the sections its score reads', () => {
    expect(factorSections('support')).toEqual(['support', 'weights']);
    expect(factorSections('recurrence')).toEqual(['recurrence', 'weights', 'decay']);
  });
});

describe('the draft of a new version', () => {
  it('starts from the version in force with the next minor label and no note', () => {
    const d = draftOf(IN_FORCE);
    expect(d.version).toBe('2.1.0');
    expect(d.note).toBe('');
    expect(d.rationale).toEqual(DEFAULT_POLICY.rationale);
    expect(d.controls).toMatchObject({
      'support.accessPoints.admin': 'number',
      'decay.kind': 'select',
      'decay.name': 'text',
      'mfa.unknownCountsAs.enforced': 'yes-no',
      'bands.0.band': 'fixed',
      'reviewTriggers.minIncidentSeverity.1': 'select',
    });
    expect(nextVersion('2.3.9')).toBe('2.4.0');
    expect(nextVersion('trial')).toBe('');
  });

  it('sends a body the server accepts as it is', () => {
    const body = draftBody(draftOf(IN_FORCE));
    const { note, ...rest } = body;
    expect(note).toBeNull();
    expect(policy.parse(rest)).toEqual({ ...DEFAULT_POLICY, version: '2.1.0' });
  });

  it('reads the form back: numbers as numbers, blanks as none, yes/no as booleans, a rationale as typed', () => {
    const d = draftFromForm(
      form([
        ['version', '1.2.0'],
        ['note', ' Trial '],
        [valueName('support.accessPoints.admin'), '65'],
        [valueName('support.outsourcedMultiplier'), '1.5'],
        [valueName('decay.cutoffDays'), ''],
        [valueName('mfa.unknownCountsAs.enforced'), 'yes'],
        [valueName('weights.mfa'), 'lots'],
        [valueName('bands.0.band'), 'low'],
        [whyName('support.accessPoints'), 'Admin raised after the 2024 review.'],
        [sourceName('support.accessPoints'), 'judgement (CISO, 2026-12)'],
      ]),
      draftOf(IN_FORCE),
    );
    expect(d.version).toBe('1.2.0');
    expect(getAt(d.values, 'support.accessPoints')).toEqual({ ...DEFAULT_POLICY.support.accessPoints, admin: 65 });
    expect(getAt(d.values, 'support.outsourcedMultiplier')).toBe(1.5);
    expect(getAt(d.values, 'decay.cutoffDays')).toBeNull();
    expect(getAt(d.values, 'mfa.unknownCountsAs.enforced')).toBe(true);
    // Anything else goes as typed, for the server to name beside the field.
    expect(getAt(d.values, 'weights.mfa')).toBe('lots');
    // A band's name is not the form's to change.
    expect(getAt(d.values, 'bands.0.band')).toBe('critical');
    expect(d.rationale['support.accessPoints']).toEqual({ why: 'Admin raised after the 2024 review.', source: 'judgement (CISO, 2026-12)' });
    expect(d.rationale['weights.mfa']).toEqual(DEFAULT_POLICY.rationale['weights.mfa']);
    expect(draftBody(d).note).toBe('Trial');
  });

  it('switches a decay policy to another kind with that kind’s fields, keeping its name', () => {
    const d = draftFromForm(form([[valueName('decay.kind'), 'linear']]), draftOf(IN_FORCE));
    expect(d.values.decay).toEqual({ name: 'long-memory', kind: 'linear', days: 365 });
    expect(d.controls['decay.days']).toBe('number');
    expect(d.controls).not.toHaveProperty('decay.halfLifeDays');
    const back = draftFromForm(
      form([
        [valueName('decay.kind'), 'half-life'],
        [valueName('decay.days'), '30'],
      ]),
      d,
    );
    expect(back.values.decay).toEqual({ name: 'long-memory', kind: 'half-life', halfLifeDays: 1095, cutoffDays: null });
  });

  it('labels the values of a parameter', () => {
    expect(leafLabel(IN_FORCE, 'support.accessPoints', 'support.accessPoints.session-artifacts')).toBe('session-artifacts');
    expect(leafLabel(IN_FORCE, 'impact.tierPoints', 'impact.tierPoints.1')).toBe('tier 1');
    expect(leafLabel(IN_FORCE, 'bands', 'bands.1.minRisk')).toBe('high from');
    expect(leafLabel(IN_FORCE, 'support.outsourcedMultiplier', 'support.outsourcedMultiplier')).toBe('outsourced multiplier');
    expect(leafLabel(IN_FORCE, 'decay', 'decay.halfLifeDays')).toBe('half life days');
  });

  it('updates a value anywhere, lists included, leaving the rest as it was', () => {
    const v = setAt(IN_FORCE, 'bands.1.minRisk', 35);
    expect(v.bands[1]).toEqual({ band: 'high', minRisk: 35 });
    expect(Array.isArray(v.bands)).toBe(true);
    expect(IN_FORCE.bands[1]!.minRisk).toBe(30);
  });
});

describe("the server's errors beside the fields", () => {
  const d = draftOf(IN_FORCE);

  it('places each path where the form shows it', () => {
    expect(
      placeErrors(
        {
          version: 'expected letters',
          weights: 'factor weights must add up to 1',
          'mfa.populationWeights': 'population weights must add up to 100',
          'incidents.severityPoints.critical': 'Too big',
          'rationale.support.accessPoints': 'give a rationale',
          'rationale.weights.mfa.source': 'Too small',
          'rationale.colour': 'not a parameter',
          colour: 'Unrecognized key',
        },
        d,
      ),
    ).toEqual({
      version: 'expected letters',
      's.weights': 'factor weights must add up to 1',
      'p.mfa.populationWeights': 'population weights must add up to 100',
      [valueName('incidents.severityPoints.critical')]: 'Too big',
      [whyName('support.accessPoints')]: 'give a rationale',
      [sourceName('weights.mfa')]: 'Too small',
      form: 'rationale of colour: not a parameter; colour: Unrecognized key',
    });
  });

  it('puts a value path the form lacks on its parameter’s row', () => {
    expect(placeErrors({ 'incidents.severityPoints.extreme': 'Unrecognized key' }, d)).toEqual({ 'p.incidents.severityPoints': 'Unrecognized key' });
  });
});
