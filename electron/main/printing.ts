import type { WebContents } from 'electron';
import type { HostBridge } from '../../shared/ipc/bridge';
import { slipDirectories, slipFileName } from './lib/slipFiles';
import { saveNewFile } from './savedFiles';

type PrintResult = Awaited<ReturnType<HostBridge['printSlip']>>;

export interface PrintDeps {
  platform: 'win32' | 'linux';
  /** The folder IT set for slips (slipFolder), '' for the default. */
  slipFolder: string;
  documentsDir: string | undefined;
  userData: string;
  now(): Date;
}

/** The check slip (核查单) of the current page, as a PDF file or on the printer the clerk picks. */
export async function printSlip(contents: WebContents, target: 'pdf' | 'printer', deps: PrintDeps): Promise<PrintResult> {
  if (target === 'printer') {
    return new Promise((resolve) => {
      contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        resolve(success ? { ok: true } : { ok: false, message: printFailure(failureReason) });
      });
    });
  }
  let pdf: Uint8Array;
  try {
    pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true });
  } catch (error) {
    return { ok: false, message: `生成 PDF 失败：${error instanceof Error ? error.message : String(error)}` };
  }
  const saved = await saveNewFile(
    slipDirectories(deps.platform, { configured: deps.slipFolder, documents: deps.documentsDir, userData: deps.userData }),
    slipFileName(deps.now()),
    pdf,
  );
  if ('path' in saved) return { ok: true, path: saved.path };
  return { ok: false, message: `保存 PDF 失败：${saved.error instanceof Error ? saved.error.message : String(saved.error)}` };
}

function printFailure(reason: string): string {
  return reason === 'cancelled' ? '已取消打印。' : `打印失败：${reason}`;
}
