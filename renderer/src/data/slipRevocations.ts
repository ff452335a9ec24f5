/**
 * The latest platform-signed list of revoked terminal keys this terminal has seen (from a snapshot
 * manifest or from GET /terminal-keys/revoked), kept in the journal so the verification screen
 * knows revoked keys offline. Only a list signed by the trusted platform key is kept, and only when
 * it is newer than the one held: a replayed old list cannot un-revoke a key.
 */
import type { RevokedTerminalKeysResponse } from '../../../shared/contract';
import { verifyRevocations, type RevokedTerminalKeys } from '../../../shared/slip/revocations';
import type { JournalDb } from './journalDb';

/** Keeps `signed` when the platform key signed it and it is newer than the list held; true when kept. */
export async function keepRevocations(journal: JournalDb, signed: RevokedTerminalKeysResponse, platformKey: string): Promise<boolean> {
  const list = verifyRevocations(signed, platformKey);
  if (!list) return false;
  const held = await heldRevocations(journal, platformKey);
  if (held && Date.parse(held.issuedAt) >= Date.parse(list.issuedAt)) return false;
  await journal.meta.put({ key: 'revokedTerminalKeys', statement: signed.statement, signature: signed.signature });
  return true;
}

/** The list held, verified again with `platformKey` (a list of another platform, or altered at rest, is none). */
export async function heldRevocations(journal: JournalDb, platformKey: string): Promise<RevokedTerminalKeys | null> {
  const row = await journal.meta.get('revokedTerminalKeys');
  if (!row || row.key !== 'revokedTerminalKeys') return null;
  return verifyRevocations(row, platformKey);
}
