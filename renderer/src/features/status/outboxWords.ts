import type { MutationKind } from '../../../../shared/contract';
import { t } from '../../i18n';
import type { SyncStatus } from '../../services/contracts';

const ORDER: MutationKind[] = ['check', 'feedback', 'commitment', 'audit'];

/**
 * What is waiting to be sent, in the clerk's words ("1 条核查记录、1 条措施反馈、2 条审计记录"), or null
 * when nothing waits or the breakdown is behind the depth (a push under way moves only the depth).
 */
export function outboxWords({ outboxDepth, outboxKinds }: Pick<SyncStatus, 'outboxDepth' | 'outboxKinds'>): string | null {
  const parts = ORDER.filter((kind) => (outboxKinds[kind] ?? 0) > 0).map((kind) => ({
    label: t.status.mutationKinds[kind] ?? kind,
    n: outboxKinds[kind] ?? 0,
  }));
  const counted = parts.reduce((sum, p) => sum + p.n, 0);
  if (outboxDepth === 0 || counted !== outboxDepth) return null;
  return t.status.outboxKinds(parts);
}
