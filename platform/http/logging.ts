/**
 * Request-log serialisers: identifiers in lookup paths are masked and name-search terms dropped,
 * so the platform's log file never holds a clear ID number or a searched name.
 */
import type { FastifyRequest } from 'fastify';
import { maskId } from '../../shared/ids';

export function redactUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const redactedPath = path.replace(/(\/subjects\/)([^/]+)/, (_, prefix: string, id: string) => {
    const decoded = safeDecode(id);
    return prefix + maskId(decoded, decoded.length === 9 ? 'ORG_CODE' : 'RESIDENT_ID');
  });
  if (query === undefined) return redactedPath;
  const params = new URLSearchParams(query);
  if (params.has('name')) params.set('name', '***');
  return `${redactedPath}?${params.toString()}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const requestSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
  },
};
