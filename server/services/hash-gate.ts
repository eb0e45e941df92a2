/**
 * Bounds how many password hashes run at once. scrypt is slow and memory-hungry by design, and
 * runs on libuv's small thread pool: unbounded, a burst of sign-ins queues every other user (and
 * file I/O) behind it. A few run, a few wait their turn, and the rest are refused at once.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly queue: number;

  constructor(concurrency: number, queue: number) {
    this.concurrency = Math.max(1, concurrency);
    this.queue = Math.max(0, queue);
  }

  /** Runs `work` when a slot is free, or returns undefined at once when the queue is full. */
  tryRun<T>(work: () => Promise<T>): Promise<T> | undefined {
    if (this.running >= this.concurrency && this.waiting.length >= this.queue) return undefined;
    return this.run(work);
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    // A finishing job hands its slot straight to the first waiter, so `running` stays as it is.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Hashes running and waiting, for tests and diagnostics. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
