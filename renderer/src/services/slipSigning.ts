/**
 * The terminal's slip key and the signed statement printed on each check slip. The key pair is made
 * at enrolment: in Electron by the main process, which keeps it encrypted by the OS store and signs
 * over IPC; in the browser with WebCrypto, the private half non-extractable and kept in the journal
 * database (IndexedDB stores the CryptoKey itself; no script can read its bytes). The platform
 * certifies the public half; the certificate travels inside every statement. A re-enrolment makes a
 * new pair.
 */
import type { SignedDataVersion, SlipCheckResponse } from '../../../shared/contract';
import { parseStatement } from '../../../shared/snapshot';
import {
  normaliseReference,
  verifySlipText,
  caseNoHash,
  fromBase64,
  signSlip,
  subjectHash,
  type CheckStatementBody,
  type Ed25519Signer,
  type SlipDecision,
  type RevokedTerminalKeys,
  type SlipText,
} from '../../../shared/slip';
import type { JournalRepository } from '../data/journalRepository';
import { base64ToBytes, bytesToBase64 } from '../data/webCrypto';
import type { HostBridge } from '../../../shared/ipc/bridge';
import type { CheckView, Outcome, SlipCheck, UserFacingError } from './contracts';
import type { Clock, PlatformAccess } from './deps';
import { refuse, toUserError } from './outcome';

export interface NewSlipKey {
  publicKey: string;
  /** Browser only: the non-extractable WebCrypto key. In Electron the key lives in the main process. */
  privateKey?: CryptoKey;
}

/**
 * A fresh Ed25519 pair for an enrolment: made and kept by the Electron main process (encrypted by the
 * OS store), or a non-extractable WebCrypto key in the browser. Null where there is none to be had (a
 * browser without Ed25519, an OS store that refuses): the terminal then prints no signed QR.
 */
export async function createSlipKey(host: HostBridge): Promise<NewSlipKey | null> {
  if (host.kind === 'electron') {
    const made = await host.createSlipKey().catch(() => null);
    if (!made?.ok) host.log('warn', `slip key not made: ${made?.message ?? 'host unavailable'}`);
    return made?.ok ? { publicKey: made.publicKey } : null;
  }
  try {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    return { privateKey: pair.privateKey, publicKey: bytesToBase64(raw) };
  } catch {
    return null;
  }
}

/** The enrolment is recorded: the certified key becomes the one that signs (the main process adopts its pending key). */
export async function keepSlipKey(
  journal: Pick<JournalRepository, 'keepSlipKey'>,
  host: HostBridge,
  terminalId: string,
  key: NewSlipKey,
  certificate: string | undefined,
): Promise<void> {
  const adopted = certificate && host.kind === 'electron' ? await host.adoptSlipKey(key.publicKey).catch(() => null) : null;
  if (!certificate || (host.kind === 'electron' && !adopted?.ok)) {
    await journal.keepSlipKey(null);
    return;
  }
  await journal.keepSlipKey({
    terminalId,
    publicKey: key.publicKey,
    certificate,
    ...(key.privateKey ? { privateKey: key.privateKey } : {}),
  });
}

/** Who signs: the Electron main process over IPC, or WebCrypto with the key kept in the journal. */
function signerFor(host: HostBridge, privateKey: CryptoKey | undefined): Ed25519Signer | null {
  // A key an earlier release made in an Electron page keeps signing until the next enrolment.
  if (privateKey)
    return async (message) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, message as Uint8Array<ArrayBuffer>));
  if (host.kind !== 'electron') return null;
  return async (message) => {
    const answer = await host.signSlipStatement(bytesToBase64(message));
    if (!answer.ok) throw new Error(answer.message);
    return base64ToBytes(answer.signature);
  };
}

/** Decisions as recorded for the check, by measure code (null: not decided yet). */
export type SlipDecisions = Record<string, SlipDecision>;

function randomSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16));
}

export function statementBodyOf(
  view: CheckView,
  decisions: SlipDecisions,
  signed: SignedDataVersion | null | undefined,
  clockSkewSeconds: number | null,
): CheckStatementBody {
  const salt = randomSalt();
  const snapshot = signed ? parseStatement(signed.statement) : null;
  const signature = signed ? fromBase64(signed.signature) : null;
  return {
    checkId: view.checkId,
    checkedAt: Math.floor(Date.parse(view.checkedAt) / 1000),
    clockSkewSeconds: clockSkewSeconds === null ? null : Math.round(clockSkewSeconds),
    matterCode: view.matter.code,
    caseNoHash: caseNoHash(salt, view.purpose.caseNo),
    subjectKind: view.subject.kind,
    subjectMasked: view.subject.masked,
    salt,
    subjectHash: subjectHash(salt, view.subject.identifier),
    result: view.result,
    source: view.source,
    dataVersion: view.dataVersion,
    dataAgeSeconds: view.dataAgeSeconds,
    measures: [
      ...[...view.evaluation.must, ...view.evaluation.may].map(({ measure }) => ({
        code: measure.code,
        obligation: measure.obligation,
        decision: decisions[measure.code] ?? null,
      })),
      ...view.evaluation.suppressed.map(({ measure }) => ({
        code: measure.code,
        obligation: measure.obligation,
        decision: 'SUPPRESSED' as const,
      })),
    ],
    signedData: snapshot && signature ? { statement: snapshot, signature } : null,
  };
}

/** Signed, or why not: no key certified by the platform, a certificate that does not parse, or the signer failed (`cause`: its code). */
export type SignedSlipOutcome =
  | { ok: true; slip: SlipText }
  | { ok: false; reason: 'no_key' | 'bad_certificate' }
  | { ok: false; reason: 'sign_failed'; cause: UserFacingError };

/**
 * Signs the check's statement with the terminal's key; the statement is kept on the check record.
 * `clockSkewSeconds`: this terminal's clock minus the platform's, as last measured (null: never).
 */
export async function signCheckSlip(
  journal: Pick<JournalRepository, 'slipKey' | 'check' | 'attachSlip'>,
  host: HostBridge,
  view: CheckView,
  decisions: SlipDecisions,
  clockSkewSeconds: number | null,
): Promise<SignedSlipOutcome> {
  const key = await journal.slipKey();
  if (!key || key.terminalId !== view.terminalId) {
    return { ok: false, reason: 'no_key' };
  }
  const certificate = fromBase64(key.certificate);
  if (!certificate) return { ok: false, reason: 'bad_certificate' };
  const sign = signerFor(host, key.privateKey);
  if (!sign) return { ok: false, reason: 'no_key' };
  const check = await journal.check(view.checkId);
  const body = statementBodyOf(view, decisions, check?.signedData, clockSkewSeconds);
  let slip: SlipText;
  try {
    slip = await signSlip(body, certificate, sign);
  } catch (error) {
    return { ok: false, reason: 'sign_failed', cause: toUserError(error) };
  }
  if (check) await journal.attachSlip(view.checkId, { text: slip.text, reference: slip.reference });
  return { ok: true, slip };
}

/** The platform's answer to a 核验码, or why there is none (offline, not found, refused). */
async function slipFromPlatform(
  platform: Pick<PlatformAccess, 'online'>,
  reference: string,
): Promise<Outcome<{ text: string; platform: SlipCheckResponse }>> {
  const client = await platform.online();
  if (!client) return refuse('slip_not_found', { reference, where: 'offline' });
  try {
    const answer = await client.lookupSlip(reference);
    if (!answer) return refuse('slip_not_found', { reference, where: 'platform' });
    if (answer.slips.length > 1) return refuse('slip_ambiguous', { reference, count: answer.slips.length });
    const [found] = answer.slips;
    return { ok: true, value: { text: found!.slip, platform: found!.platform } };
  } catch (error) {
    const cause = toUserError(error);
    return refuse('slip_lookup_failed', { ...cause.params, reference, cause: cause.code });
  }
}

/** The newest signed revocation list: asked of the platform when online, else the one kept (with its age). */
async function revocationsFor(
  journal: Pick<JournalRepository, 'heldRevocations' | 'keepRevocations'>,
  platform: Pick<PlatformAccess, 'online'>,
  platformKey: string,
): Promise<RevokedTerminalKeys | null> {
  try {
    const client = await platform.online();
    if (client) await journal.keepRevocations(await client.revokedTerminalKeys(), platformKey);
  } catch {
    // Offline or refused: the list kept (from the last manifest or visit) is what there is.
  }
  return journal.heldRevocations(platformKey);
}

/**
 * What the verification screen shows: the slip checked offline with the platform key this terminal
 * trusts and the newest revocation list it holds, then (online) the platform's own answer. A
 * reference number is looked up among this terminal's own slips, then (online) on the platform.
 */
export interface SlipVerificationDeps {
  journal: Pick<JournalRepository, 'checkBySlipReference' | 'identity' | 'heldRevocations' | 'keepRevocations'>;
  /** The platform key IT pinned in the configuration ('' when none). */
  pinnedKey: string;
  platform: Pick<PlatformAccess, 'online'>;
  now: Clock;
}

export async function verifySlipInput(
  { journal, pinnedKey, platform, now }: SlipVerificationDeps,
  input: string,
): Promise<Outcome<SlipCheck>> {
  let text = input.trim();
  let recorded: SlipCheckResponse | null = null;
  const reference = normaliseReference(text);
  if (reference && text.length <= 12) {
    const check = await journal.checkBySlipReference(reference);
    if (check?.slip) text = check.slip.text;
    else {
      const found = await slipFromPlatform(platform, reference);
      if (!found.ok) return found;
      ({ text, platform: recorded } = found.value);
    }
  }
  const key = pinnedKey || (await journal.identity())?.platformPublicKey;
  if (!key) return refuse('no_platform_key');
  const revoked = await revocationsFor(journal, platform, key);
  const verification = verifySlipText(text, {
    platformKeys: [key],
    ...(revoked ? { revokedTerminalKeys: revoked.keys } : {}),
    now: Math.floor(now().getTime() / 1000),
  });
  const revocations = revoked
    ? { issuedAt: revoked.issuedAt, ageSeconds: (now().getTime() - Date.parse(revoked.issuedAt)) / 1000, count: revoked.keys.length }
    : null;
  const answer = (p: SlipCheckResponse | null, platformError: UserFacingError | null): Outcome<SlipCheck> => ({
    ok: true,
    value: { verification, platform: p, platformError, revocations },
  });
  if (recorded || !verification.statement) return answer(recorded, null);
  try {
    const client = await platform.online();
    if (!client) return answer(null, null);
    return answer(await client.checkSlip(text), null);
  } catch (error) {
    return answer(null, toUserError(error));
  }
}
