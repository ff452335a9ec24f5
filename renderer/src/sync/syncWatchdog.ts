/**
 * The watchdog: a sync run beats while it makes progress (a page applied, a batch sent); one that
 * has not beaten for `stallMs` is aborted with StalledError, so the run lets go of the lock and the
 * scheduler can start it again. A hung request that ignores its abort signal is let go as well.
 */
export class StalledError extends Error {
  constructor() {
    super('sync stalled');
    this.name = 'StalledError';
  }
}

export interface WatchdogOptions {
  /** A run with no progress for this long is aborted. */
  stallMs: number;
  /** How often the watchdog looks. */
  watchdogIntervalMs: number;
}

export class SyncWatchdog {
  private current: { controller: AbortController; lastBeat: number } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: WatchdogOptions) {}

  start(): void {
    this.timer ??= setInterval(() => this.check(), this.options.watchdogIntervalMs);
  }

  /** Stops watching and aborts the run under way, if any, with `reason`. */
  stop(reason: Error): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.current?.controller.abort(reason);
  }

  /**
   * Runs `work` watched: it gets the abort signal and the beat to call on progress. Settles with the
   * work, or rejects with the abort's reason as soon as it is aborted (stalled, or stopped).
   */
  async watch<T>(work: (signal: AbortSignal, beat: () => void) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const run = { controller, lastBeat: Date.now() };
    this.current = run;
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
    });
    aborted.catch(() => undefined);
    const beat = (): void => {
      run.lastBeat = Date.now();
    };
    try {
      return await Promise.race([work(controller.signal, beat), aborted]);
    } finally {
      if (this.current === run) this.current = null;
    }
  }

  private check(): void {
    const current = this.current;
    if (current && Date.now() - current.lastBeat > this.options.stallMs) current.controller.abort(new StalledError());
  }
}
