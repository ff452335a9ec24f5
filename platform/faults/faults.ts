/**
 * Fault injection for tests (mounted only with test controls): per method/path-prefix rules that
 * delay, fail, drop, truncate, corrupt or hang matching requests. onRequest handles the faults
 * that replace the request; onSend those that need the real reply (drop_after: the request is
 * handled and committed, then the connection is cut — a lost reply).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { problem, type ProblemCode } from '../../shared/contract';
import { sendProblem } from '../http/problems';

export const FaultKind = z.enum(['latency', 'status', 'drop', 'drop_after', 'truncate', 'malformed', 'hang']);

export const FaultSpec = z.object({
  method: z.string().trim().toUpperCase().optional(),
  /** Prefix of the URL path, e.g. /api/v1/outbox. */
  path: z.string().min(1),
  kind: FaultKind,
  ms: z.number().int().nonnegative().max(600_000).optional(),
  status: z.number().int().min(400).max(599).optional(),
  /** How many matching requests to affect; unlimited when absent. */
  times: z.number().int().positive().optional(),
  /** malformed: the body to send instead (default: JSON that violates every response schema). */
  body: z.string().optional(),
});
export type FaultSpec = z.infer<typeof FaultSpec>;

interface ActiveFault extends FaultSpec {
  id: string;
  remaining: number;
}

const MALFORMED_BODY = '{"unexpected":true,"changes":"not-an-array","profile":null}';

function codeFor(status: number): ProblemCode {
  if (status === 429) return 'rate_limited';
  if (status === 503 || status === 502 || status === 504) return 'unavailable';
  if (status === 401) return 'unauthorized';
  if (status >= 500) return 'internal';
  return 'bad_request';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FaultInjector {
  private readonly faults: ActiveFault[] = [];
  private readonly hung = new Set<Socket>();
  private readonly afterSend = new WeakMap<FastifyRequest, ActiveFault>();
  private nextId = 1;

  add(spec: FaultSpec): string {
    const id = `fault-${this.nextId++}`;
    this.faults.push({ ...spec, id, remaining: spec.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  /** Removes every fault and releases hung requests (their connections are closed). */
  reset(): number {
    this.faults.length = 0;
    const released = this.hung.size;
    for (const socket of this.hung) socket.destroy();
    this.hung.clear();
    return released;
  }

  private take(method: string, path: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (f) => f.remaining > 0 && path.startsWith(f.path) && (f.method === undefined ? method !== 'OPTIONS' : f.method === method),
    );
    if (fault) fault.remaining--;
    return fault;
  }

  register(app: FastifyInstance): void {
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? request.url;
      if (path.startsWith('/__test')) return;
      const fault = this.take(request.method, path);
      if (!fault) return;
      request.log.warn({ fault: fault.id, kind: fault.kind }, 'injecting fault');
      switch (fault.kind) {
        case 'latency':
          await sleep(fault.ms ?? 1000);
          return;
        case 'status': {
          const status = fault.status ?? 503;
          if (status === 429 || status === 503) reply.header('Retry-After', String(Math.max(1, Math.ceil((fault.ms ?? 1000) / 1000))));
          return sendProblem(reply, problem(status, codeFor(status), '注入的故障', { detail: `fault ${fault.id}` }));
        }
        case 'drop':
          // With ms: the connection is cut only after that delay (a link that stalls, then fails).
          if (fault.ms !== undefined) await sleep(fault.ms);
          reply.hijack();
          request.raw.socket.destroy();
          return;
        case 'hang':
          reply.hijack();
          this.hung.add(request.raw.socket);
          request.raw.socket.once('close', () => this.hung.delete(request.raw.socket));
          return;
        case 'malformed':
          return reply
            .code(200)
            .type('application/json; charset=utf-8')
            .send(fault.body ?? MALFORMED_BODY);
        case 'drop_after':
        case 'truncate':
          this.afterSend.set(request, fault);
          return;
      }
    });

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const fault = this.afterSend.get(request);
      if (!fault) return payload;
      if (fault.kind === 'drop_after') {
        request.raw.socket.destroy();
        return payload;
      }
      // truncate: announce the full length, send half, cut the connection.
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      reply.hijack();
      const headers: Record<string, string | number | string[]> = {};
      for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
      headers['content-length'] = body.length;
      reply.raw.writeHead(reply.statusCode, headers);
      reply.raw.write(body.subarray(0, Math.floor(body.length / 2)));
      setImmediate(() => reply.raw.destroy());
      return payload;
    });
  }
}
