/**
 * `npm run verify-slip` — verifies a check slip (核查单) offline, as the app's verification screen does.
 *
 *   npm run verify-slip -- --platform-key <base64> [--revoked <revoked.json>] <QR text | slip.png>
 *
 * The argument is the QR's text (what a USB scanner types) or a PNG holding the printed slip (a scan
 * at 300 dpi, or a page rendered with pdftoppm). --platform-key is the platform's Ed25519 public key
 * (shown by `npm run platform`, returned at enrolment, pinned by IT as platformPublicKey);
 * CREDIT_COUNTER_PLATFORM_KEY works too. --revoked is the platform's signed list of revoked terminal
 * keys as GET /api/v1/terminal-keys/revoked returns it. Exit code 0 only when everything verifies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyRevocations, type RevokedKey } from '../shared/slip/revocations';
import { verifySlipText } from '../shared/slip/verify';
import { describeSlip } from '../shared/slip/describe';
import { decodeQrFromPng } from './lib/slipImage';

function fail(message: string): never {
  console.error(`verify-slip: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  options: { 'platform-key': { type: 'string' }, revoked: { type: 'string' } },
  allowPositionals: true,
});
const platformKey = values['platform-key'] ?? process.env.CREDIT_COUNTER_PLATFORM_KEY;
if (!platformKey) fail('缺少平台公钥（--platform-key 或环境变量 CREDIT_COUNTER_PLATFORM_KEY）');
if (positionals.length !== 1) fail('用法：npm run verify-slip -- --platform-key <公钥> <二维码文本 | 图片.png>');
const input = positionals[0]!;

const started = performance.now();
let text = input;
if (/\.png$/i.test(input)) {
  if (!existsSync(input)) fail(`找不到图片 ${input}`);
  const qr = decodeQrFromPng(input);
  if (!qr) fail(`图片中没有可识读的二维码：${input}`);
  text = qr.text;
  console.log(`二维码：版本 ${qr.version}，宽 ${qr.widthPixels.toFixed(0)} 像素`);
}
const decodedAt = performance.now();

let revokedTerminalKeys: RevokedKey[] | undefined;
if (values.revoked) {
  const list = verifyRevocations(JSON.parse(readFileSync(values.revoked, 'utf8')) as { statement: string; signature: string }, platformKey);
  if (!list) fail('吊销名单不是该平台签发的（或已被改动），不能使用');
  console.log(`吊销名单：平台签发于 ${list.issuedAt}，${list.keys.length} 把终端密钥`);
  revokedTerminalKeys = list.keys;
}
const result = verifySlipText(text, {
  platformKeys: [platformKey],
  now: Math.floor(Date.now() / 1000),
  ...(revokedTerminalKeys ? { revokedTerminalKeys } : {}),
});
const verifiedAt = performance.now();

for (const line of describeSlip(result)) console.log(line);
console.log(`耗时：识读 ${(decodedAt - started).toFixed(0)} ms，验证 ${(verifiedAt - decodedAt).toFixed(1)} ms`);
process.exit(result.valid ? 0 : 1);
