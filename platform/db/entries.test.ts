import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../shared/contract';
import { EntryRepository } from './entries';
import { MetaStore } from './meta';
import { migrate, SCHEMA_VERSION } from './migrations';
import { openDatabase } from './open';
import { SubjectRepository } from './subjects';

function entry(n: number): ListEntry {
  return {
    id: `E${n}`,
    listType: 'BLK_COURT_DISHONEST',
    subjectKind: 'PERSON',
    subjectName: '测试',
    identifier: '371002198805121234',
    identifierType: 'RESIDENT_ID',
    reason: 'r',
    listedOn: '2026-01-01',
    validUntil: null,
    authority: 'a',
    documentNo: 'd',
    amount: n % 3 === 0 ? null : n * 1.5,
    status: 'ACTIVE',
    updatedAt: '2026-01-01T09:00:00+08:00',
  };
}

describe('EntryRepository', () => {
  it('counts remaining changes exactly across seq buckets, after moves, deletions and compaction', () => {
    const db = openDatabase(':memory:');
    const meta = new MetaStore(db);
    const entries = new EntryRepository(db, meta);
    db.transaction(() => {
      for (let i = 1; i <= 10_000; i++) entries.insertWithSeq(entry(i), 'k', meta.nextSeq());
    })();
    for (let i = 1; i <= 10_000; i += 7) entries.setStatus(`E${i}`, 'REMOVED', '2026-02-01T09:00:00+08:00');
    for (let i = 3; i <= 10_000; i += 11) entries.delete(`E${i}`);

    const brute = db.prepare<[number, number], { n: number }>(
      'SELECT count(*) AS n FROM entries WHERE seq > ? AND (deleted = 0 OR seq > ?)',
    );
    const check = () => {
      for (const after of [0, 1, 4095, 4096, 4097, 8191, 9000, 12_000, 13_000, 20_000]) {
        for (const bound of [0, 5000, 12_500]) {
          expect(entries.countAfter(after, bound), `${after}/${bound}`).toBe(brute.get(after, Math.max(after, bound))?.n);
        }
      }
    };
    check();
    entries.compact();
    check();
  });

  it('renders pages as JSON that parses to the stored entries, in seq order', () => {
    const db = openDatabase(':memory:');
    const meta = new MetaStore(db);
    const entries = new EntryRepository(db, meta);
    for (let i = 1; i <= 5; i++) entries.put(entry(i), 'k');
    entries.delete('E2');
    const page = entries.changesAfter(0, 0, 10);
    const changes = JSON.parse(`[${page.json?.toString('utf8') ?? ''}]`) as { seq: number; op: string }[];
    expect(changes.map((c) => [c.seq, c.op])).toEqual([
      [1, 'put'],
      [3, 'put'],
      [4, 'put'],
      [5, 'put'],
      [6, 'del'],
    ]);
    expect(changes[0]).toEqual({ seq: 1, op: 'put', entry: entry(1) });
    expect(page).toMatchObject({ count: 5, lastSeq: 6 });
    expect(entries.changesAfter(6, 0, 10)).toEqual({ json: null, count: 0, lastSeq: null });
  });

  it('migration 2 carries version-1 entries over as JSON with bucket counts', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(
      `INSERT INTO entries (seq, id, deleted, match_key, list_type, subject_kind, subject_name, identifier, identifier_type, reason, listed_on, valid_until, authority, document_no, amount, status, updated_at)
       VALUES (5000, 'E1', 0, 'k', 'BLK_COURT_DISHONEST', 'PERSON', '测试', '371002198805121234', 'RESIDENT_ID', 'r', '2026-01-01', NULL, 'a', 'd', 1.5, 'ACTIVE', '2026-01-01T09:00:00+08:00')`,
    ).run();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const entries = new EntryRepository(db, new MetaStore(db));
    expect(entries.get('E1')?.entry).toEqual({ ...entry(1), amount: 1.5 });
    expect(entries.countAfter(0, 0)).toBe(1);
    expect(entries.countAfter(5000, 0)).toBe(0);
  });

  it('migration 4 gives existing subjects the pinyin initials of their name', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    const insert = db.prepare(
      `INSERT INTO subjects (id, identifier, identifier_type, kind, name) VALUES (?, ?, 'RESIDENT_ID', 'PERSON', ?)`,
    );
    for (let id = 1; id <= 25_000; id++) insert.run(id, `ID${id}`, id % 2 ? '李建军' : '王晓燕');
    migrate(db);
    const subjects = new SubjectRepository(db);
    expect(subjects.byNamePrefix('ljj', 3).map((s) => s.name)).toEqual(['李建军', '李建军', '李建军']);
    expect(db.prepare('SELECT count(*) AS n FROM subjects WHERE name_initials IS NULL').get()).toEqual({ n: 0 });
    expect(subjects.byNamePrefix('王晓', 1)[0]?.id).toBe(2);
  });
});
