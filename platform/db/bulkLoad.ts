/**
 * Bulk loading: secondary indexes and triggers are dropped for the load and recreated afterwards,
 * because building an index by sorting once is far cheaper than millions of random B-tree inserts.
 * The definitions are read back from sqlite_master, so the migrations stay the only schema source.
 */
import { REBUILD_SEQ_BUCKETS } from './migrations';
import type { Db } from './open';

export function withoutSecondaryIndexes<T>(db: Db, tables: readonly string[], load: () => T): T {
  const placeholders = tables.map(() => '?').join(', ');
  const saved = db
    .prepare<string[], { type: string; name: string; sql: string }>(
      `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${placeholders})`,
    )
    .all(...tables);
  for (const { type, name } of saved) db.exec(`DROP ${type === 'index' ? 'INDEX' : 'TRIGGER'} "${name}"`);
  try {
    return load();
  } finally {
    db.transaction(() => {
      for (const { sql } of saved) db.exec(sql);
      // The bucket triggers were off during the load.
      db.exec(REBUILD_SEQ_BUCKETS);
    })();
  }
}
