/**
 * Writes generated demo data into the platform database: prepared statements, committed in
 * batches so that a million subjects seed in well under a minute without one giant transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { withoutSecondaryIndexes } from '../db/bulkLoad';
import { EntryRepository } from '../db/entries';
import { MetaStore } from '../db/meta';
import type { Db } from '../db/open';
import { SubjectRepository } from '../db/subjects';
import { buildCatalogue } from './catalogue';
import { DEFAULT_ENTRY_SHARE, generateDemoData, type GenerateParams, type GenerationSummary } from './generate';
import type { SeedSink } from './sink';

const ROWS_PER_TRANSACTION = 50_000;
const SEEDED_TABLES = ['subjects', 'score_records', 'grades', 'commitments', 'entries', 'repairs'] as const;

export interface SeedInfo extends GenerateParams {
  summary: GenerationSummary;
  seededAt: string;
  millis: number;
}

export function defaultEntryCount(subjects: number): number {
  return Math.round(subjects * DEFAULT_ENTRY_SHARE);
}

export function newEpoch(): string {
  return randomBytes(4).toString('hex');
}

/** Strong ETag of the catalogue JSON as served. */
export function catalogueEtag(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
}

export function isSeeded(db: Db): boolean {
  return new MetaStore(db).get('seeded') !== undefined;
}

export function seedDatabase(db: Db, params: GenerateParams): SeedInfo {
  const started = performance.now();
  const meta = new MetaStore(db);
  const subjects = new SubjectRepository(db);
  const entries = new EntryRepository(db, meta);

  let pending = 0;
  let seq = 0;
  const tick = () => {
    if (++pending >= ROWS_PER_TRANSACTION) {
      db.exec('COMMIT; BEGIN');
      pending = 0;
    }
  };
  const sink: SeedSink = {
    subject: (row) => (subjects.insertSubject(row), tick()),
    scoreRecord: (subjectId, r) => (subjects.insertScoreRecord(subjectId, r), tick()),
    grade: (subjectId, g) => (subjects.insertGrade(subjectId, g), tick()),
    commitment: (subjectId, c) => (subjects.insertCommitment(subjectId, c), tick()),
    entry: ({ entry, matchKey }) => (entries.insertWithSeq(entry, matchKey, ++seq), tick()),
    repair: (r) => (subjects.insertRepair(r), tick()),
  };

  // Seeding can be redone from scratch, so skip fsyncs while it runs.
  db.pragma('synchronous = OFF');
  try {
    const summary = withoutSecondaryIndexes(db, SEEDED_TABLES, () => {
      db.exec('BEGIN');
      try {
        // Leftovers of an interrupted earlier seeding would collide with the new rows.
        for (const table of SEEDED_TABLES) db.exec(`DELETE FROM ${table}`);
        const generated = generateDemoData(params, sink);
        db.exec('COMMIT');
        return generated;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
    db.exec('BEGIN');
    const catalogueJson = JSON.stringify(buildCatalogue());
    meta.set('catalogue', catalogueJson);
    meta.set('catalogue_etag', catalogueEtag(catalogueJson));
    meta.set('epoch', newEpoch());
    meta.set('last_seq', String(seq));
    meta.set('horizon', '0');
    const info: SeedInfo = { ...params, summary, seededAt: new Date().toISOString(), millis: 0 };
    info.millis = Math.round(performance.now() - started);
    meta.setJson('seeded', info);
    db.exec('COMMIT');
    // Fresh statistics help the planner pick the narrow indexes for counts and lookups.
    db.exec('ANALYZE');
    return info;
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
