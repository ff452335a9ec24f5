/**
 * Schema migrations. `PRAGMA user_version` holds the number of migrations applied; each pending
 * migration runs in its own transaction, so a failed one leaves the previous version intact.
 */
import type Database from 'better-sqlite3';
import { createInitialsCache, nameOf } from '../../shared/names';
import { SUPERVISION_DAY_INDEX, SUPERVISION_SCHEMA } from '../supervision/facts';
import { FLEET_SCHEMA } from '../supervision/fleet';

/** SQL, or code for a step SQL cannot express (both run inside the migration's transaction). */
type Migration = string | ((db: Database.Database) => void);

const MIGRATIONS: Migration[] = [
  // 1: the whole reference schema.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE subjects (
    id INTEGER PRIMARY KEY,
    identifier TEXT NOT NULL UNIQUE,
    identifier_type TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    org_code TEXT,
    legal_rep TEXT,
    haibei_score INTEGER,
    haibei_updated_at TEXT
  );
  CREATE INDEX subjects_name ON subjects(name);
  CREATE INDEX subjects_org_code ON subjects(org_code) WHERE org_code IS NOT NULL;

  CREATE TABLE score_records (
    subject_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    points INTEGER NOT NULL
  );
  CREATE INDEX score_records_subject ON score_records(subject_id, date);

  CREATE TABLE grades (
    subject_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    grade TEXT NOT NULL,
    rated_on TEXT NOT NULL,
    valid_until TEXT,
    authority TEXT NOT NULL
  );
  CREATE INDEX grades_subject ON grades(subject_id);

  CREATE TABLE commitments (
    id TEXT PRIMARY KEY,
    subject_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    made_on TEXT NOT NULL,
    due_on TEXT,
    matter_code TEXT,
    status TEXT NOT NULL
  );
  CREATE INDEX commitments_subject ON commitments(subject_id);

  -- seq is the sequence number of the entry's latest change and the rowid, so sync pages walk the
  -- table in order. A deleted entry stays as a tombstone (deleted = 1) with the seq of its deletion.
  CREATE TABLE entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    deleted INTEGER NOT NULL DEFAULT 0,
    match_key TEXT NOT NULL,
    list_type TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_name TEXT NOT NULL,
    identifier TEXT NOT NULL,
    identifier_type TEXT NOT NULL,
    reason TEXT NOT NULL,
    listed_on TEXT NOT NULL,
    valid_until TEXT,
    authority TEXT NOT NULL,
    document_no TEXT NOT NULL,
    amount REAL,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX entries_match_key ON entries(match_key) WHERE deleted = 0;
  -- Narrow index for counting what is left to sync (remaining) without touching the rows.
  CREATE INDEX entries_deleted_seq ON entries(deleted, seq);

  CREATE TABLE repairs (
    id TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL,
    list_type TEXT NOT NULL,
    repaired_on TEXT NOT NULL,
    authority TEXT NOT NULL,
    document_no TEXT NOT NULL,
    method TEXT NOT NULL
  );
  CREATE INDEX repairs_entry ON repairs(entry_id);

  CREATE TABLE terminals (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    next_seq INTEGER NOT NULL DEFAULT 1
  );

  CREATE TABLE operators (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    roles TEXT NOT NULL,
    password_hash TEXT NOT NULL
  );

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL
  );

  CREATE TABLE mutations (
    id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    occurred_at_ms INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    body TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL,
    problem TEXT,
    check_id TEXT,
    UNIQUE (terminal_id, seq)
  );
  CREATE INDEX mutations_accepted ON mutations(kind, occurred_at_ms) WHERE status = 'accepted';
  CREATE INDEX mutations_check ON mutations(check_id) WHERE check_id IS NOT NULL;

  CREATE TABLE access_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    terminal_id TEXT,
    operator_id TEXT,
    action TEXT NOT NULL,
    matter TEXT,
    case_no TEXT,
    identifier TEXT,
    name_query TEXT,
    outcome TEXT NOT NULL
  );
  `,
  // 2: entries keep their published JSON (sync pages are assembled by SQLite without a JS object
  // per row), and per-4096-seq bucket counts, kept by triggers, make `remaining` O(bucket) to count.
  `
  CREATE TABLE entries_v2 (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    deleted INTEGER NOT NULL DEFAULT 0,
    match_key TEXT NOT NULL,
    entry TEXT NOT NULL
  );
  INSERT INTO entries_v2 (seq, id, deleted, match_key, entry)
    SELECT seq, id, deleted, match_key, json_object(
      'id', id, 'listType', list_type, 'subjectKind', subject_kind, 'subjectName', subject_name,
      'identifier', identifier, 'identifierType', identifier_type, 'reason', reason, 'listedOn', listed_on,
      'validUntil', valid_until, 'authority', authority, 'documentNo', document_no, 'amount', amount,
      'status', status, 'updatedAt', updated_at)
    FROM entries;
  DROP TABLE entries;
  ALTER TABLE entries_v2 RENAME TO entries;
  CREATE INDEX entries_match_key ON entries(match_key) WHERE deleted = 0;
  CREATE INDEX entries_deleted_seq ON entries(deleted, seq);

  CREATE TABLE seq_buckets (
    bucket INTEGER PRIMARY KEY,
    live INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
  );
  -- (same statement as REBUILD_SEQ_BUCKETS below)
  INSERT INTO seq_buckets (bucket, live, deleted)
    SELECT seq >> 12, sum(deleted = 0), sum(deleted = 1) FROM entries GROUP BY seq >> 12;
  CREATE TRIGGER entries_bucket_insert AFTER INSERT ON entries BEGIN
    INSERT INTO seq_buckets (bucket, live, deleted) VALUES (new.seq >> 12, new.deleted = 0, new.deleted = 1)
      ON CONFLICT(bucket) DO UPDATE SET live = live + (new.deleted = 0), deleted = deleted + (new.deleted = 1);
  END;
  CREATE TRIGGER entries_bucket_delete AFTER DELETE ON entries BEGIN
    UPDATE seq_buckets SET live = live - (old.deleted = 0), deleted = deleted - (old.deleted = 1) WHERE bucket = old.seq >> 12;
  END;
  CREATE TRIGGER entries_bucket_update AFTER UPDATE OF seq, deleted ON entries BEGIN
    UPDATE seq_buckets SET live = live - (old.deleted = 0), deleted = deleted - (old.deleted = 1) WHERE bucket = old.seq >> 12;
    INSERT INTO seq_buckets (bucket, live, deleted) VALUES (new.seq >> 12, new.deleted = 0, new.deleted = 1)
      ON CONFLICT(bucket) DO UPDATE SET live = live + (new.deleted = 0), deleted = deleted + (new.deleted = 1);
  END;
  `,
  // 3: audit records keep whether they continue their terminal's hash chain (NULL: not an audit
  // record, or received before this migration), and what was wrong when they do not. Feedback
  // and commitments are indexed by their check too (one feedback per measure of a check).
  `
  ALTER TABLE mutations ADD COLUMN chain_ok INTEGER;
  ALTER TABLE mutations ADD COLUMN chain_problem TEXT;
  UPDATE mutations SET check_id = json_extract(body, '$.checkId')
    WHERE kind IN ('feedback', 'commitment') AND status = 'accepted' AND check_id IS NULL;
  -- A re-enrolled terminal's first audit record is matched to its predecessor by hash.
  CREATE INDEX mutations_audit_hash ON mutations(json_extract(body, '$.hash')) WHERE kind = 'audit' AND status = 'accepted';
  `,
  // 4: subjects keep the pinyin initials of their name, so a name search for "LJJ" finds 李建军.
  addNameInitials,
  // 5: who may do what, and who delivered what. Supervisors are scoped (city or their department);
  // a terminal remembers the operators who signed in on it (a record may only name one of them —
  // backfilled from the sessions still kept, the only proof of a sign-in); each record keeps the
  // operator whose session delivered it; the access log also records unmasks (which record, why),
  // and is indexed per operator for the name-search budget.
  `
  ALTER TABLE operators ADD COLUMN supervisor_scope TEXT;
  CREATE TABLE terminal_operators (
    terminal_id TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    first_sign_in_at TEXT NOT NULL,
    PRIMARY KEY (terminal_id, operator_id)
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO terminal_operators (terminal_id, operator_id, first_sign_in_at)
    SELECT terminal_id, operator_id, strftime('%Y-%m-%dT%H:%M:%fZ', min(created_at_ms) / 1000.0, 'unixepoch')
    FROM sessions GROUP BY terminal_id, operator_id;
  ALTER TABLE mutations ADD COLUMN delivered_by TEXT;
  ALTER TABLE access_log ADD COLUMN record_id TEXT;
  ALTER TABLE access_log ADD COLUMN reason TEXT;
  CREATE INDEX access_log_operator ON access_log(operator_id, action, at);
  `,
  // 6: restore detection, hand-over, catalogue history. seq_runs: which opening of the database
  // handed out seqs from first_seq on (a restored backup hands them out again under a new run).
  // terminals: the successor a later enrolment of the same PC named, when it was replaced, and
  // whether the platform recreated it from a hand-over (it had forgotten it). platform_events:
  // what IT and supervisors did to identities and records. catalogue_versions: every catalogue the
  // platform served, so a record made offline is judged by the version its terminal used;
  // mutations.catalogue_note says where that differs from the catalogue of the day it arrived.
  // mutations.resubmits: the dead letter (rejected mutation) a supervisor or IT resubmitted.
  `
  CREATE TABLE seq_runs (first_seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL);

  ALTER TABLE terminals ADD COLUMN successor_id TEXT;
  ALTER TABLE terminals ADD COLUMN replaced_at TEXT;
  ALTER TABLE terminals ADD COLUMN adopted INTEGER NOT NULL DEFAULT 0;

  CREATE TABLE catalogue_versions (version TEXT PRIMARY KEY, json TEXT NOT NULL, first_served_at TEXT NOT NULL);
  ALTER TABLE mutations ADD COLUMN catalogue_note TEXT;
  ALTER TABLE mutations ADD COLUMN resubmits TEXT;
  CREATE INDEX mutations_resubmits ON mutations(resubmits) WHERE resubmits IS NOT NULL;

  CREATE TABLE platform_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    operator_id TEXT,
    terminal_id TEXT,
    summary TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  `,
  // 7: an operator dropped from the platform's accounts is retired, not deleted: their sessions and
  // sign-ins are refused, while their records keep their name and department.
  `
  ALTER TABLE operators ADD COLUMN retired_at TEXT;
  `,
  // 8: published snapshots (the signed manifest as served, the blocks it names) and their sealed,
  // content-addressed blocks, shared by every snapshot that names them.
  `
  CREATE TABLE snapshot_blocks (hash TEXT PRIMARY KEY, bytes BLOB NOT NULL);
  CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    epoch TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    entry_count INTEGER NOT NULL,
    response TEXT NOT NULL,
    blocks TEXT NOT NULL,
    stats TEXT NOT NULL
  );
  `,
  // 9: terminal keys the platform certified for check slips (one per enrolment), and when a key was
  // revoked (its terminal handed over to a later enrolment of the PC).
  `
  CREATE TABLE terminal_keys (
    key_id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    public_key TEXT NOT NULL,
    certificate TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX terminal_keys_terminal ON terminal_keys(terminal_id);
  `,
  // 10: the audit chain check reads a terminal's latest accepted audit record on every audit record
  // received. Without an index of its own the planner chose (kind, occurred_at_ms) and sorted every
  // audit row; this one makes the check one index probe whatever the table holds.
  `
  CREATE INDEX mutations_audit_chain ON mutations(terminal_id, seq) WHERE kind = 'audit' AND status = 'accepted';
  `,
  // 11: the supervision facts and their daily summary (supervision/facts.ts; records already stored are
  // counted at the next start), and the terminals' latest heartbeats (supervision/fleet.ts).
  SUPERVISION_SCHEMA + FLEET_SCHEMA,
  // 12: a metric's facts by day whatever their key, so that an export walks them by key page after page.
  SUPERVISION_DAY_INDEX,
  // 13: the check slips terminals printed (delivered with the print's audit record), found by their
  // 核验码. The code is 50 bits of the slip's hash, so two slips may share one: keyed by the whole hash.
  `
  CREATE TABLE slips (
    slip_sha256 TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    check_id TEXT NOT NULL,
    slip TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX slips_reference ON slips(reference);
  CREATE INDEX slips_check ON slips(check_id);
  `,
];

function addNameInitials(db: Database.Database): void {
  db.exec('ALTER TABLE subjects ADD COLUMN name_initials TEXT');
  const initialsOf = createInitialsCache();
  const batch = db.prepare<[number], { id: number; name: string; kind: string }>(
    'SELECT id, name, kind FROM subjects WHERE id > ? ORDER BY id LIMIT 10000',
  );
  const update = db.prepare<[string, number]>('UPDATE subjects SET name_initials = ? WHERE id = ?');
  // Batches by id: better-sqlite3 cannot write while a statement is still iterating.
  for (let rows = batch.all(0); rows.length > 0; rows = batch.all(rows[rows.length - 1]!.id)) {
    for (const row of rows) update.run(initialsOf(row.name, nameOf(row.kind)), row.id);
  }
  db.exec('CREATE INDEX subjects_name_initials ON subjects(name_initials, id)');
}

/** Seqs per row of seq_buckets (must match the `>> 12` in migration 2). */
export const SEQ_BUCKET_SIZE = 4096;

/** Recomputes seq_buckets from the entries (after a bulk load without triggers). */
export const REBUILD_SEQ_BUCKETS = `
  DELETE FROM seq_buckets;
  INSERT INTO seq_buckets (bucket, live, deleted)
    SELECT seq >> 12, sum(deleted = 0), sum(deleted = 1) FROM entries GROUP BY seq >> 12;`;

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Applies pending migrations up to `target` (default: all). */
export function migrate(db: Database.Database, target = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this platform (${MIGRATIONS.length})`);
  }
  for (let version = current; version < Math.min(target, MIGRATIONS.length); version++) {
    const migration = MIGRATIONS[version] ?? '';
    db.transaction(() => {
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
