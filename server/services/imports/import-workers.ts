/**
 * A small pool of import workers (import-worker.ts). Parsing and checking a 50 MB body takes
 * seconds of CPU: in a worker, the thread that serves requests stays free, and a body that needs
 * more memory than `heapMb` ends that worker (ERR_WORKER_OUT_OF_MEMORY) instead of the server.
 * Workers start on demand, are reused while busy, and end after `idleMs` without work.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../logger.ts';
import type { WorkerFailure, WorkerMessage, WorkerTask } from './import-worker.ts';

export interface ImportWorkersOptions {
  /** How many bodies are read at once; more wait their turn. */
  readonly size: number;
  /** The old-generation heap of one worker, in MB. */
  readonly heapMb: number;
  readonly idleMs: number;
  readonly verisSchemaDir: string;
}

/**
 * One worker leaves the second core to the thread that serves requests. The heap is a ceiling, not
 * a reservation: 1.5 GB lets one worker read the largest body an import route accepts (64 MB),
 * and parse-cost.ts refuses a body whose parse would need more than half of it.
 */
export const DEFAULT_IMPORT_WORKERS = { size: 1, heapMb: 1536, idleMs: 30_000 } as const;

/** The client's body could not be read: bad encoding, not JSON, a broken CSV quote, not an export. */
export class WorkerFailed extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(failure.reason);
    this.name = 'WorkerFailed';
  }
}

/** Reading the body needed more memory than a worker may use. */
export class WorkerOutOfMemory extends Error {
  constructor() {
    super('the import worker ran out of memory');
    this.name = 'WorkerOutOfMemory';
  }
}

export interface WorkerRun<T> {
  /** How many records the body holds, as soon as the worker knows (null for a task that does not count). */
  readonly counted: Promise<number | null>;
  readonly result: Promise<T>;
  onProgress(listener: (done: number) => void): void;
  /** Stops the work: the worker is ended (or the task leaves the queue) and `result` rejects. */
  cancel(): void;
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./import-worker.ts', import.meta.url).href;

/** The bytes as their own ArrayBuffer, so they move to the worker without a copy (a pooled Buffer is copied). */
function movable(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer && bytes.byteLength > 4096) {
    return { bytes: new Uint8Array(bytes.buffer), transfer: [bytes.buffer] };
  }
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return { bytes: copy, transfer: [copy.buffer] };
}

export function importWorkers(opts: ImportWorkersOptions, log: Logger) {
  const idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];
  const waiting: Array<() => void> = [];
  let busy = 0;

  const spawn = () => {
    const worker = new Worker(BOOT, {
      workerData: { entry: ENTRY, verisSchemaDir: opts.verisSchemaDir, heapMb: opts.heapMb },
      resourceLimits: { maxOldGenerationSizeMb: opts.heapMb },
    });
    worker.unref();
    return worker;
  };
  const take = (): Worker => {
    const kept = idle.pop();
    if (!kept) return spawn();
    clearTimeout(kept.timer);
    return kept.worker;
  };
  const giveBack = (worker: Worker | null) => {
    busy--;
    if (worker) {
      const timer = setTimeout(() => {
        idle.splice(
          idle.findIndex((k) => k.worker === worker),
          1,
        );
        void worker.terminate();
      }, opts.idleMs);
      timer.unref();
      idle.push({ worker, timer });
    }
    waiting.shift()?.();
  };

  return {
    run<T>(task: WorkerTask): WorkerRun<T> {
      let listener: (done: number) => void = () => {};
      let settleCount!: { resolve: (n: number | null) => void; reject: (e: unknown) => void };
      const counted = new Promise<number | null>((resolve, reject) => (settleCount = { resolve, reject }));
      let cancelled = false;
      let current: Worker | null = null;
      let leaveQueue: (() => void) | null = null;
      const { bytes, transfer } = movable(task.bytes);

      const result = (async () => {
        if (busy >= opts.size) {
          await new Promise<void>((resolve, reject) => {
            const turn = () => resolve();
            waiting.push(turn);
            leaveQueue = () => {
              waiting.splice(waiting.indexOf(turn), 1);
              reject(new Error('cancelled'));
            };
          });
        }
        leaveQueue = null;
        if (cancelled) throw new Error('cancelled');
        busy++;
        const worker = take();
        current = worker;
        let reusable = false;
        try {
          return await new Promise<T>((resolve, reject) => {
            const onMessage = (m: WorkerMessage) => {
              if (m.type === 'counted') settleCount.resolve(m.total);
              else if (m.type === 'progress') listener(m.done);
              else {
                off();
                reusable = true;
                if (m.type === 'done') resolve(m.result as T);
                else if (m.type === 'failed') reject(new WorkerFailed(m.failure));
                else reject(new Error(`import worker: ${m.message}`));
              }
            };
            const onError = (e: Error & { code?: string }) => {
              off();
              reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerOutOfMemory() : e);
            };
            const onExit = () => {
              off();
              reject(new Error(cancelled ? 'cancelled' : 'the import worker stopped'));
            };
            const off = () => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              worker.off('exit', onExit);
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            worker.postMessage({ ...task, bytes }, transfer);
          });
        } finally {
          current = null;
          giveBack(reusable ? worker : null);
          if (!reusable) void worker.terminate();
        }
      })();
      // Whoever awaits only one of the two promises must not leave the other's rejection unhandled.
      result.then(
        () => settleCount.resolve(null),
        (e: unknown) => {
          settleCount.reject(e);
          if (!(e instanceof WorkerFailed) && !(e instanceof WorkerOutOfMemory) && !cancelled) log.error('import worker failed', e);
        },
      );
      counted.catch(() => {});
      return {
        counted,
        result,
        onProgress: (l) => (listener = l),
        cancel: () => {
          cancelled = true;
          leaveQueue?.();
          if (current) void current.terminate();
        },
      };
    },
  };
}

export type ImportWorkers = ReturnType<typeof importWorkers>;
