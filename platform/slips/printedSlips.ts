/**
 * The slips terminals printed: each arrives with the print's audit record and is kept, so a verifier
 * holding only the 核验码 gets the whole statement back. Only a slip the sending terminal itself
 * signed, under a key the platform issued to it and had not revoked, is kept: a terminal cannot plant
 * a slip under another terminal's name, or one it made up, for a verifier to find.
 */
import { keyIdOfRaw, sha256Bytes, toHex } from '../../shared/slip/primitives';
import { slipBytesFromText, verifySlipBytes } from '../../shared/slip/verify';
import type { PlatformContext } from '../context';

export type PrintedSlipOutcome = 'recorded' | 'duplicate' | 'refused';

export function recordPrintedSlip(ctx: PlatformContext, terminalId: string, slipText: string, receivedAt: string): PrintedSlipOutcome {
  const bytes = slipBytesFromText(slipText);
  if (!bytes) return 'refused';
  const verification = verifySlipBytes(bytes, {
    platformKeys: [ctx.signing.publicKey.key],
    revokedTerminalKeys: ctx.terminalKeys.revokedKeys(),
    now: Math.floor(ctx.now().getTime() / 1000),
  });
  const s = verification.statement;
  if (!s || !verification.terminalSignatureValid || !verification.reference) return 'refused';
  if (verification.problems.some((p) => p.code === 'revoked_key')) return 'refused';
  const issued = ctx.terminalKeys.get(keyIdOfRaw(s.certificate.publicKey));
  if (s.certificate.terminalId !== terminalId || issued?.terminalId !== terminalId) return 'refused';
  const inserted = ctx.slips.insert({
    slipSha256: toHex(sha256Bytes(bytes)),
    reference: verification.reference,
    terminalId,
    checkId: s.checkId,
    slip: slipText.trim(),
    receivedAt,
  });
  return inserted ? 'recorded' : 'duplicate';
}
