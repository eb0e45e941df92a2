/**
 * The words for our relationship's vocabularies: the server accepts them in a CSV, and the web app
 * shows them (web/format.ts takes them from the dependency-free domain module). They must agree.
 */
import { describe, expect, it } from 'vitest';
import { DATA_ACCESS_LABELS, ENVIRONMENT_ACCESS_LABELS, valueOfLabel, VENDOR_STATUS_LABELS } from '../../server/domain/vocabulary-labels.ts';
import { DATA_ACCESS, ENVIRONMENT_ACCESS, VENDOR_STATUSES } from '../../server/domain/vocabulary.ts';
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, STATUS_LABEL } from '../../web/format.ts';

describe('the labels of the server and of the web app', () => {
  it.each([
    ['data access', DATA_ACCESS_LABELS, DATA_ACCESS_LABEL, DATA_ACCESS],
    ['environment access', ENVIRONMENT_ACCESS_LABELS, ENVIRONMENT_ACCESS_LABEL, ENVIRONMENT_ACCESS],
    ['status', VENDOR_STATUS_LABELS, STATUS_LABEL, VENDOR_STATUSES],
  ] as const)('agree for %s, value by value and in order', (_what, server, web, values) => {
    expect(server).toEqual(web);
    expect(Object.keys(server)).toEqual([...values]);
    expect(Object.keys(web)).toEqual([...values]);
  });

  it('each name one value only, so a label read back gives the value it labels', () => {
    for (const labels of [DATA_ACCESS_LABELS, ENVIRONMENT_ACCESS_LABELS, VENDOR_STATUS_LABELS] as const) {
      for (const [value, label] of Object.entries(labels)) {
        expect(valueOfLabel(labels as Record<string, string>, label)).toBe(value);
        expect(valueOfLabel(labels as Record<string, string>, value)).toBe(value);
      }
    }
  });
});
