/**
 * Decodes a console program's output. reg.exe writes in the OEM code page, which is GBK (CP936) on
 * Chinese Windows; UTF-8 is tried first so an English or UTF-8 console still reads correctly.
 */
export function decodeConsoleOutput(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}
