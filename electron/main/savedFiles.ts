import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedFileResult } from '../../shared/ipc/channels';
import { journalExportFileName, savedFileDirectories } from './lib/slipFiles';

export interface SaveDeps {
  platform: 'win32' | 'linux';
  documentsDir: string | undefined;
  userData: string;
  now(): Date;
}

/** Writes `data` as a new file in the first folder that takes it (never over an existing file). */
export async function saveNewFile(
  folders: string[],
  fileName: string,
  data: string | Uint8Array,
): Promise<{ path: string } | { error: unknown }> {
  let lastError: unknown = new Error('no folder');
  for (const dir of folders) {
    try {
      await mkdir(dir, { recursive: true });
      const path = join(dir, fileName);
      await writeFile(path, data, { flag: 'wx', mode: 0o600 });
      return { path };
    } catch (error) {
      lastError = error;
    }
  }
  return { error: lastError };
}

/**
 * The terminal's journal export (IT), as Documents\终端记录导出\终端记录导出-<time>.json. The main
 * process names the file: the renderer only supplies the contents. Readable by the user only — it
 * holds what clerks recorded, identifiers included.
 */
export async function saveJournalExport(contents: string, deps: SaveDeps): Promise<SavedFileResult> {
  const fileName = journalExportFileName(deps.now());
  const folders = savedFileDirectories(deps.platform, { documents: deps.documentsDir, userData: deps.userData }, '终端记录导出');
  const saved = await saveNewFile(folders, fileName, contents);
  if ('path' in saved) return { ok: true, fileName, path: saved.path };
  return { ok: false, message: `保存导出文件失败：${saved.error instanceof Error ? saved.error.message : String(saved.error)}` };
}
