/**
 * The one SQL statement that assembles a sync page: shared by the platform's own connection and
 * the page worker's read-only one (pageWorker.ts), so both build byte-for-byte the same page.
 */

export interface ChangesPage {
  /** UTF-8 JSON of the changes, comma-separated (without the surrounding brackets); null when empty. */
  json: Buffer | null;
  count: number;
  /** seq of the last change on the page, null when empty. */
  lastSeq: number | null;
}

/** One change as JSON: {"seq":…,"op":"put","entry":…} or {"seq":…,"op":"del","entryId":…}. */
const CHANGE_JSON = `CASE WHEN deleted
  THEN '{"seq":' || seq || ',"op":"del","entryId":' || json_quote(id) || '}'
  ELSE '{"seq":' || seq || ',"op":"put","entry":' || entry || '}' END`;

/** Parameters: after, tombstonesAfter, limit. Rows after a position: live ones always, tombstones only when newer than the second bound. */
export const CHANGES_PAGE_SQL = `SELECT CAST(string_agg(${CHANGE_JSON}, ',' ORDER BY seq) AS BLOB) AS json, count(*) AS count, max(seq) AS lastSeq
       FROM (SELECT seq, deleted, id, entry FROM entries WHERE seq > ? AND (deleted = 0 OR seq > ?) ORDER BY seq LIMIT ?)`;

export type ChangesRow = { json: Buffer | null; count: number; lastSeq: number | null };

export function changesPageOf(row: ChangesRow | undefined): ChangesPage {
  return { json: row?.json ?? null, count: row?.count ?? 0, lastSeq: row?.lastSeq ?? null };
}
