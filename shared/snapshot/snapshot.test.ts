import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../contract';
import { residentIdCheckChar, usccCheckChar } from '../ids';
import { identifierKeysOf } from '../listKeys';
import {
  BlockView,
  buildSnapshotBlocks,
  fingerprint32,
  formatStatement,
  parseStatement,
  readAltRow,
  readDataRow,
  readNameRow,
  sortedHas,
} from '.';
import { decodeUtf8, encodeUtf8 } from './utf8';

const residentId = (first17: string) => first17 + residentIdCheckChar(first17);

function entry(i: number, overrides: Partial<ListEntry> = {}): ListEntry {
  return {
    id: `E${String(i).padStart(6, '0')}`,
    listType: 'COURT_DISHONEST',
    subjectKind: 'PERSON',
    subjectName: `测试人${i % 97}`,
    identifier: residentId(`37100219${String(60 + (i % 30))}0101${String(i % 1000).padStart(3, '0')}`),
    identifierType: 'RESIDENT_ID',
    reason: '拒不履行生效法律文书确定的义务',
    listedOn: '2025-01-02',
    validUntil: i % 3 === 0 ? null : '2027-01-01',
    authority: '威海市中级人民法院',
    documentNo: `（2025）鲁10执${i}号`,
    amount: i % 2 === 0 ? null : i * 100.5,
    status: 'ACTIVE',
    updatedAt: '2025-01-02T00:00:00.000Z',
    ...overrides,
  };
}

describe('snapshot blocks', () => {
  it('UTF-8 round-trips any text, surrogate pairs included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => decodeUtf8(encodeUtf8(s)) === s));
    expect(decodeUtf8(encodeUtf8('威海𠀀A'))).toBe('威海𠀀A');
  });

  it('decodes every entry back from its data block, sorted by canonical key, and one row without the others', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => entry(i));
    const built = buildSnapshotBlocks(entries, { targetBytes: 16 * 1024 });
    expect(built.data.length).toBeGreaterThan(5);
    const decoded: ListEntry[] = [];
    let previous = '';
    for (const block of built.data) {
      const view = new BlockView(block.plain);
      expect(view.rowCount).toBe(block.rows);
      for (let i = 0; i < view.rowCount; i++) {
        const { key, entry: e } = readDataRow(view.row(i));
        expect(key).toBe(identifierKeysOf(e.identifier)[0]);
        expect(key >= previous).toBe(true);
        previous = key;
        decoded.push(e);
      }
      expect(block.plain.length).toBeLessThanOrEqual(2 * 16 * 1024 + 4096);
    }
    const byId = (a: ListEntry, b: ListEntry) => (a.id < b.id ? -1 : 1);
    expect(decoded.sort(byId)).toEqual([...entries].sort(byId));
    const last = new BlockView(built.data[2]!.plain);
    expect(readDataRow(last.row(last.rowCount - 1)).key).toBe(built.data[2]!.last);
  });

  it('indexes legacy IDs and names, and holds every canonical key in the fingerprints', () => {
    const entries = Array.from({ length: 500 }, (_, i) => entry(i));
    const built = buildSnapshotBlocks(entries, { targetBytes: 16 * 1024 });
    const alt = built.alt.flatMap((b) => {
      const v = new BlockView(b.plain);
      return Array.from({ length: v.rowCount }, (_, i) => readAltRow(v.row(i)));
    });
    const keys = identifierKeysOf(entries[0]!.identifier);
    expect(alt).toContainEqual({ key: keys[1], canonical: keys[0] });
    const names = built.name.flatMap((b) => {
      const v = new BlockView(b.plain);
      return Array.from({ length: v.rowCount }, (_, i) => readNameRow(v.row(i)));
    });
    expect(names.filter((n) => n.hit.id === entries[0]!.id).map((n) => n.key)).toEqual(['CSR0', '测试人0']);
    const fps = new Uint32Array(built.fpCanonical.reduce((n, b) => n + b.rows, 0));
    let at = 0;
    for (const b of built.fpCanonical) at = new BlockView(b.plain).copyFingerprints(fps, at);
    for (const e of entries) expect(sortedHas(fps, fingerprint32(identifierKeysOf(e.identifier)[0]!))).toBe(true);
  });

  it('is deterministic, and a changed entry rewrites only the block it lives in', () => {
    const entries = Array.from({ length: 4000 }, (_, i) => entry(i));
    const a = buildSnapshotBlocks(entries, { targetBytes: 16 * 1024 });
    const changed = entries.map((e, i) => (i === 1234 ? { ...e, status: 'REPAIRED' as const } : e));
    const b = buildSnapshotBlocks(changed, { targetBytes: 16 * 1024 });
    const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
    const before = new Set(a.data.map((x) => hex(x.plain)));
    expect(b.data.filter((x) => !before.has(hex(x.plain)))).toHaveLength(1);
    expect(b.name.map((x) => hex(x.plain))).toEqual(a.name.map((x) => hex(x.plain)));
  });
  it('keeps the published bytes of format 1: every terminal and every cache holds blocks in exactly this layout', () => {
    const uscc = (i: number) => {
      const first17 = `91371000MA${String(i).padStart(7, '0')}`;
      return first17 + usccCheckChar(first17);
    };
    const entries = [
      ...Array.from({ length: 3000 }, (_, i) => entry(i)),
      ...Array.from({ length: 600 }, (_, i) =>
        entry(5000 + i, {
          subjectKind: 'ENTERPRISE',
          subjectName: `威海𠀀测试有限公司${i % 50}`,
          identifier: uscc(i % 400),
          identifierType: 'USCC',
        }),
      ),
      // One subject listed many times: a group larger than a block, split by size.
      ...Array.from({ length: 120 }, (_, i) => entry(9000 + i, { identifier: residentId('37100219600101000') })),
    ];
    const built = buildSnapshotBlocks(entries, { targetBytes: 4 * 1024 });
    const sections = ['data', 'alt', 'name', 'fpCanonical', 'fpAlt', 'fpId'] as const;
    const hash = createHash('sha256');
    for (const section of sections) {
      for (const b of built[section]) hash.update(`${section}|${b.kind}|${b.first}|${b.last}|${b.rows}|`).update(b.plain);
    }
    expect(sections.map((s) => built[s].length)).toEqual([219, 28, 188, 4, 4, 8]);
    // The digest of these blocks as the first release built them: a layout or cut change shows here.
    expect(hash.digest('hex')).toBe('4a38b60c477c423fe1bac0f59c303269d5394e6992f2cdf1a3c2549d27b8b274');
  });
});

describe('signed statement', () => {
  const statement = {
    keyId: '0123456789abcdef',
    epoch: 'e1',
    dataVersion: 'Ee1.42',
    cursor: 'YzF-ZTF-RC00Mi0w',
    entryCount: 42,
    createdAt: '2026-12-01T00:00:00.000Z',
    manifestSha256: 'a'.repeat(64),
  };
  it('formats and parses back exactly one text per statement', () => {
    const text = formatStatement(statement);
    expect(parseStatement(text)).toEqual(statement);
    expect(parseStatement(`${text}\n`)).toBeNull();
    expect(parseStatement(text.replace('entryCount=42', 'entryCount=042'))).toBeNull();
    expect(parseStatement(text.replace('epoch=e1', 'epoch=e1\ndataVersion=x'))).toBeNull();
  });
});
