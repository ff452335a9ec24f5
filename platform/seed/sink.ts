/** Rows the demo generator emits; the database writer (or a test) consumes them. */
import type { Commitment, IdentifierType, IndustryGrade, ListEntry, Repair, ScoreRecord, SubjectKind } from '../../shared/contract';

export interface SubjectRow {
  /** Generator-assigned, 1-based, stable for a given seed and counts. */
  id: number;
  identifier: string;
  identifierType: IdentifierType;
  kind: SubjectKind;
  name: string;
  orgCode: string | null;
  legalRepresentative: string | null;
  haibeiScore: number | null;
  haibeiUpdatedAt: string | null;
}

export interface EntryRow {
  entry: ListEntry;
  /** Canonical identifier the entry is found by (legacy IDs upgraded; a bare org code stays one). */
  matchKey: string;
}

export interface SeedSink {
  subject(row: SubjectRow): void;
  scoreRecord(subjectId: number, record: ScoreRecord): void;
  grade(subjectId: number, grade: IndustryGrade): void;
  commitment(subjectId: number, commitment: Commitment): void;
  entry(row: EntryRow): void;
  repair(repair: Repair): void;
}
