/**
 * Verifying a snapshot manifest before anything in it is used: the statement is signed by the
 * platform key this terminal trusts (IT's pinned key, else the one received at enrolment), the
 * body is the one the statement names (SHA-256), and the body repeats the statement's version,
 * cursor and count. Any failure is a SnapshotVerificationError (a code the catalogue words); nothing is stored.
 */
import { SnapshotManifestBody, type SignedDataVersion, type SnapshotManifestResponse } from '../../../../shared/contract';
import { parseStatement, type SnapshotStatement } from '../../../../shared/snapshot';
import { PlatformError } from '../../api/platformError';
import type { VerifiedManifest } from '../../data/packed/blocks';
import { base64ToBytes } from '../../data/webCrypto';
import { codedError } from '../../model';

/** What was wrong with a snapshot: it is refused like any answer that breaks the contract (never stored). */
export type SnapshotProblem =
  | 'snapshot_signature_invalid'
  | 'snapshot_manifest_mismatch'
  | 'snapshot_manifest_malformed'
  | 'snapshot_block_mismatch'
  | 'snapshot_pack_mismatch'
  | 'snapshot_block_incomplete'
  | 'snapshot_block_undecryptable';

export class SnapshotVerificationError extends PlatformError {
  constructor(problem: SnapshotProblem) {
    super({ kind: 'malformed', status: 200, userError: codedError(problem) });
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
  if (!statement) throw new SnapshotVerificationError('snapshot_signature_invalid');
  const digest = hex(await crypto.subtle.digest('SHA-256', encoder.encode(response.body)));
  if (digest !== statement.manifestSha256) throw new SnapshotVerificationError('snapshot_manifest_mismatch');
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new SnapshotVerificationError('snapshot_manifest_malformed');
  }
  const parsed = SnapshotManifestBody.safeParse(json);
  if (!parsed.success) throw new SnapshotVerificationError('snapshot_manifest_malformed');
  const body = parsed.data;
  if (
    body.epoch !== statement.epoch ||
    body.dataVersion !== statement.dataVersion ||
    body.cursor !== statement.cursor ||
    body.entryCount !== statement.entryCount ||
    body.createdAt !== statement.createdAt
  ) {
    throw new SnapshotVerificationError('snapshot_manifest_mismatch');
  }
  return { statement, body, signed };
}
