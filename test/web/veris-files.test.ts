import { describe, expect, it } from 'vitest';
import { combineVerisFiles, filesLabel, placeIn } from '../../web/veris-files.ts';

const rec = (id: string) => ({ incident_id: id, schema_version: '1.3.4' });

describe('several VERIS files as one import', () => {
  it('become one record a line (an object, an array, NDJSON), each file remembering where its records sit', () => {
    const files = [
      { name: 'one.json', text: JSON.stringify(rec('A'), null, 2) },
      { name: 'many.json', text: JSON.stringify([rec('B'), rec('C')]) },
      { name: 'lines.ndjson', text: `${JSON.stringify(rec('D'))}\r\n\r\n${JSON.stringify(rec('E'))}\n` },
    ];
    const c = combineVerisFiles(files);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.text.split('\n').map((l) => (JSON.parse(l) as { incident_id: string }).incident_id)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(c.segments).toEqual([
      { name: 'one.json', first: 0, count: 1 },
      { name: 'many.json', first: 1, count: 2 },
      { name: 'lines.ndjson', first: 3, count: 2 },
    ]);
    const place = placeIn(c.segments);
    expect([0, 1, 2, 3, 4].map(place)).toEqual([
      'one.json, record 1',
      'many.json, record 1',
      'many.json, record 2',
      'lines.ndjson, record 1',
      'lines.ndjson, record 2',
    ]);
  });

  it('keep a broken NDJSON line for the server to report, with its place', () => {
    const c = combineVerisFiles([{ name: 'a.ndjson', text: `${JSON.stringify(rec('A'))}\n{"incident_id": \n${JSON.stringify(rec('B'))}` }]);
    expect(c.ok && c.text.split('\n')).toEqual([JSON.stringify(rec('A')), '{"incident_id":', JSON.stringify(rec('B'))]);
  });

  it('name a file that is neither JSON nor NDJSON, or empty, before anything is sent', () => {
    const truncated = JSON.stringify([rec('A'), rec('B')], null, 2).slice(0, 60);
    const c = combineVerisFiles([
      { name: 'good.json', text: JSON.stringify(rec('A')) },
      { name: 'cut.json', text: truncated },
    ]);
    expect(c).toMatchObject({ ok: false, message: expect.stringMatching(/^cut\.json is neither JSON nor NDJSON \(/) });
    expect(combineVerisFiles([{ name: 'empty.json', text: '  ' }])).toEqual({ ok: false, message: 'empty.json is empty' });
  });

  it('name a record by its place alone when there is one file, and the files for a heading', () => {
    expect(placeIn([{ name: 'a.json', first: 0, count: 9 }])(4)).toBe('record 5');
    expect(filesLabel([{ name: 'a.json', text: '' }])).toBe('a.json');
    expect(
      filesLabel([
        { name: 'a.json', text: '' },
        { name: 'b.ndjson', text: '' },
      ]),
    ).toBe('a.json and b.ndjson');
    expect(
      filesLabel([
        { name: 'a', text: '' },
        { name: 'b', text: '' },
        { name: 'c', text: '' },
      ]),
    ).toBe('3 files');
  });
});
