/**
 * IT's last way out for records no hand-over can deliver: the journal's records (queued, delivered
 * and still kept, dead) exported as one file, and that file imported into the platform from any
 * terminal where IT is signed in online. Each record keeps its terminal id, seq and idempotency key,
 * so the platform answers what it already has as a duplicate.
 */
import { JOURNAL_EXPORT_FORMAT, JournalExport, type ExportedRecord, type JournalImportResponse } from '../../../shared/contract';
import type { OutboxRecord } from '../data/journalDb';
import { toMutation } from '../sync/pushEngine';
import type { JournalExportResult, JournalImportSummary, Outcome } from './contracts';
import type { Core } from './core';
import { failWith, ok, refuse } from './outcome';

function isIt(core: Core): string | null {
  const operator = core.session.current()?.operator;
  return operator?.roles.includes('it') ? operator.id : null;
}

function exported(record: OutboxRecord): ExportedRecord {
  return { terminalId: record.terminalId, ...toMutation(record) };
}

export async function exportJournal(core: Core): Promise<Outcome<JournalExportResult>> {
  const operatorId = isIt(core);
  if (!operatorId) return refuse('it_only', { action: 'export' });
  try {
    const identity = await core.identity();
    if (!identity) return refuse('not_enrolled', { action: 'export' });
    const { journal } = core;
    const held = async () =>
      (await Promise.all([journal.outbox, journal.delivered, journal.deadLetters].map((t) => t.count()))).reduce((a, b) => a + b, 0);
    if ((await held()) === 0) return refuse('nothing_to_export');
    // Audited first, so the record of the export travels in the file too.
    await core.writer.commit({
      audits: [
        {
          action: 'JOURNAL_EXPORT',
          actor: operatorId,
          purpose: null,
          subject: null,
          outcome: 'exported',
          detail: `${await held()} records`,
        },
      ],
    });
    const rows = await journal.transaction('r', journal.outbox, journal.delivered, journal.deadLetters, async () =>
      (await Promise.all([journal.outbox.toArray(), journal.delivered.toArray(), journal.deadLetters.toArray()])).flat(),
    );
    rows.sort((a, b) => (a.terminalId < b.terminalId ? -1 : a.terminalId > b.terminalId ? 1 : a.seq - b.seq));
    const file: JournalExport = {
      format: JOURNAL_EXPORT_FORMAT,
      exportedAt: core.now().toISOString(),
      exportedBy: operatorId,
      terminal: { terminalId: identity.terminalId, name: identity.terminalName, predecessors: identity.predecessors ?? [] },
      records: rows.map(exported),
    };
    const undelivered = await journal.outbox.count();
    const saved = await core.host.saveJournalExport(JSON.stringify(file));
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

export async function importJournal(core: Core, text: string): Promise<Outcome<JournalImportSummary>> {
  if (!isIt(core)) return refuse('it_only', { action: 'import' });
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    data = undefined;
  }
  const file = JournalExport.safeParse(data);
  if (!file.success) return refuse('not_an_export');
  const client = await core.platform();
  if (!client || core.session.platformToken() === null) return refuse('login_required', { action: 'import' });
  try {
    return ok(summarise(await client.importJournal(file.data)));
  } catch (error) {
    return failWith(error);
  }
}
