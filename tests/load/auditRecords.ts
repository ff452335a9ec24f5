/**
 * Audit records as a terminal makes them, for the load harness and the outbox benchmark: the
 * terminal's own chain code (chainAuditRecords) links them, so the platform's chain check sees
 * a real hash chain. Subjects are keyed-hashed with a per-terminal key like the journal's.
 */
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AuditBody, Mutation } from '../../shared/contract';
import { chainAuditRecords, type AuditEvent, type SubjectHasher } from '../../renderer/src/data/auditChain';
import { hmacSha256Hex, importHmacKey } from '../../renderer/src/data/webCrypto';

export class SimulatedAuditJournal {
  private head: { chainSeq: number; hash: string } | null = null;
  private readonly hasher: SubjectHasher;
  /** The terminal's next outbox seq. */
  nextSeq = 1;

  constructor(
    readonly terminalId: string,
    readonly operatorId: string,
  ) {
    const key = importHmacKey(new Uint8Array(randomBytes(32)));
    // The journal-backed hasher keeps its key in IndexedDB; a simulated terminal keeps it here.
    this.hasher = { hash: async (identifier: string) => hmacSha256Hex(await key, identifier) } as unknown as SubjectHasher;
  }

  /** `count` lookup audit records, chained after the previous ones, as outbox mutations. */
  async lookups(count: number, subject: { identifier: string; masked: string }, at: Date): Promise<Mutation[]> {
    const events: AuditEvent[] = Array.from({ length: count }, (_, i) => ({
      action: 'LOOKUP',
      actor: this.operatorId,
      purpose: { matterCode: 'PX-MF', caseNo: `PX-2026-${String(i % 10_000).padStart(4, '0')}` },
      subject,
      outcome: 'FOUND',
      detail: null,
    }));
    const bodies: AuditBody[] = await chainAuditRecords(events, this.head, {
      terminalId: this.terminalId,
      at: at.toISOString(),
      hasher: this.hasher,
    });
    const last = bodies.at(-1);
    if (last) this.head = { chainSeq: last.chainSeq, hash: last.hash };
    return bodies.map((body) => ({
      id: uuidv7(),
      seq: this.nextSeq++,
      kind: 'audit',
      occurredAt: at.toISOString(),
      operatorId: this.operatorId,
      body,
    }));
  }
}
