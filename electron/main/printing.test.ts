import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebContents as ElectronWebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { WebContents } from '../../tests/doubles/electron';
import { slipDirectories, slipFileName } from './lib/slipFiles';
import { printSlip } from './printing';

const at = new Date(2026, 10, 27, 14, 22, 33);

describe('check slip printing', () => {
  it('names slips by local time and prefers Documents\\核查单', () => {
    expect(slipFileName(at)).toBe('核查单-20261127-142233.pdf');
    expect(
      slipDirectories('win32', {
        configured: '',
        documents: 'C:\\Users\\clerk\\Documents',
        userData: 'C:\\Users\\clerk\\AppData\\Local\\CreditCounter',
      }),
    ).toEqual(['C:\\Users\\clerk\\Documents\\核查单', 'C:\\Users\\clerk\\AppData\\Local\\CreditCounter\\核查单']);
    expect(slipDirectories('linux', { configured: '', documents: undefined, userData: '/home/c/.config/CreditCounter' })).toEqual([
      '/home/c/.config/CreditCounter/核查单',
    ]);
  });

  it('writes the PDF and returns its path', async () => {
    const documents = mkdtempSync(join(tmpdir(), 'cc-docs-'));
    const contents = new WebContents();
    const result = await printSlip(contents as unknown as ElectronWebContents, 'pdf', {
      platform: 'linux',
      slipFolder: '',
      documentsDir: documents,
      userData: '/nonexistent',
      now: () => at,
    });
    expect(result).toEqual({ ok: true, path: join(documents, '核查单', '核查单-20261127-142233.pdf') });
    expect(readFileSync(join(documents, '核查单', '核查单-20261127-142233.pdf'), 'utf8')).toContain('%PDF');
  });

  it('falls back to userData when Documents is not writable', async () => {
    const documents = mkdtempSync(join(tmpdir(), 'cc-docs-'));
    writeFileSync(join(documents, '核查单'), 'a file where the folder should be');
    const userData = mkdtempSync(join(tmpdir(), 'cc-user-'));
    const result = await printSlip(new WebContents() as unknown as ElectronWebContents, 'pdf', {
      platform: 'linux',
      slipFolder: '',
      documentsDir: documents,
      userData,
      now: () => at,
    });
    expect(result).toEqual({ ok: true, path: join(userData, '核查单', '核查单-20261127-142233.pdf') });
  });

  it('reports printer results in Chinese', async () => {
    const contents = new WebContents();
    const deps = { platform: 'linux' as const, slipFolder: '', documentsDir: undefined, userData: '/tmp', now: () => at };
    expect(await printSlip(contents as unknown as ElectronWebContents, 'printer', deps)).toEqual({ ok: true });
    contents.printResult = { success: false, failureReason: 'cancelled' };
    expect(await printSlip(contents as unknown as ElectronWebContents, 'printer', deps)).toEqual({ ok: false, message: '已取消打印。' });
    contents.pdfResult = new Error('renderer gone');
    expect(await printSlip(contents as unknown as ElectronWebContents, 'pdf', deps)).toEqual({
      ok: false,
      message: '生成 PDF 失败：renderer gone',
    });
  });
});
