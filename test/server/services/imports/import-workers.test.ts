import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../server/config.ts';
import { silentLogger } from '../../../../server/logger.ts';
import { importWorkers, WorkerFailed } from '../../../../server/services/imports/import-workers.ts';
import type { PreparedVeris } from '../../../../server/services/imports/veris-prepare.ts';

const verisSchemaDir = loadConfig({}).verisSchemaDir;
const pool = (over: { size?: number; heapMb?: number } = {}) => importWorkers({ size: 1, heapMb: 256, idleMs: 1000, verisSchemaDir, ...over }, silentLogger);
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('import workers', () => {
  it('counts the records of an NDJSON body, then reads and checks them, capping the problems at 1,000', async () => {
    const run = pool().run<PreparedVeris>({ kind: 'veris', bytes: bytes(Array.from({ length: 3000 }, (_, i) => `junk ${i}`).join('\n')), onInvalid: 'reject' });
    expect(await run.counted).toBe(3000);
    const prepared = await run.result;
    expect(prepared).toMatchObject({ records: 3000, invalid: 3000, errorsTotal: 3000, planned: [] });
    expect(prepared.errors).toHaveLength(1000);
    expect(prepared.errors[0]).toMatchObject({ path: 'lines.1', line: 1 });
  });

  it('refuses a body that is not UTF-8 as data, not as a crash', async () => {
    const run = pool().run({ kind: 'csv', bytes: new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe]) });
    await expect(run.result).rejects.toEqual(new WorkerFailed({ reason: 'bad-encoding' }));
    await expect(run.counted).rejects.toBeInstanceOf(WorkerFailed);
  });

  it('refuses, before parsing, a body whose parse would come near the worker heap', async () => {
    const workers = pool({ heapMb: 64 });
    // 1.5 MB of empty objects: half a million values, more than half of a 64 MB heap holds.
    const many = `[${Array.from({ length: 500_000 }, () => '{}').join(',')}]`;
    const run = workers.run({ kind: 'veris', bytes: bytes(many), onInvalid: 'reject' });
    await expect(run.result).rejects.toMatchObject({ failure: { reason: 'too-large', message: expect.stringMatching(/NDJSON/) } });
    await expect(workers.run({ kind: 'export', bytes: bytes(`{"vendors":${many}}`) }).result).rejects.toMatchObject({ failure: { reason: 'too-large' } });
    const cells = Array.from({ length: 1000 }, () => Array.from({ length: 600 }, () => 'a').join(',')).join('\n');
    await expect(workers.run({ kind: 'csv', bytes: bytes(cells) }).result).rejects.toMatchObject({ failure: { reason: 'too-large' } });
    // An NDJSON body is read line by line: only the line that is too large is refused.
    const lines = `{"incident_id":"a"}\n{"padding":${many}}\njunk\n`;
    const prepared = await workers.run<PreparedVeris>({ kind: 'veris', bytes: bytes(lines), onInvalid: 'reject' }).result;
    expect(prepared.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['lines.2']));
    expect(prepared.errors.find((e) => e.path === 'lines.2')!.message).toMatch(/more JSON values than one record may/);
    expect(prepared.errors.find((e) => e.path === 'lines.3')!.message).toMatch(/not a JSON object/);
  });

  it('queues bodies beyond its size, and a cancelled one leaves the queue', async () => {
    const workers = pool({ size: 1 });
    const first = workers.run({ kind: 'csv', bytes: bytes('a\n1\n') });
    const second = workers.run({ kind: 'csv', bytes: bytes('a\n2\n') });
    const third = workers.run({ kind: 'csv', bytes: bytes('a\n3\n') });
    second.cancel();
    await expect(second.result).rejects.toThrow(/cancelled/);
    expect(await first.result).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['1'] },
    ]);
    expect(await third.result).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['3'] },
    ]);
  });
});
