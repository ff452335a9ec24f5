import type { Catalogue, EntryStatus } from '../../../../shared/contract';

/** Tag colours of effective statuses: only ACTIVE (and objection) entries matter for measures. */
export function statusColor(status: EntryStatus, polarity: 'RED' | 'BLACK' | undefined): string {
  if (status === 'ACTIVE') return polarity === 'RED' ? 'green' : 'red';
  return STATUS_COLOR[status];
}

const STATUS_COLOR: Record<EntryStatus, string> = {
  ACTIVE: 'red',
  OBJECTION_PENDING: 'gold',
  EXPIRED: 'default',
  REPAIRED: 'cyan',
  REMOVED: 'default',
  REVOKED: 'default',
};

export const HISTORY_STATUSES: ReadonlySet<EntryStatus> = new Set(['EXPIRED', 'REPAIRED', 'REMOVED', 'REVOKED']);

export function listTypeName(catalogue: Catalogue | null, code: string): string {
  return catalogue?.listTypes.find((l) => l.code === code)?.name ?? code;
}

export function fieldName(catalogue: Catalogue | null, code: string): string {
  return catalogue?.fields.find((f) => f.code === code)?.name ?? code;
}

export function matterName(catalogue: Catalogue | null, code: string | null): string | null {
  if (!code) return null;
  return catalogue?.matters.find((m) => m.code === code)?.name ?? code;
}
