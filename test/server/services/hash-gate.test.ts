import { describe, expect, it } from 'vitest';
import { HashGate } from '../../../server/services/hash-gate.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('HashGate', () => {
  it('runs a few at once, queues a few, refuses the rest at once, and hands slots on in order', async () => {
    const gate = new HashGate(2, 1);
    const started: number[] = [];
    const holds = [deferred(), deferred(), deferred()];
    const runs = holds.map((h, i) => gate.tryRun(async () => (started.push(i), await h.promise, i)));
    expect(runs.every((r) => r !== undefined)).toBe(true);
    expect(gate.tryRun(async () => 99)).toBeUndefined();
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    holds[0]!.resolve();
    expect(await runs[0]).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    holds[1]!.resolve();
    holds[2]!.resolve();
    expect(await Promise.all(runs.map((r) => r!))).toEqual([0, 1, 2]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when the work fails', async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.tryRun(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.tryRun(async () => 'ok')).toBe('ok');
  });
});
