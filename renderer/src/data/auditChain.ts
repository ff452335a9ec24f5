/**
 * The audit chain: each record carries the hash of the one before it (per terminal), so a
 * changed or removed record is detectable. Subjects appear only as a
 * keyed hash plus the masked form — never the clear identifier.
 */
import type { AuditAction, AuditBody } from '../../../shared/contract';
import { redactIdentifiers as redactIdentifierText } from '../../../shared/ids';
import type { AuditVerification, Purpose } from '../model';
import { canonicalJson } from './canonicalJson';
import type { JournalDb } from './journalDb';
import { bytesToBase64, base64ToBytes, hmacSha256Hex, importHmacKey, randomBytes, sha256Hex } from './webCrypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  action: AuditAction;
  actor: string;
  purpose: Purpose | null;
  /** The canonical identifier is only hashed (keyed); the masked form is kept for reading. */
  subject: { identifier: string; masked: string } | null;
  outcome: string;
  detail: string | null;
}

export type UnhashedAudit = Omit<AuditBody, 'hash'>;

export function hashAuditRecord(record: UnhashedAudit): Promise<string> {
  const { hash: _ignored, ...rest } = record as AuditBody;
  return sha256Hex(canonicalJson(rest));
}

/** Keyed hash of a subject: a per-terminal random key kept in the journal. */
export class SubjectHasher {
  private key: Promise<CryptoKey> | null = null;

  constructor(private readonly db: JournalDb) {}

  async hash(canonicalIdentifier: string): Promise<string> {
    this.key ??= this.loadKey();
    try {
      return await hmacSha256Hex(await this.key, canonicalIdentifier);
    } catch (error) {
      this.key = null;
      throw error;
    }
  }

  private async loadKey(): Promise<CryptoKey> {
    const stored = await this.db.transaction('rw', this.db.meta, async () => {
      const existing = await this.db.meta.get('auditKey');
      if (existing && existing.key === 'auditKey') return existing.raw;
      const raw = bytesToBase64(randomBytes(32));
      await this.db.meta.put({ key: 'auditKey', raw });
      return raw;
    });
    return importHmacKey(base64ToBytes(stored));
  }
}

/** Free text (an unmask reason, a case number…) may hold an ID number someone typed: only its masked form is kept. */
export function redactIdentifiers(text: string | null): string | null {
  return text === null ? null : redactIdentifierText(text);
}

/** Builds the next records of the chain after `head` (hashing happens outside any transaction). */
export async function chainAuditRecords(
  events: readonly AuditEvent[],
  head: { chainSeq: number; hash: string } | null,
  context: { terminalId: string; at: string; hasher: SubjectHasher },
): Promise<AuditBody[]> {
  const out: AuditBody[] = [];
  let prevHash = head?.hash ?? GENESIS_HASH;
  let chainSeq = head ? head.chainSeq + 1 : 0;
  for (const event of events) {
    const unhashed: UnhashedAudit = {
      chainSeq,
      action: event.action,
      // A refused sign-in names what was typed into the 工号 field, which may be an applicant's ID number.
      actor: redactIdentifiers(event.actor) ?? '',
      terminalId: context.terminalId,
      at: context.at,
      purpose: event.purpose ? { matterCode: event.purpose.matterCode, caseNo: redactIdentifiers(event.purpose.caseNo) ?? '' } : null,
      subjectHash: event.subject ? await context.hasher.hash(event.subject.identifier) : null,
      subjectMasked: event.subject?.masked ?? null,
      outcome: event.outcome,
      detail: redactIdentifiers(event.detail),
      prevHash,
    };
    const hash = await hashAuditRecord(unhashed);
    out.push({ ...unhashed, hash });
    prevHash = hash;
    chainSeq += 1;
  }
  return out;
}

/** Walks the whole chain: every link, every hash, and the head (which catches a removed tail). */
export async function verifyAuditChain(db: JournalDb): Promise<AuditVerification> {
  const [head, records] = await db.transaction('r', db.meta, db.audit, () =>
    Promise.all([db.meta.get('auditHead'), db.audit.orderBy('chainSeq').toArray()]),
  );
  let prevHash = GENESIS_HASH;
  for (const [index, record] of records.entries()) {
    if (record.chainSeq !== index) {
      return { ok: false, checked: index, problem: { code: 'missing', params: { position: index + 1, next: record.chainSeq + 1 } } };
    }
    if (record.prevHash !== prevHash) {
      return { ok: false, checked: index, problem: { code: 'unlinked', params: { position: index + 1 } } };
    }
    if ((await hashAuditRecord(record)) !== record.hash) {
      return { ok: false, checked: index, problem: { code: 'altered', params: { position: index + 1 } } };
    }
    prevHash = record.hash;
  }
  const checked = records.length;
  const last = records.at(-1);
  if (head && head.key === 'auditHead') {
    if (!last || last.chainSeq < head.chainSeq) {
      return { ok: false, checked, problem: { code: 'tail_removed', params: { expected: head.chainSeq + 1, found: records.length } } };
    }
    if (last.chainSeq !== head.chainSeq || last.hash !== head.hash) {
      return { ok: false, checked, problem: { code: 'head_mismatch', params: {} } };
    }
  } else if (last) {
    return { ok: false, checked, problem: { code: 'head_missing', params: {} } };
  }
  return { ok: true, checked };
}
