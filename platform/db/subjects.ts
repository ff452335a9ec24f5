/** Subjects (persons and organisations) with their grades, 海贝分 records, commitments and repairs. */
import type { Commitment, IdentifierType, IndustryGrade, Repair, ScoreRecord, SubjectKind } from '../../shared/contract';
import { createInitialsCache, initialsQueryKey, isInitialsQuery, nameOf } from '../../shared/names';
import type { SubjectRow } from '../seed/sink';
import type { Db } from './open';

/** A subject as the seed writes it and lookups read it. */
export type SubjectRecord = SubjectRow;

interface SubjectRowData {
  id: number;
  identifier: string;
  identifier_type: string;
  kind: string;
  name: string;
  org_code: string | null;
  legal_rep: string | null;
  haibei_score: number | null;
  haibei_updated_at: string | null;
}

function toSubject(r: SubjectRowData): SubjectRecord {
  return {
    id: r.id,
    identifier: r.identifier,
    identifierType: r.identifier_type as IdentifierType,
    kind: r.kind as SubjectKind,
    name: r.name,
    orgCode: r.org_code,
    legalRepresentative: r.legal_rep,
    haibeiScore: r.haibei_score,
    haibeiUpdatedAt: r.haibei_updated_at,
  };
}

const SUBJECT_COLUMNS = 'id, identifier, identifier_type, kind, name, org_code, legal_rep, haibei_score, haibei_updated_at';

export class SubjectRepository {
  private readonly insertSubjectStmt;
  private readonly insertScoreStmt;
  private readonly insertGradeStmt;
  private readonly insertCommitmentStmt;
  private readonly insertRepairStmt;
  private readonly byIdentifierStmt;
  private readonly byOrgCodeStmt;
  private readonly byNamePrefixStmt;
  private readonly byInitialsExactStmt;
  private readonly byInitialsPrefixStmt;
  /** Demo data repeats names a lot; their initials are computed once. */
  private readonly initialsOf = createInitialsCache();
  private readonly gradesStmt;
  private readonly scoresStmt;
  private readonly commitmentsStmt;
  private readonly repairsStmt;
  private readonly updateScoreStmt;

  constructor(private readonly db: Db) {
    this.insertSubjectStmt = db.prepare(
      `INSERT INTO subjects (${SUBJECT_COLUMNS}, name_initials)
       VALUES (@id, @identifier, @identifierType, @kind, @name, @orgCode, @legalRepresentative, @haibeiScore, @haibeiUpdatedAt, @nameInitials)`,
    );
    this.insertScoreStmt = db.prepare<[number, string, string, string, number]>(
      'INSERT INTO score_records (subject_id, date, category, description, points) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertGradeStmt = db.prepare<[number, string, string, string, string | null, string]>(
      'INSERT INTO grades (subject_id, field, grade, rated_on, valid_until, authority) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertCommitmentStmt = db.prepare<[string, number, string, string, string, string | null, string | null, string]>(
      'INSERT INTO commitments (id, subject_id, kind, text, made_on, due_on, matter_code, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertRepairStmt = db.prepare<[string, string, string, string, string, string, string]>(
      'INSERT OR REPLACE INTO repairs (id, entry_id, list_type, repaired_on, authority, document_no, method) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.byIdentifierStmt = db.prepare<[string], SubjectRowData>(`SELECT ${SUBJECT_COLUMNS} FROM subjects WHERE identifier = ?`);
    this.byOrgCodeStmt = db.prepare<[string], SubjectRowData>(`SELECT ${SUBJECT_COLUMNS} FROM subjects WHERE org_code = ?`);
    // Range scan on the name index: a prefix match that works for Chinese text (LIKE would not use it).
    this.byNamePrefixStmt = db.prepare<[string, string, number], SubjectRowData>(
      `SELECT ${SUBJECT_COLUMNS} FROM subjects WHERE name >= ? AND name < ? ORDER BY name, id LIMIT ?`,
    );
    // Exact initials first ("LJJ": 李建军 before 李佳佳华), then longer ones in index order.
    this.byInitialsExactStmt = db.prepare<[string, number], SubjectRowData>(
      `SELECT ${SUBJECT_COLUMNS} FROM subjects WHERE name_initials = ? ORDER BY id LIMIT ?`,
    );
    this.byInitialsPrefixStmt = db.prepare<[string, string, number], SubjectRowData>(
      `SELECT ${SUBJECT_COLUMNS} FROM subjects WHERE name_initials > ? AND name_initials < ? ORDER BY name_initials, id LIMIT ?`,
    );
    this.gradesStmt = db.prepare<
      [number],
      { field: string; grade: string; rated_on: string; valid_until: string | null; authority: string }
    >('SELECT field, grade, rated_on, valid_until, authority FROM grades WHERE subject_id = ? ORDER BY field');
    this.scoresStmt = db.prepare<[number], ScoreRecord>(
      'SELECT date, category, description, points FROM score_records WHERE subject_id = ? ORDER BY date DESC, rowid DESC',
    );
    this.commitmentsStmt = db.prepare<
      [number],
      { id: string; kind: string; text: string; made_on: string; due_on: string | null; matter_code: string | null; status: string }
    >('SELECT id, kind, text, made_on, due_on, matter_code, status FROM commitments WHERE subject_id = ? ORDER BY made_on DESC, id');
    this.repairsStmt = db.prepare<
      [string],
      { id: string; entry_id: string; list_type: string; repaired_on: string; authority: string; document_no: string; method: string }
    >('SELECT id, entry_id, list_type, repaired_on, authority, document_no, method FROM repairs WHERE entry_id = ?');
    this.updateScoreStmt = db.prepare<[number, string, number]>('UPDATE subjects SET haibei_score = ?, haibei_updated_at = ? WHERE id = ?');
  }

  insertSubject(s: SubjectRecord): void {
    this.insertSubjectStmt.run({ ...s, nameInitials: this.initialsOf(s.name, nameOf(s.kind)) });
  }

  insertScoreRecord(subjectId: number, r: ScoreRecord): void {
    this.insertScoreStmt.run(subjectId, r.date, r.category, r.description, r.points);
  }

  insertGrade(subjectId: number, g: IndustryGrade): void {
    this.insertGradeStmt.run(subjectId, g.field, g.grade, g.ratedOn, g.validUntil, g.authority);
  }

  insertCommitment(subjectId: number, c: Commitment): void {
    this.insertCommitmentStmt.run(c.id, subjectId, c.kind, c.text, c.madeOn, c.dueOn, c.matterCode, c.status);
  }

  insertRepair(r: Repair): void {
    this.insertRepairStmt.run(r.id, r.entryId, r.listType, r.repairedOn, r.authority, r.documentNo, r.method);
  }

  byIdentifier(identifier: string): SubjectRecord | undefined {
    const row = this.byIdentifierStmt.get(identifier);
    return row && toSubject(row);
  }

  byOrgCode(orgCode: string): SubjectRecord | undefined {
    const row = this.byOrgCodeStmt.get(orgCode);
    return row && toSubject(row);
  }

  /** Names starting with the query, or (a Latin-letter query) pinyin initials starting with it. */
  byNamePrefix(query: string, limit: number): SubjectRecord[] {
    if (isInitialsQuery(query)) {
      const key = initialsQueryKey(query);
      const exact = this.byInitialsExactStmt.all(key, limit);
      const longer = exact.length < limit ? this.byInitialsPrefixStmt.all(key, key + '\u{10FFFF}', limit - exact.length) : [];
      return [...exact, ...longer].map(toSubject);
    }
    return this.byNamePrefixStmt.all(query, query + '\u{10FFFF}', limit).map(toSubject);
  }

  grades(subjectId: number): IndustryGrade[] {
    return this.gradesStmt
      .all(subjectId)
      .map((g) => ({ field: g.field, grade: g.grade, ratedOn: g.rated_on, validUntil: g.valid_until, authority: g.authority }));
  }

  /** Newest first. */
  scoreRecords(subjectId: number): ScoreRecord[] {
    return this.scoresStmt.all(subjectId);
  }

  commitments(subjectId: number): Commitment[] {
    return this.commitmentsStmt.all(subjectId).map((c) => ({
      id: c.id,
      kind: c.kind,
      text: c.text,
      madeOn: c.made_on,
      dueOn: c.due_on,
      matterCode: c.matter_code,
      status: c.status as Commitment['status'],
    }));
  }

  repairsOf(entryId: string): Repair[] {
    return this.repairsStmt.all(entryId).map((r) => ({
      id: r.id,
      entryId: r.entry_id,
      listType: r.list_type,
      repairedOn: r.repaired_on,
      authority: r.authority,
      documentNo: r.document_no,
      method: r.method,
    }));
  }

  /** Adds a score record and moves the score by its points (test controls). */
  addScoreRecord(subject: SubjectRecord, record: ScoreRecord, updatedAt: string): number {
    return this.db.transaction(() => {
      this.insertScoreRecord(subject.id, record);
      const score = (subject.haibeiScore ?? 1000) + record.points;
      this.updateScoreStmt.run(score, updatedAt, subject.id);
      return score;
    })();
  }
}
