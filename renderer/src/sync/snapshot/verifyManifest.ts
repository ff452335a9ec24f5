/**
 * Verifying a snapshot manifest before anything in it is used: the statement is signed by the
 * platform key this terminal trusts (IT's pinned key, else the one received at enrolment), the
 * body is the one the statement names (SHA-256), and the body repeats the statement's version,
 * cursor and count. Any failure is an error with a Chinese message; nothing is stored.
 */
import { SnapshotManifestBody, type SignedDataVersion, type SnapshotManifestResponse } from '../../../../shared/contract';
import { parseStatement, type SnapshotStatement } from '../../../../shared/snapshot';
import type { VerifiedManifest } from '../../data/packed/blocks';
import { base64ToBytes } from '../../data/webCrypto';

export class SnapshotVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotVerificationError';
  }
}

export type { VerifiedManifest } from '../../data/packed/blocks';

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function keyIdOf(publicKeyBase64: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', base64ToBytes(publicKeyBase64))).slice(0, 16);
}

/** Whether `signed` is a statement signed by the holder of `publicKeyBase64` (raw Ed25519, base64). */
export async function verifySignedDataVersion(signed: SignedDataVersion, publicKeyBase64: string): Promise<SnapshotStatement | null> {
  const statement = parseStatement(signed.statement);
  if (!statement || statement.keyId !== (await keyIdOf(publicKeyBase64))) return null;
  const key = await crypto.subtle.importKey('raw', base64ToBytes(publicKeyBase64), { name: 'Ed25519' }, false, ['verify']);
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, base64ToBytes(signed.signature), encoder.encode(signed.statement));
  return ok ? statement : null;
}

export async function verifyManifest(response: SnapshotManifestResponse, publicKeyBase64: string): Promise<VerifiedManifest> {
  const signed: SignedDataVersion = { statement: response.statement, signature: response.signature };
  const statement = await verifySignedDataVersion(signed, publicKeyBase64);
  if (!statement) throw new SnapshotVerificationError('名单快照的平台签名无效（或不是本机信任的平台公钥所签），已拒绝使用');
  const digest = hex(await crypto.subtle.digest('SHA-256', encoder.encode(response.body)));
  if (digest !== statement.manifestSha256) throw new SnapshotVerificationError('名单快照清单与平台签名不符，已拒绝使用');
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new SnapshotVerificationError('名单快照清单格式错误，已拒绝使用');
  }
  const parsed = SnapshotManifestBody.safeParse(json);
  if (!parsed.success) throw new SnapshotVerificationError('名单快照清单格式错误，已拒绝使用');
  const body = parsed.data;
  if (
    body.epoch !== statement.epoch ||
    body.dataVersion !== statement.dataVersion ||
    body.cursor !== statement.cursor ||
    body.entryCount !== statement.entryCount ||
    body.createdAt !== statement.createdAt
  ) {
    throw new SnapshotVerificationError('名单快照清单与平台签名不符，已拒绝使用');
  }
  return { statement, body, signed };
}
