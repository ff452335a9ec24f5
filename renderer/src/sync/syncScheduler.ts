/**
 * When runs happen: one timer for the next run (a newer request replaces it), this tab's runs one
 * after another (a push asked for during a pull waits its turn), and each run under the lock that
 * lets one tab of the machine sync at a time (another tab's run under way: this one skips its turn).
 */
import type { SyncLock } from './syncLock';

export type RunKind = 'full' | 'push';

export class SyncScheduler<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private running: Promise<unknown> | null = null;
  private active = false;

  /** `runOnce` is one run, called under the lock. */
  constructor(
    private readonly lock: SyncLock,
    private readonly runOnce: (kind: RunKind) => Promise<T>,
  ) {}

  start(): void {
    this.active = true;
  }

  /** No more timed runs; resolves once the run under way (if any) has ended. */
  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** A run in `ms` (replacing the one planned); nothing while stopped (tests drive runs by hand). */
  scheduleIn(ms: number, kind: RunKind): void {
    if (!this.active) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(kind).catch(() => undefined);
    }, ms);
  }

  /** A run after this tab's runs before it; null when another tab held the lock. */
  enqueue(kind: RunKind): Promise<T | null> {
    const task = this.chain.then(() => this.underLock(kind));
    this.chain = task.catch(() => undefined);
    return task;
  }

  private async underLock(kind: RunKind): Promise<T | null> {
    const task = this.lock.tryRun(() => this.runOnce(kind));
    this.running = task;
    try {
      const result = await task;
      return result.ran ? result.value : null;
    } finally {
      if (this.running === task) this.running = null;
    }
  }
}
