/** The result of walking the journal's audit chain. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Chinese description of the first broken link, if any. */
  problem?: string;
}
