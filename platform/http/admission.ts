/**
 * Admission control. A thousand terminals that come back together would otherwise queue for
 * minutes inside the platform (every batch accepted, parsed and applied in turn, each one behind
 * the others) while /health and lookups wait in the same line. Instead, bulk work (outbox batches,
 * sync pages) is admitted only while the platform keeps up: past a number of bulk requests in
 * flight, or while the event loop lags, a bulk request is answered 503 with Retry-After at once —
 * in the onRequest hook, before its body is read — and the terminal comes back later (its backoff
 * honours Retry-After and adds jitter). Everything else is refused only past a far higher ceiling,
 * and /health never, so the counter's own lookups and the operators' health check stay fast.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { fail } from './problems';

export interface AdmissionOptions {
  /** Outbox batches and sync pages served at once (a request is in flight until its answer is sent). */
  maxBulkInFlight: number;
  /** Every other request at once (lookups, logins…); /health is never refused. */
  maxInFlight: number;
  /** Bulk work is refused while the event loop lags by more than this (ms; 0 = never for lag). */
  lagLimitMs: number;
  /** What Retry-After says (seconds); terminals add their own jitter on top. */
  retryAfterSeconds: number;
}

export const DEFAULT_ADMISSION: AdmissionOptions = { maxBulkInFlight: 16, maxInFlight: 512, lagLimitMs: 75, retryAfterSeconds: 3 };

/** Route classes for admission (route config `admission`). */
export type AdmissionClass = 'bulk' | 'exempt';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'bulk': outbox batches and sync pages, shed first; 'exempt': never shed (/health). */
    admission?: AdmissionClass;
  }
}

/** How late a timer fires, sampled every SAMPLE_MS and smoothed over the last few samples. */
const SAMPLE_MS = 20;
const LAG_SMOOTHING = 0.25;

/** GET /admin/load reports the event-loop lag of the last LAG_WINDOW_MS, kept in one-second slices. */
export const LAG_WINDOW_MS = 10_000;
const SLICE_MS = 1_000;

/**
 * Event-loop lag over a rolling window. Reading it changes nothing: every reader (the operators'
 * monitoring, the load harness, a curious IT operator) sees the same window, where a read that
 * reset it would blank the figures everyone else relies on.
 */
export class LagWindow {
  private readonly slices: RecordableHistogram[] = Array.from({ length: LAG_WINDOW_MS / SLICE_MS }, () => createHistogram());
  private current = 0;
  private sliceStart = performance.now();

  record(lateMs: number, now = performance.now()): void {
    const elapsed = Math.floor((now - this.sliceStart) / SLICE_MS);
    if (elapsed > 0) {
      for (let i = 0; i < Math.min(elapsed, this.slices.length); i++) {
        this.current = (this.current + 1) % this.slices.length;
        this.slices[this.current]!.reset();
      }
      this.sliceStart += elapsed * SLICE_MS;
    }
    // Histograms hold integers ≥ 1: microseconds, plus one.
    this.slices[this.current]!.record(Math.round(lateMs * 1000) + 1);
  }

  /** Percentiles of the window (ms). */
  read(): { p50: number; p99: number; max: number } {
    const all = createHistogram();
    for (const slice of this.slices) all.add(slice);
    if (all.count === 0) return { p50: 0, p99: 0, max: 0 };
    const ms = (us: number) => Math.round((us - 1) / 10) / 100;
    return { p50: ms(all.percentile(50)), p99: ms(all.percentile(99)), max: ms(all.max) };
  }
}

export class AdmissionControl {
  bulkInFlight = 0;
  otherInFlight = 0;
  /** Recent event-loop lag (ms), an exponential moving average of the samples. */
  lagMs = 0;
  shed = 0;
  /** Event-loop lag for GET /admin/load. */
  readonly lag = new LagWindow();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(readonly options: AdmissionOptions) {}

  start(): void {
    if (this.timer) return;
    let expected = performance.now() + SAMPLE_MS;
    this.timer = setInterval(() => {
      const now = performance.now();
      const late = Math.max(0, now - expected);
      expected = now + SAMPLE_MS;
      this.lag.record(late, now);
      // A moving average: one long request (a big page, a GC) is no saturation; a loop that stays late is.
      this.lagMs += (late - this.lagMs) * LAG_SMOOTHING;
    }, SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Why a request of this class would be refused now, or null to admit it. */
  refusal(kind: AdmissionClass | undefined): string | null {
    if (kind === 'exempt') return null;
    if (kind === 'bulk') {
      if (this.bulkInFlight >= this.options.maxBulkInFlight) return `平台正在处理 ${this.bulkInFlight} 个同步或上传请求`;
      // Lag alone does not refuse a lone request (one terminal, a test): only bulk work beside other bulk work.
      if (this.options.lagLimitMs > 0 && this.lagMs > this.options.lagLimitMs && this.bulkInFlight > 0) return '平台负载过高';
      return null;
    }
    return this.otherInFlight >= this.options.maxInFlight ? `平台正在处理 ${this.otherInFlight} 个请求` : null;
  }

  /** Installs the hook on the root instance, so it runs before the guard and before any body is read. */
  register(app: FastifyInstance): void {
    this.start();
    app.addHook('onClose', async () => this.stop());
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const kind = request.routeOptions.config?.admission;
      const why = this.refusal(kind);
      if (why !== null) {
        this.shed++;
        reply.header('Retry-After', String(this.options.retryAfterSeconds));
        // The unread body would otherwise be drained from this connection: close it instead.
        if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined) {
          reply.header('Connection', 'close');
        }
        return fail(reply, 503, 'unavailable', '信用平台繁忙，请稍后自动重试', { detail: why });
      }
      if (kind === 'exempt') return;
      const bulk = kind === 'bulk';
      if (bulk) this.bulkInFlight++;
      else this.otherInFlight++;
      // 'close' fires once whether the answer was sent or the terminal went away.
      reply.raw.once('close', () => {
        if (bulk) this.bulkInFlight--;
        else this.otherInFlight--;
      });
    });
  }
}
