/**
 * Sync cursors: opaque to clients, they encode the epoch, the mode (F = paging the compacted full
 * state, D = deltas), the last seq served and, for F, the head seq when the full pass began —
 * tombstones newer than that are served during the pass, so an entry deleted mid-pass is not left
 * behind on the client.
 */
export type CursorMode = 'F' | 'D';

export interface Cursor {
  epoch: string;
  mode: CursorMode;
  position: number;
  /** F only: head seq at the start of the full pass. */
  start: number;
}

const PREFIX = 'c1';

export function encodeCursor(c: Cursor): string {
  return Buffer.from([PREFIX, c.epoch, c.mode, c.position, c.start].join('~')).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('~');
  const [prefix, epoch, mode, position, start] = parts;
  if (parts.length !== 5 || prefix !== PREFIX || !epoch || (mode !== 'F' && mode !== 'D')) return null;
  if (!/^\d{1,15}$/.test(position ?? '') || !/^\d{1,15}$/.test(start ?? '')) return null;
  return { epoch, mode, position: Number(position), start: Number(start) };
}
