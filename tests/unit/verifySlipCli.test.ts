import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode } from '../../shared/slip/base45';
import { signSlip } from '../../shared/slip/sign';
import { PLATFORM, TERMINAL, certificateFor, statementBody } from '../../shared/slip/__fixtures__/slipFixtures';

const run = promisify(execFile);

async function verifySlip(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/verify-slip.ts',
      '--platform-key',
      PLATFORM.base64,
      ...args,
    ]);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run verify-slip', () => {
  it('exits 0 for a genuine slip from a PNG, 1 for a tampered one, naming the problem', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { text } = await signSlip(
      statementBody({ checkedAt: now, clockSkewSeconds: 0 }),
      certificateFor(TERMINAL, PLATFORM, undefined, now - 3600),
      TERMINAL.sign,
    );
    const dir = mkdtempSync(join(tmpdir(), 'slip-'));
    const png = join(dir, 'slip.png');
    await QRCode.toFile(png, [{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M', scale: 4 });
    const good = await verifySlip(png);
    expect(good.out).toContain('核验结果：通过');
    expect(good.out).toContain('1101**********002X');
    expect(good.code).toBe(0);

    const bytes = base45Decode(text)!;
    bytes[40]! ^= 0x10;
    const tampered = join(dir, 'tampered.png');
    await QRCode.toFile(tampered, [{ data: base45Encode(bytes), mode: 'alphanumeric' }], { errorCorrectionLevel: 'M', scale: 4 });
    const bad = await verifySlip(tampered);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('核验结果：未通过');

    const typed = await verifySlip(text.slice(0, -3));
    expect(typed.code).toBe(1);
  }, 60_000);
});
