import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_VOCABULARY } from '../../web/csv-vocabulary.ts';
import { readCell } from '../../server/services/imports/vendor-cells.ts';
import { DATA_ACCESS, ENVIRONMENT_ACCESS, VENDOR_STATUSES } from '../../server/domain/vocabulary.ts';

describe('the vendors CSV’s allowed values', () => {
  it('lists tier, dataAccess, environmentAccess and status, every stored value of each once', () => {
    const of = (c: string) => CSV_VOCABULARY.find((x) => x.column === c)!.values.map((v) => v.value);
    expect(CSV_VOCABULARY.map((c) => c.column)).toEqual(['tier', 'dataAccess', 'environmentAccess', 'status']);
    expect(of('tier')).toEqual(['1', '2', '3', '4']);
    expect(of('dataAccess')).toEqual([...DATA_ACCESS]);
    expect(of('environmentAccess')).toEqual([...ENVIRONMENT_ACCESS]);
    expect(of('status')).toEqual([...VENDOR_STATUSES]);
  });

  it('shows only what an import accepts: the words and the value of each read as that value', () => {
    for (const c of CSV_VOCABULARY) {
      for (const v of c.values) {
        const expected = c.column === 'tier' ? Number(v.value) : v.value;
        expect(readCell(c.column, v.label), `${c.column} “${v.label}”`).toEqual({ ok: true, value: expected });
        expect(readCell(c.column, v.value), `${c.column} ${v.value}`).toEqual({ ok: true, value: expected });
      }
    }
  });

  it('is what the README lists: every word and value of dataAccess, environmentAccess and status, in its row', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const c of CSV_VOCABULARY.filter((x) => x.column !== 'tier')) {
      const row = readme.split('\n').find((l) => l.startsWith(`  | \`${c.column}\``));
      expect(row, c.column).toBeDefined();
      for (const v of c.values) expect(row, `${c.column} ${v.value}`).toContain(`${v.label} (\`${v.value}\`)`);
    }
  });
});
