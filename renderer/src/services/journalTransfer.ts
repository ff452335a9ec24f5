/**
 * IT's last way out for records no hand-over can deliver: the journal's records (queued, delivered
 * and still kept, dead) exported as one file, and that file imported into the platform from any
 * terminal where IT is signed in online. Each record keeps its terminal id, seq and idempotency key,
 * so the platform answers what it already has as a duplicate.
 */
import { JOURNAL_EXPORT_FORMAT, JournalExport, type ExportedRecord, type JournalImportResponse } from '../../../shared/contract';
import type { HostBridge } from '../../../shared/ipc/bridge';
import type { OutboxRecord } from '../data/journalDb';
import type { JournalRepository } from '../data/journalRepository';
import { toMutation } from '../sync/pushEngine';
import type { JournalExportResult, JournalImportSummary, Outcome } from './contracts';
import type { Clock, PlatformAccess } from './deps';
import { failWith, ok, refuse } from './outcome';
import type { SessionHolder } from './sessionHolder';

export interface JournalTransferDeps {
  session: Pick<SessionHolder, 'current'>;
  journal: Pick<JournalRepository, 'identity' | 'heldCount' | 'heldRecords' | 'queuedCount' | 'audit'>;
  host: Pick<HostBridge, 'saveJournalExport'>;
  platform: Pick<PlatformAccess, 'online'>;
  now: Clock;
}

function isIt(session: JournalTransferDeps['session']): string | null {
  const operator = session.current()?.operator;
  return operator?.roles.includes('it') ? operator.id : null;
}

function exported(record: OutboxRecord): ExportedRecord {
  return { terminalId: record.terminalId, ...toMutation(record) };
}

export async function exportJournal({ session, journal, host, now }: JournalTransferDeps): Promise<Outcome<JournalExportResult>> {
  const operatorId = isIt(session);
  if (!operatorId) return refuse('it_only', { action: 'export' });
  try {
    const identity = await journal.identity();
    if (!identity) return refuse('not_enrolled', { action: 'export' });
    if ((await journal.heldCount()) === 0) return refuse('nothing_to_export');
    // Audited first, so the record of the export travels in the file too.
    await journal.audit([
      {
        action: 'JOURNAL_EXPORT',
        actor: operatorId,
        purpose: null,
        subject: null,
        outcome: 'exported',
        detail: `${await journal.heldCount()} records`,
      },
    ]);
    const rows = await journal.heldRecords();
    const file: JournalExport = {
      format: JOURNAL_EXPORT_FORMAT,
      exportedAt: now().toISOString(),
      exportedBy: operatorId,
      terminal: { terminalId: identity.terminalId, name: identity.terminalName, predecessors: identity.predecessors ?? [] },
      records: rows.map(exported),
    };
    const undelivered = await journal.queuedCount();
    const saved = await host.saveJournalExport(JSON.stringify(file));
    if (!saved.ok) return refuse('export_not_saved', { detail: saved.message });
    return ok({ fileName: saved.fileName, ...(saved.path ? { path: saved.path } : {}), records: rows.length, undelivered });
  } catch (error) {
    return failWith(error);
  }
}

function summarise(answer: JournalImportResponse): JournalImportSummary {
  const missing = answer.terminals.flatMap((t) => t.missing.map((r) => ({ terminalId: t.terminalId, from: r.from, to: r.to })));
  return { ...answer.counts, recreated: answer.terminals.filter((t) => t.recreated).map((t) => t.terminalId), missing };
}

export async function importJournal(
  { session, platform }: Pick<JournalTransferDeps, 'session' | 'platform'>,
  text: string,
): Promise<Outcome<JournalImportSummary>> {
  if (!isIt(session)) return refuse('it_only', { action: 'import' });
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    data = undefined;
  }
  const file = JournalExport.safeParse(data);
  if (!file.success) return refuse('not_an_export');
  const client = await platform.online();
  if (!client) return refuse('login_required', { action: 'import' });
  try {
    return ok(summarise(await client.importJournal(file.data)));
  } catch (error) {
    return failWith(error);
  }
}
