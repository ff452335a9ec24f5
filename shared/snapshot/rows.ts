/**
 * Row encodings of the three row block kinds. Every row starts with its sort key, so a block is
 * binary-searched by reading one string per probe.
 *
 * - data:  canonical identifier key, then the whole entry (rows sorted by key, then entry id);
 * - alt:   another identifier form (legacy 15-digit ID, the organisation code inside a USCC), then
 *          the canonical key it belongs to;
 * - name:  a name key (normalised name or pinyin initials), then what a candidate list shows —
 *          entry id, list type, subject kind and name, the published identifier and its type — so a
 *          name search never reads a data block.
 */
import { EntryStatus, IdentifierType, SubjectKind, type ListEntry } from '../contract';
import type { ByteReader, ByteWriter } from './bytes';
import type { BlockView } from './block';

/** What a name search lists: enough for a candidate (masked identifier, kind, list type) without the entry. */
export type NameHit = Pick<ListEntry, 'id' | 'listType' | 'subjectKind' | 'subjectName' | 'identifier' | 'identifierType'>;

const KINDS = SubjectKind.options;
const ID_TYPES = IdentifierType.options;
const STATUSES = EntryStatus.options;

function indexOf<T>(values: readonly T[], value: T, what: string): number {
  const i = values.indexOf(value);
  if (i < 0) throw new Error(`unknown ${what}: ${String(value)}`);
  return i;
}

function at<T>(values: readonly T[], i: number, what: string): T {
  const value = values[i];
  if (value === undefined) throw new Error(`snapshot row: unknown ${what} ${i}`);
  return value;
}

/** A data row begins as a name row does (key, then what a candidate shows), then carries the rest of the entry. */
export function writeDataRow(w: ByteWriter, key: string, e: ListEntry): void {
  writeNameRow(w, key, e);
  w.str(e.reason);
  w.str(e.listedOn);
  w.str(e.validUntil ?? '');
  w.str(e.authority);
  w.str(e.documentNo);
  if (e.amount === null) w.u8(0);
  else {
    w.u8(1);
    w.f64(e.amount);
  }
  w.u8(indexOf(STATUSES, e.status, 'status'));
  w.str(e.updatedAt);
}

export function readDataRow(r: ByteReader): { key: string; entry: ListEntry } {
  const { key, hit } = readNameRow(r);
  const reason = r.str();
  const listedOn = r.str();
  const validUntil = r.str();
  const authority = r.str();
  const documentNo = r.str();
  const amount = r.u8() === 1 ? r.f64() : null;
  const status = at(STATUSES, r.u8(), 'status');
  const updatedAt = r.str();
  return {
    key,
    entry: {
      ...hit,
      reason,
      listedOn,
      validUntil: validUntil === '' ? null : validUntil,
      authority,
      documentNo,
      amount,
      status,
      updatedAt,
    },
  };
}

export function writeNameRow(w: ByteWriter, key: string, e: NameHit): void {
  w.str(key);
  w.str(e.id);
  w.str(e.listType);
  w.u8(indexOf(KINDS, e.subjectKind, 'subject kind'));
  w.str(e.subjectName);
  w.str(e.identifier);
  w.u8(indexOf(ID_TYPES, e.identifierType, 'identifier type'));
}

export function readNameRow(r: ByteReader): { key: string; hit: NameHit } {
  const key = r.str();
  const id = r.str();
  const listType = r.str();
  const subjectKind = at(KINDS, r.u8(), 'subject kind');
  const subjectName = r.str();
  const identifier = r.str();
  const identifierType = at(ID_TYPES, r.u8(), 'identifier type');
  return { key, hit: { id, listType, subjectKind, subjectName, identifier, identifierType } };
}

export function writeAltRow(w: ByteWriter, altKey: string, canonicalKey: string): void {
  w.str(altKey);
  w.str(canonicalKey);
}

export function readAltRow(r: ByteReader): { key: string; canonical: string } {
  const key = r.str();
  return { key, canonical: r.str() };
}

/** Rows of a block whose leading key equals `key`, decoded with `read`. */
export function rowsWithKey<T>(block: BlockView, key: string, read: (r: ByteReader) => T & { key: string }): T[] {
  const out: T[] = [];
  for (let i = block.lowerBound(key); i < block.rowCount; i++) {
    const row = read(block.row(i));
    if (row.key !== key) break;
    out.push(row);
  }
  return out;
}
