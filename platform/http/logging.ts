/**
 * Request-log serialisers: the platform's log file never holds a clear ID number, a case number or
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

export const requestSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: redactUrl(request.url), route: request.routeOptions.url, remoteAddress: request.ip };
  },
};
