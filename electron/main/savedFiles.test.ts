import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveJournalExport } from './savedFiles';

const at = new Date(2026, 10, 27, 14, 22, 33);

describe('journal export file', () => {
  it('is named by the main process, saved under Documents\\终端记录导出, readable by the user only, never over another file', async () => {
    const documents = mkdtempSync(join(tmpdir(), 'cc-docs-'));
    const userData = mkdtempSync(join(tmpdir(), 'cc-user-'));
    const deps = { platform: 'linux' as const, documentsDir: documents, userData, now: () => at };
    const result = await saveJournalExport('{"format":"credit-counter-journal/1"}', deps);
    const path = join(documents, '终端记录导出', '终端记录导出-20261127-142233.json');
    expect(result).toEqual({ ok: true, fileName: '终端记录导出-20261127-142233.json', path });
    expect(readFileSync(path, 'utf8')).toBe('{"format":"credit-counter-journal/1"}');
    expect(statSync(path).mode & 0o077).toBe(0);
    // Same second again: the existing file is kept, the new one goes to the next folder.
    expect(await saveJournalExport('{}', deps)).toMatchObject({
      ok: true,
      path: join(userData, '终端记录导出', '终端记录导出-20261127-142233.json'),
    });
    expect(readFileSync(path, 'utf8')).toContain('credit-counter-journal/1');
    expect(await saveJournalExport('{}', deps)).toMatchObject({ ok: false, message: expect.stringContaining('保存导出文件失败') });
  });
});
