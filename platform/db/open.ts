/** Opens the platform database: WAL for concurrent readers, migrations applied. */
import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { migrate } from './migrations';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  const db = new Database(path);
  // WAL lets a long sync read run while outbox writes commit; NORMAL is durable enough with WAL.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536'); // 64 MiB page cache
  migrate(db);
  return db;
}

/** Removes a database file with its WAL and shared-memory files (for --reseed). */
export function deleteDatabaseFiles(path: string): void {
  if (path === ':memory:' || path === '') return;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) rmSync(path + suffix);
  }
}
