/**
 * The terminal's slip key and the signed statement printed on each check slip. The key pair is made
 * at enrolment with WebCrypto, the private half non-extractable, and kept in the journal database
 * (IndexedDB stores the CryptoKey itself; no script can read its bytes). The platform certifies the
 * public half; the certificate travels inside every statement. A re-enrolment makes a new pair.
 */
import type { SignedDataVersion } from '../../../shared/contract';
import { parseStatement } from '../../../shared/snapshot';
import {
  normaliseReference,
  verifySlipText,
  caseNoHash,
  fromBase64,
  signSlip,
  subjectHash,
  type CheckStatementBody,
  type SlipDecision,
  type SlipText,
} from '../../../shared/slip';
import type { JournalRepository } from '../data/journalRepository';
import { bytesToBase64 } from '../data/webCrypto';
import type { CheckView, Outcome, SlipCheck } from './contracts';
import type { Clock, PlatformAccess } from './deps';
import { refuse, toUserError } from './outcome';

export interface NewSlipKey {
  privateKey: CryptoKey;
  publicKey: string;
}

/** A fresh Ed25519 pair (null where the browser has no Ed25519: the terminal then prints no signed QR). */
export async function createSlipKey(): Promise<NewSlipKey | null> {
  try {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    return { privateKey: pair.privateKey, publicKey: bytesToBase64(raw) };
  } catch {
    return null;
  }
}

/** Keeps the key once the platform certified it (no certificate: no key, so no unverifiable slips). */
export async function keepSlipKey(
  journal: Pick<JournalRepository, 'keepSlipKey'>,
  terminalId: string,
  key: NewSlipKey,
  certificate: string | undefined,
): Promise<void> {
  await journal.keepSlipKey(certificate ? { terminalId, privateKey: key.privateKey, publicKey: key.publicKey, certificate } : null);
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
): CheckStatementBody {
  const salt = randomSalt();
  const snapshot = signed ? parseStatement(signed.statement) : null;
  const signature = signed ? fromBase64(signed.signature) : null;
  return {
    checkId: view.checkId,
    checkedAt: Math.floor(Date.parse(view.checkedAt) / 1000),
    clockSkewSeconds: null,
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

/** Signed, or why not: no key certified by the platform, or a certificate that does not parse. */
export type SignedSlipOutcome = { ok: true; slip: SlipText } | { ok: false; reason: 'no_key' | 'bad_certificate' };

/** Signs the check's statement with the terminal's key; the statement is kept on the check record. */
export async function signCheckSlip(
  journal: Pick<JournalRepository, 'slipKey' | 'check' | 'attachSlip'>,
  view: CheckView,
  decisions: SlipDecisions,
): Promise<SignedSlipOutcome> {
  const key = await journal.slipKey();
  if (!key || key.terminalId !== view.terminalId) {
    return { ok: false, reason: 'no_key' };
  }
  const certificate = fromBase64(key.certificate);
  if (!certificate) return { ok: false, reason: 'bad_certificate' };
  const check = await journal.check(view.checkId);
  const body = statementBodyOf(view, decisions, check?.signedData);
  const slip = await signSlip(
    body,
    certificate,
    async (message) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, message as Uint8Array<ArrayBuffer>)),
  );
  if (check) await journal.attachSlip(view.checkId, { text: slip.text, reference: slip.reference });
  return { ok: true, slip };
}

/**
 * What the verification screen shows: the slip checked offline with the platform key this terminal
 * trusts, then (online) the platform's own answer. A reference number is looked up among this
 * terminal's own slips.
 */
export interface SlipVerificationDeps {
  journal: Pick<JournalRepository, 'checkBySlipReference' | 'identity'>;
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
  const reference = normaliseReference(text);
  if (reference && text.length <= 12) {
    const check = await journal.checkBySlipReference(reference);
    if (!check?.slip) return refuse('slip_not_found', { reference });
    text = check.slip.text;
  }
  const key = pinnedKey || (await journal.identity())?.platformPublicKey;
  if (!key) return refuse('no_platform_key');
  const verification = verifySlipText(text, { platformKeys: [key], now: Math.floor(now().getTime() / 1000) });
  if (!verification.statement) return { ok: true, value: { verification, platform: null, platformError: null } };
  try {
    const client = await platform.online();
    if (!client) return { ok: true, value: { verification, platform: null, platformError: null } };
    const recorded = await client.checkSlip(text);
    return { ok: true, value: { verification, platform: recorded, platformError: null } };
  } catch (error) {
    return { ok: true, value: { verification, platform: null, platformError: toUserError(error) } };
  }
}
