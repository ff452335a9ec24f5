/**
 * POST /admin/journal-imports: the last way out for a terminal's records — IT imports the file the
 * terminal exported. Duplicates are still duplicates, a forgotten terminal is recreated, seqs that
 * nobody holds are reported, and only IT may do it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  JOURNAL_EXPORT_FORMAT,
  JournalImportResponse,
  type AuditBody,
  type ExportedRecord,
  type JournalExport,
} from '../../../shared/contract';
import { call, enrol, login, mutation, platformForFile, auditBody } from '../../helpers/platform';

const t = platformForFile();
let terminal: { terminalId: string; terminalSecret: string };
let clerk: string;
let it_: string;
let supervisor: string;

beforeAll(async () => {
  terminal = await enrol(t);
  clerk = await login(t, terminal);
  it_ = await login(t, terminal, 'i001');
  supervisor = await login(t, terminal, 's001');
});

const audit = (chainSeq: number, terminalId: string) => auditBody(chainSeq, { terminalId, at: '2026-03-01T08:00:00.000Z' });

function record(terminalId: string, seq: number): ExportedRecord {
  return { ...mutation(seq, 'audit', audit(seq - 1, terminalId)), terminalId };
}

function exportFile(records: ExportedRecord[]): JournalExport {
  return {
    format: JOURNAL_EXPORT_FORMAT,
    exportedAt: '2026-03-02T08:00:00.000Z',
    exportedBy: 'i001',
    terminal: { terminalId: terminal.terminalId, name: '3号窗口', predecessors: [] },
    records,
  };
}

describe('journal import', () => {
  const forgotten = '0190bbbb-0000-7000-8000-000000000009';
  let file: JournalExport;

  it('applies what is new, answers duplicates, recreates a forgotten terminal and reports seqs nobody holds', async () => {
    const ours = [1, 2, 3, 4, 5, 6, 8].map((seq) => record(terminal.terminalId, seq));
    const pushed = await call(`${t.api}/outbox`, {
      token: clerk,
      body: { terminalId: terminal.terminalId, mutations: ours.slice(0, 3).map(({ terminalId: _t, ...m }) => m) },
    });
    expect(pushed.status).toBe(200);
    file = exportFile([...ours, record(forgotten, 5), record(forgotten, 6)]);

    const res = await call(`${t.api}/admin/journal-imports`, { token: it_, body: file });
    expect(res.status).toBe(201);
    const answer = JournalImportResponse.parse(res.body);
    expect(answer.counts).toEqual({ accepted: 6, duplicate: 3, rejected: 0 });
    expect(answer.terminals).toEqual([
      { terminalId: terminal.terminalId, recreated: false, nextSeq: 9, missing: [{ from: 7, to: 7 }] },
      { terminalId: forgotten, recreated: true, nextSeq: 7, missing: [] },
    ]);
    const stored = (await call(`${t.controls}/mutations?terminalId=${terminal.terminalId}`)).body.mutations as Array<{ seq: number }>;
    expect(stored.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 8]);
  });

  it('importing the same file again changes nothing: every record is a duplicate', async () => {
    const res = await call(`${t.api}/admin/journal-imports`, { token: it_, body: file });
    expect(JournalImportResponse.parse(res.body).counts).toEqual({ accepted: 0, duplicate: 9, rejected: 0 });
  });

  it('a record whose id the platform knows with another body is refused, not applied', async () => {
    const [first] = file.records;
    const tampered = exportFile([{ ...first!, body: { ...(first!.body as AuditBody), outcome: 'changed' } }]);
    const res = await call(`${t.api}/admin/journal-imports`, { token: it_, body: tampered });
    const answer = JournalImportResponse.parse(res.body);
    expect(answer.results).toEqual([
      expect.objectContaining({ status: 'rejected', problem: expect.objectContaining({ code: 'id_conflict' }) }),
    ]);
  });

  it('only IT may import; a malformed file is refused with nothing written', async () => {
    expect((await call(`${t.api}/admin/journal-imports`, { token: clerk, body: file })).status).toBe(403);
    expect((await call(`${t.api}/admin/journal-imports`, { token: supervisor, body: file })).status).toBe(403);
    expect((await call(`${t.api}/admin/journal-imports`, { body: file })).status).toBe(401);
    const before = (await call(`${t.controls}/mutations`)).body.mutations.length as number;
    const bad = await call(`${t.api}/admin/journal-imports`, { token: it_, body: { ...file, format: 'something-else' } });
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe('记录导出文件格式错误');
    expect((await call(`${t.controls}/mutations`)).body.mutations.length).toBe(before);
  });

  it('every import is audited for supervisors, with who imported it', async () => {
    const events = (await call(`${t.api}/supervisor/events`, { token: supervisor })).body.events as Array<Record<string, unknown>>;
    const imports = events.filter((e) => e.action === 'journal_import');
    expect(imports).toHaveLength(3);
    expect(imports.at(-1)).toMatchObject({
      operatorId: 'i001',
      terminalId: terminal.terminalId,
      summary: expect.stringContaining('新接收 6，已有 3，拒绝 0；另有 1 个序号平台和文件中都没有'),
    });
  });

  it('a record body nested thousands of levels deep is refused as malformed (400 in Chinese), not a 500', async () => {
    const before = (await call(`${t.controls}/mutations`)).body.mutations.length as number;
    const deep = JSON.stringify(exportFile([record(terminal.terminalId, 20)])).replace(
      /"body":\{/,
      `"body":{"nested":${'['.repeat(50_000)}${']'.repeat(50_000)},`,
    );
    const res = await call(`${t.api}/admin/journal-imports`, { token: it_, body: deep });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'bad_request', detail: expect.stringContaining('嵌套') });
    expect((await call(`${t.controls}/mutations`)).body.mutations.length).toBe(before);
  });
});
