/**
 * The platform's signed list of revoked terminal keys, each with the moment it was revoked. Served
 * on its own route and carried inside every snapshot manifest, so terminals hold a recent copy to
 * verify slips offline.
 */
import type { RevokedTerminalKeysResponse } from '../../shared/contract';
import { formatRevocations } from '../../shared/slip/revocations';
import type { TerminalKeyRepository } from '../db/terminalKeys';
import type { SigningKey } from '../snapshots/signingKey';

export function signedRevocations(
  signing: SigningKey,
  keys: Pick<TerminalKeyRepository, 'revokedKeys'>,
  issuedAt: Date,
): RevokedTerminalKeysResponse {
  const statement = formatRevocations({ keyId: signing.publicKey.keyId, issuedAt: issuedAt.toISOString(), keys: keys.revokedKeys() });
  return { statement, signature: signing.sign(statement) };
}
