import type { MessageParams } from './outcome';

/** The result of walking the journal's audit chain. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first broken link, if any: a code (missing, unlinked, altered, tail_removed, head_mismatch, head_missing) and its data. */
  problem?: { code: string; params: MessageParams };
}
