/**
 * The release's own Ed25519 signature over each update file, checked on every platform before an
 * update is installed (Authenticode, where IT signs, is checked by electron-updater on Windows as well).
 * The signature file `<update file>.sig` beside the update on the feed is JSON:
 *
 *   { format, file, version, sha512, signature }
 *
 * `signature` signs "format\nfile\nversion\nsha512", so a signature cannot be moved to another file,
 * another version (an old release served as a new one) or another platform's installer.
 */
import { createHash, createPublicKey, sign, verify } from 'node:crypto';

export const SIGNATURE_FORMAT = 'credit-counter-update-signature/1';

export interface UpdateSignature {
  format: typeof SIGNATURE_FORMAT;
  file: string;
  version: string;
  /** SHA-512 of the file, base64 (as electron-updater's latest.yml writes it). */
  sha512: string;
  /** Ed25519 signature of the statement, base64. */
  signature: string;
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

export function sha512Base64(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('base64');
}

function statement(fields: Pick<UpdateSignature, 'file' | 'version' | 'sha512'>): Buffer {
  return Buffer.from([SIGNATURE_FORMAT, fields.file, fields.version, fields.sha512].join('\n'), 'utf8');
}

/** Signs an update file (scripts/sign-update.ts, run by the release manager with the private key). */
export function signUpdate(bytes: Uint8Array, about: { file: string; version: string }, privateKeyPem: string): UpdateSignature {
  const fields = { file: about.file, version: about.version, sha512: sha512Base64(bytes) };
  return { format: SIGNATURE_FORMAT, ...fields, signature: sign(null, statement(fields), privateKeyPem).toString('base64') };
}

/** Checks a downloaded update (its SHA-512) against its signature file, the expected file and version, and the built-in key. */
export function verifyUpdate(
  sha512: string,
  signatureText: string,
  expected: { file: string; version: string },
  publicKeyPem: string,
): SignatureVerdict {
  let document: Partial<UpdateSignature>;
  try {
    document = JSON.parse(signatureText) as Partial<UpdateSignature>;
  } catch {
    return { ok: false, reason: '签名文件不是有效的 JSON' };
  }
  if (
    document === null ||
    typeof document !== 'object' ||
    document.format !== SIGNATURE_FORMAT ||
    typeof document.file !== 'string' ||
    typeof document.version !== 'string' ||
    typeof document.sha512 !== 'string' ||
    typeof document.signature !== 'string'
  ) {
    return { ok: false, reason: '签名文件格式不正确' };
  }
  let valid: boolean;
  try {
    valid = verify(null, statement(document as UpdateSignature), createPublicKey(publicKeyPem), Buffer.from(document.signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: '签名无效（不是发布者的密钥所签，或签名内容被改动）' };
  if (document.file !== expected.file) return { ok: false, reason: `签名属于另一个文件（${document.file}）` };
  if (document.version !== expected.version)
    return { ok: false, reason: `签名的版本 ${document.version} 与更新源声明的版本 ${expected.version} 不符` };
  if (document.sha512 !== sha512) return { ok: false, reason: '下载的文件与签名的文件不一致（可能被篡改）' };
  return { ok: true };
}
