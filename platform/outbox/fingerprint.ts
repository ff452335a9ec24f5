/** Canonical JSON (sorted keys) and its hash: how a resent mutation is recognised as the same one. */
import { createHash } from 'node:crypto';
import type { Mutation } from '../../shared/contract';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Everything that makes a mutation what it is, including the terminal that sent it. */
export function mutationFingerprint(terminalId: string, m: Mutation): string {
  const { id: _id, ...rest } = m;
  return createHash('sha256')
    .update(canonicalJson({ terminalId, ...rest }))
    .digest('base64url');
}
