/**
 * POST /admin/journal-imports: the file IT exported from a terminal whose records no hand-over can
 * deliver. Records are applied per terminal in seq order by the outbox's own rules — a record the
 * platform already has is a duplicate, one with the same id and another body is refused — and a
 * terminal the platform no longer knows is recreated. Seqs that neither side holds are reported
 * (and audited), not a reason to refuse the rest. One transaction: the import happens whole or not.
 */
import type { ExportedRecord, JournalExport, JournalImportResponse } from '../../shared/contract';
import { randomToken, sha256 } from '../auth/tokens';
import type { PlatformContext } from '../context';
import { applyOutbox } from '../outbox/apply';

function byTerminal(records: readonly ExportedRecord[]): Map<string, ExportedRecord[]> {
  const groups = new Map<string, ExportedRecord[]>();
  for (const record of records) {
    const group = groups.get(record.terminalId) ?? [];
    group.push(record);
    groups.set(record.terminalId, group);
  }
  return groups;
}

export function importJournal(ctx: PlatformContext, file: JournalExport, operatorId: string): JournalImportResponse {
  const at = ctx.now().toISOString();
  return ctx.db.transaction((): JournalImportResponse => {
    const counts = { accepted: 0, duplicate: 0, rejected: 0 };
    const terminals: JournalImportResponse['terminals'] = [];
    const results: JournalImportResponse['results'] = [];
    for (const [terminalId, records] of byTerminal(file.records)) {
      const recreated = ctx.terminals.get(terminalId) === undefined;
      if (recreated) {
        const lowest = Math.min(...records.map((r) => r.seq));
        // Recreated for its records only: nobody holds a secret for it.
        ctx.terminals.insert(terminalId, `${file.terminal.name || terminalId}（导入重建）`, sha256(randomToken()), at, {
          nextSeq: lowest,
          adopted: true,
        });
      }
      const mutations = records.map(({ terminalId: _owner, ...mutation }) => mutation);
      const outcome = applyOutbox(ctx, { terminalId, mutations }, { deliveredBy: operatorId, journalImport: true });
      if (!outcome.ok) throw new Error(`journal import: unexpected refusal for ${terminalId}: ${outcome.detail}`);
      for (const result of outcome.response.results) {
        counts[result.status] += 1;
        results.push({ ...result, terminalId });
      }
      terminals.push({ terminalId, recreated, nextSeq: outcome.response.nextSeq, missing: outcome.skipped });
    }
    const missing = terminals.reduce((n, t) => n + t.missing.reduce((m, r) => m + r.to - r.from + 1, 0), 0);
    const eventId = ctx.events.record({
      at,
      action: 'journal_import',
      operatorId,
      terminalId: file.terminal.terminalId,
      summary:
        `导入终端 ${file.terminal.name || file.terminal.terminalId} 导出的记录 ${file.records.length} 条：` +
        `新接收 ${counts.accepted}，已有 ${counts.duplicate}，拒绝 ${counts.rejected}` +
        (missing > 0 ? `；另有 ${missing} 个序号平台和文件中都没有` : ''),
      detail: {
        exportedAt: file.exportedAt,
        exportedBy: file.exportedBy,
        exportingTerminal: file.terminal.terminalId,
        counts,
        terminals,
      },
    });
    return { eventId, counts, terminals, results };
  })();
}
