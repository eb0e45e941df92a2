/** The factors' and finding rules' names (server/domain/labels.ts): one per factor and per rule the engine has. */
import { describe, expect, it } from 'vitest';
import { FACTOR_IDS, FACTOR_LABELS, FINDING_RULE_IDS, FINDING_RULE_LABELS } from '../../../server/domain/labels.ts';
import { FACTOR_LABELS as METHODOLOGY_FACTOR_LABELS } from '../../../server/domain/methodology.ts';
import { FINDING_RULES } from '../../../server/scoring/findings/index.ts';
import { FACTOR_LABEL, FINDING_RULE_LABEL } from '../../../web/format.ts';

describe('factor and finding rule labels', () => {
  it('name every factor, and every finding rule the engine runs, once', () => {
    expect(Object.keys(FACTOR_LABELS)).toEqual([...FACTOR_IDS]);
    expect(new Set(FINDING_RULES.map((r) => r.id))).toEqual(new Set(FINDING_RULE_IDS));
    expect(FINDING_RULES).toHaveLength(FINDING_RULE_IDS.length);
    expect(Object.keys(FINDING_RULE_LABELS).sort()).toEqual([...FINDING_RULE_IDS].sort());
    expect(new Set(Object.values(FINDING_RULE_LABELS)).size).toBe(FINDING_RULE_IDS.length);
  });

  it('are the very ones the methodology and the web app use', () => {
    expect(METHODOLOGY_FACTOR_LABELS).toBe(FACTOR_LABELS);
    expect(FACTOR_LABEL).toBe(FACTOR_LABELS);
    expect(FINDING_RULE_LABEL).toBe(FINDING_RULE_LABELS);
  });
});
