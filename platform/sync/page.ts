/**
 * One page of GET /sync/entries. Without a cursor: the compacted full state (live entries in seq
 * order, plus tombstones newer than the pass's start); once that is exhausted the same cursor
 * continues as deltas (every change after it, deletions as `del`). Pages are bounded by the
 * limit and assembled as JSON by SQLite, so memory stays flat and rows are cheap whatever the
 * list size; each page is assembled once and then shared by every terminal asking for it (pageCache.ts),
 * a big one in a worker thread so that the event loop stays free (pageBuilder.ts).
 */
import type { SyncPage } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { formatDataVersion } from '../db/meta';
import { coveredSeq, decodeCursor, encodeCursor, type Cursor } from './cursor';

/** A SyncPage without its changes, plus the changes as ready-made JSON. */
export interface RenderedPage {
  head: Omit<SyncPage, 'changes'>;
  changesJson: Buffer | null;
}

export type SyncOutcome = { ok: true; page: RenderedPage } | { ok: false; reason: string };

/** Why a cursor cannot be served, or null when it can. */
function unservable(ctx: PlatformContext, cursor: Cursor, epoch: string, lastSeq: number, horizon: number): string | null {
  if (cursor.epoch !== epoch) return '数据已重建（新纪元），请重新全量同步';
  if (cursor.position > lastSeq || cursor.start > lastSeq) return '同步位置超出平台现有数据（平台可能已从备份恢复），请重新全量同步';
  const covered = coveredSeq(cursor);
  // The same seq handed out by another run: the platform lost what this cursor saw (a restore,
  // a power cut) and has since written other changes under those numbers.
  if (ctx.meta.runAt(covered) !== cursor.run) return '平台数据已从备份恢复或丢失了最近的变更，请重新全量同步';
  // Tombstones up to the horizon may be gone; a cursor before it could miss deletions.
  if (horizon > covered) return '同步位置已过期（删除记录已压缩），请重新全量同步';
  return null;
}

export async function syncPage(ctx: PlatformContext, after: string | undefined, limit: number): Promise<SyncOutcome> {
  const { epoch, lastSeq, horizon } = ctx.meta.syncState();
  let cursor: Cursor;
  if (after === undefined) {
    cursor = { epoch, mode: 'F', position: 0, start: lastSeq, run: ctx.meta.runAt(lastSeq) };
  } else {
    const decoded = decodeCursor(after);
    if (!decoded) return { ok: false, reason: '无法识别的同步游标，请重新全量同步' };
    const problem = unservable(ctx, decoded, epoch, lastSeq, horizon);
    if (problem) return { ok: false, reason: problem };
    cursor = decoded;
  }

  // In delta mode every tombstone after the position counts; in full mode only those after the start.
  const tombstonesAfter = cursor.mode === 'F' ? cursor.start : cursor.position;
  const position = cursor.position;
  const changes = await ctx.syncPages.get({ epoch, run: ctx.meta.runAt(lastSeq), lastSeq, after: position, tombstonesAfter, limit }, () =>
    // How many changes the page will hold decides where it is built (pageBuilder.ts): a count is O(bucket).
    ctx.syncPageBuilder.build(position, tombstonesAfter, limit, ctx.entries.countAfter(position, tombstonesAfter)),
  );
  // Built off the loop, the page may come back after the list has moved to a new epoch: not this cursor's.
  if (ctx.meta.syncState().epoch !== epoch) return { ok: false, reason: '数据已重建（新纪元），请重新全量同步' };
  const last = changes.lastSeq ?? position;
  const remaining = ctx.entries.countAfter(last, tombstonesAfter);
  const hasMore = remaining > 0;
  // A finished full pass stands for the state as of its start: continue with deltas from there.
  const moved: Omit<Cursor, 'run'> =
    cursor.mode === 'F' && !hasMore
      ? { epoch, mode: 'D', position: Math.max(last, cursor.start), start: 0 }
      : { ...cursor, position: last };
  const next: Cursor = { ...moved, run: ctx.meta.runAt(coveredSeq(moved)) };

  return {
    ok: true,
    page: {
      head: {
        epoch,
        full: cursor.mode === 'F',
        cursor: encodeCursor(next),
        hasMore,
        remaining,
        dataVersion: formatDataVersion(epoch, next.position),
      },
      changesJson: changes.json,
    },
  };
}

/** The page as the JSON body of the response: head fields, then the changes array. */
export function renderPage(page: RenderedPage): Buffer {
  const head = JSON.stringify(page.head);
  return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"changes":[`), page.changesJson ?? Buffer.alloc(0), Buffer.from(']}')]);
}
