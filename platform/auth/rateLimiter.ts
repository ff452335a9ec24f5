/** Fixed one-minute windows per key (terminal, or IP before login). */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private perMinute: number) {}

  setLimit(perMinute: number): void {
    this.perMinute = perMinute;
    this.windows.clear();
  }

  get limit(): number {
    return this.perMinute;
  }

  hit(key: string, nowMs: number): RateDecision {
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.sweep(nowMs);
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - nowMs) / 1000));
    return { allowed: this.perMinute <= 0 || window.count <= this.perMinute, retryAfterSeconds };
  }

  private sweep(nowMs: number): void {
    for (const [key, w] of this.windows) if (nowMs - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}
