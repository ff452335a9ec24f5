import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpiredSlips, slipDirectories, slipRetentionDirectories } from './slipFiles';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date(2026, 10, 27, 14, 22, 33);

describe('where slips are saved', () => {
  it('in the folder IT set, else Documents\\核查单, with the app’s own folder as the fallback', () => {
    const userData = 'C:\\Users\\clerk\\AppData\\Local\\CreditCounter';
    expect(slipDirectories('win32', { configured: 'D:\\核查单', documents: 'C:\\Users\\clerk\\Documents', userData })).toEqual([
      'D:\\核查单',
      `${userData}\\核查单`,
    ]);
    expect(slipDirectories('win32', { configured: '', documents: 'C:\\Users\\clerk\\Documents', userData })).toEqual([
      'C:\\Users\\clerk\\Documents\\核查单',
      `${userData}\\核查单`,
    ]);
  });
});

describe('slip retention', () => {
  let root: string;
  let documents: string;
  let fallback: string;

  function slip(dir: string, name: string, ageDays: number): void {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    writeFileSync(path, '%PDF-1.7');
    const at = new Date(now.getTime() - ageDays * DAY);
    utimesSync(path, at, at);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cc-slips-'));
    documents = join(root, 'Documents', '核查单');
    fallback = join(root, 'userData', '核查单');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('deletes the app’s own slips older than the retention period, in every slip folder', async () => {
    slip(documents, '核查单-20261001-090000.pdf', 57);
    slip(documents, '核查单-20261026-090000.pdf', 31.5);
    slip(documents, '核查单-20261120-101010.pdf', 7);
    slip(fallback, '核查单-20260101-080000.pdf', 330);
    const result = await purgeExpiredSlips([documents, fallback], { now, retentionDays: 30 });
    expect(readdirSync(documents)).toEqual(['核查单-20261120-101010.pdf']);
    expect(readdirSync(fallback)).toEqual([]);
    expect(result).toEqual({ deleted: 3, failures: [] });
  });

  it('never touches other files, folders or links, however old', async () => {
    slip(documents, '申请材料.pdf', 400);
    slip(documents, '核查单-20260101-080000.pdf.txt', 400);
    slip(documents, '核查单-备份.pdf', 400);
    mkdirSync(join(documents, '核查单-20200101-000000.pdf'));
    await purgeExpiredSlips([documents], { now, retentionDays: 1 });
    expect(readdirSync(documents).sort()).toEqual(
      ['核查单-20200101-000000.pdf', '核查单-20260101-080000.pdf.txt', '核查单-备份.pdf', '申请材料.pdf'].sort(),
    );
  });

  it('still deletes slips saved in Documents before IT set a slip folder', async () => {
    slip(documents, '核查单-20261001-090000.pdf', 57);
    const itFolder = join(root, 'IT', '核查单');
    slip(itFolder, '核查单-20261002-090000.pdf', 56);
    const folders = slipRetentionDirectories('linux', {
      configured: itFolder,
      documents: join(root, 'Documents'),
      userData: join(root, 'userData'),
    });
    expect(await purgeExpiredSlips(folders, { now, retentionDays: 30 })).toEqual({ deleted: 2, failures: [] });
    expect(readdirSync(documents)).toEqual([]);
    expect(readdirSync(itFolder)).toEqual([]);
    // Saving still never falls back to Documents once IT has chosen a folder.
    expect(slipDirectories('linux', { configured: itFolder, documents: join(root, 'Documents'), userData: root })).not.toContain(documents);
  });

  it('ignores folders that do not exist', async () => {
    expect(await purgeExpiredSlips([join(root, 'missing')], { now, retentionDays: 30 })).toEqual({ deleted: 0, failures: [] });
    expect(existsSync(join(root, 'missing'))).toBe(false);
  });
});
