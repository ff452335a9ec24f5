/**
 * Request-log serialisers and formatters: the platform's log file never holds a clear ID number, a case number or
 * a searched name. The URL is decoded first (however often it was percent-encoded), so an identifier
 * is recognised whatever the spelling; identifiers anywhere in it are masked, the values of the
 * parameters that carry a purpose or a name are dropped, and text that is not ASCII (a name in a
 * path) is starred. The matched route's pattern is logged beside it.
 */
import type { FastifyRequest } from 'fastify';
import { redactIdentifiers } from '../../shared/ids';

/** Query parameters whose values never go to the log (compared in lower case). */
const DROPPED_PARAMS = new Set(['caseno', 'name', 'identifier', 'ref', 'id']);

/** Decodes until nothing changes (at most a few rounds): %2533 is as much an identifier as 3. */
function fullyDecoded(text: string): string {
  let current = text;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** Masks valid identifiers, then any other run that looks like one (6+ digits: a mistyped ID is still personal data). */
function maskSensitive(text: string): string {
  return redactIdentifiers(text)
    .replace(/[0-9A-Za-z]{6,}/g, (token) => ((token.match(/[0-9]/g)?.length ?? 0) >= 6 ? '*'.repeat(token.length) : token))
    .replace(/[^\x20-\x7e]/g, '*');
}

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = maskSensitive(fullyDecoded(q === -1 ? url : url.slice(0, q)));
  if (q === -1) return path;
  const params = [...new URLSearchParams(url.slice(q + 1))].map(([key, value]) => {
    const name = maskSensitive(fullyDecoded(key));
    return `${name}=${DROPPED_PARAMS.has(name.toLowerCase()) ? '***' : maskSensitive(fullyDecoded(value))}`;
  });
  return `${path}?${params.join('&')}`;
}

/**
 * What a route logs beside the request (an operator ID, a terminal ID or name as they were typed)
 * may hold an ID number too: every string is masked like free text, and a run of 15 or more digits
 * is starred even when it is no valid identifier. Requests, replies and errors are left to their
 * serialisers.
 */
function redactLogValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactIdentifiers(value).replace(/[0-9]{15,}[0-9Xx]?/g, (run) => '*'.repeat(run.length));
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => redactLogValue(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactLogValue(item, depth + 1)]));
}

export const logFormatters = {
  log: (object: Record<string, unknown>) => redactLogValue(object, 0) as Record<string, unknown>,
};

export const requestSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: redactUrl(request.url), route: request.routeOptions.url, remoteAddress: request.ip };
  },
};
