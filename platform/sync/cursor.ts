/**
 * Sync cursors: opaque to clients, they encode the epoch, the mode (F = paging the compacted full
 * state, D = deltas), the last seq served and, for F, the head seq when the full pass began —
 * tombstones newer than that are served during the pass, so an entry deleted mid-pass is not left
 * behind on the client. They also name the run (opening of the database) that handed out the
 * highest seq they cover: a database restored from a backup, or one that lost its last writes,
 * hands those seqs out again under another run, and the cursor no longer matches.
 */
export type CursorMode = 'F' | 'D';

export interface Cursor {
  epoch: string;
  mode: CursorMode;
  position: number;
  /** F only: head seq at the start of the full pass. */
  start: number;
  /** Run of seq `coveredSeq(cursor)` when the cursor was issued. */
  run: string;
}

// c1 cursors (without a run) cannot prove their history: they decode as unknown and resync once.
const PREFIX = 'c2';

/** The highest seq whose change the cursor's holder relies on having seen. */
export function coveredSeq(c: Pick<Cursor, 'mode' | 'position' | 'start'>): number {
  return c.mode === 'F' ? Math.max(c.position, c.start) : c.position;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from([PREFIX, c.epoch, c.mode, c.position, c.start, c.run].join('~')).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('~');
  const [prefix, epoch, mode, position, start, run] = parts;
  if (parts.length !== 6 || prefix !== PREFIX || !epoch || (mode !== 'F' && mode !== 'D') || !run) return null;
  if (!/^\d{1,15}$/.test(position ?? '') || !/^\d{1,15}$/.test(start ?? '')) return null;
  return { epoch, mode, position: Number(position), start: Number(start), run };
}
