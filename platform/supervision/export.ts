/**
 * The supervision dashboard's current view as a spreadsheet: .xlsx through exceljs's streaming
 * writer or CSV with a BOM (Excel opens it as UTF-8). A drill-down's records are read page by page
 * by key (each page one index seek, none skipped or repeated), and between pages the export waits
 * for the download to take what it has and lets the event loop serve everyone else: an export of
 * 200,000 records neither sits in memory whole nor holds up /health, lookups or other terminals.
 * Everything exported is as masked as the screen: record ids, clerks' ids and names, departments,
 * matters — never an identifier.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Catalogue, SupervisionDashboard } from '../../shared/contract';
import { redactIdentifiers } from '../../shared/ids';
import type { RecordKey, RecordsSelection, ScopedFilter, SupervisionQueries } from './dashboard';

export interface ExportView {
  dashboard: SupervisionDashboard;
  /** A drill-down's records, exported in full (page by page) instead of the first page on screen. */
  records: {
    query: RecordsSelection;
    queries: SupervisionQueries;
    filter: ScopedFilter;
    nameOf(id: string): string | undefined;
  } | null;
  catalogue: Catalogue;
  /** Called once the export ends: how many detail records it wrote, and whether it was written to the end (not cancelled). */
  onEnd?(outcome: { records: number; complete: boolean }): void;
}

/** Most records one export writes (a month of a busy department fits many times over). */
export const EXPORT_MAX_RECORDS = 200_000;
const PAGE = 500;

type Cell = string | number;
interface Sheet {
  name: string;
  header: string[];
  rows(): Iterable<Cell[]> | AsyncIterable<Cell[]>;
}

/** Resolves once `out` takes more (or is gone: the download was cancelled). */
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Counts the detail records written, for the access log's record of what left. */
interface Progress {
  records: number;
}

const RESULT_LABELS: Record<string, string> = { CLEAN: '无记录', BLACK: '黑名单', RED: '红名单', BOTH: '红黑均有', WARNING: '警示' };
const DECISION_LABELS: Record<string, string> = {
  OPEN: '未反馈',
  APPLIED: '已实施',
  NOT_APPLIED: '未实施',
  OTHER_MEASURE: '采取其他措施',
  DEFERRED: '暂缓决定',
};
const LATENCY_LABELS: Record<string, string> = { lt1h: '1小时内', lt1d: '1天内', lt3d: '3天内', ge3d: '3天及以上' };

function sheetsOf(view: ExportView, out: PassThrough, progress: Progress): Sheet[] {
  const d = view.dashboard;
  const matters = new Map(view.catalogue.matters.map((m) => [m.code, m.name]));
  const f = d.filter;
  const sheets: Sheet[] = [
    {
      name: '概况',
      header: ['项目', '数值'],
      rows: () => [
        ['期间', `${f.from} 至 ${f.to}`],
        ['部门', f.department ?? '全市'],
        ['事项', f.matter ? `${f.matter} ${matters.get(f.matter) ?? ''}`.trim() : '全部'],
        ['终端', f.terminal ?? '全部'],
        ['核查总数', d.checks],
        ['离线核查', d.offlineChecks],
        ...Object.entries(d.results).map(([k, n]): Cell[] => [`结果：${RESULT_LABELS[k] ?? k}`, n]),
        ...Object.entries(d.must).map(([k, n]): Cell[] => [`应当措施：${DECISION_LABELS[k] ?? k}`, n]),
        ...Object.entries(d.may).map(([k, n]): Cell[] => [`可以措施：${DECISION_LABELS[k] ?? k}`, n]),
        ['信用承诺', d.commitments],
        ['按旧版清单接收的记录', d.oldCatalogue],
        ['重新提交的死信', d.resubmitted],
        ['审计链断裂', d.chainBreaks],
      ],
    },
    {
      name: '每日核查',
      header: ['日期', '无记录', '黑名单', '红名单', '红黑均有', '警示', '合计'],
      rows: () => d.checksByDay.map((r) => [r.day, r.CLEAN, r.BLACK, r.RED, r.BOTH, r.WARNING, r.total]),
    },
    {
      name: '未实施措施',
      header: ['措施代码', '措施', '原因代码', '原因', '次数'],
      rows: () => d.declined.map((r) => [r.measureCode, r.measureTitle, r.reasonCode, r.reasonLabel, r.n]),
    },
    {
      name: '未决应当措施',
      header: ['日期', '工作人员', '姓名', '部门', '未决', '其中暂缓'],
      rows: () => d.openMust.map((r) => [r.day, r.operatorId, r.operatorName ?? '', r.department, r.open, r.deferred]),
    },
    {
      name: '死信',
      header: ['记录类型', '问题代码', '条数'],
      rows: () => d.deadLetters.map((r) => [r.kind, r.code, r.n]),
    },
    {
      name: '反馈时效',
      header: ['核查方式', '到达平台用时', '反馈条数'],
      rows: () => d.latency.map((r) => [r.source === 'offline' ? '离线' : '在线', LATENCY_LABELS[r.bucket] ?? r.bucket, r.n]),
    },
  ];
  const drill = view.records;
  if (drill) {
    sheets.unshift({
      name: '明细',
      header: ['日期', '记录编号', '核查编号', '终端', '工作人员', '姓名', '部门', '事项', '措施', '分类'],
      async *rows() {
        let after: RecordKey | null = null;
        while (progress.records < EXPORT_MAX_RECORDS && !out.destroyed) {
          const limit = Math.min(PAGE, EXPORT_MAX_RECORDS - progress.records);
          const page = drill.queries.recordsAfter(drill.filter, drill.query, after, limit);
          for (const r of page.rows) {
            yield [
              r.day,
              r.recordId,
              r.checkId ?? '',
              r.terminalId,
              redactIdentifiers(r.operatorId),
              drill.nameOf(r.operatorId) ?? '',
              r.department,
              r.matterCode,
              r.measureCode ?? '',
              r.key,
            ];
          }
          progress.records += page.rows.length;
          if (page.rows.length < limit || page.last === null) return;
          after = page.last;
          // A slow download pauses the reading; and between pages everyone else gets the event loop.
          await drained(out);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      },
    });
  }
  return sheets;
}

/** Cells of free text in a CSV: quoted when needed, and never a formula (a leading = + - @ is defused). */
export function csvCell(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Runs `write` into a fresh stream; reports the end (complete or not) once, whatever happens. */
function streamed(view: ExportView, write: (out: PassThrough, progress: Progress) => Promise<void>): Readable {
  const out = new PassThrough();
  const progress: Progress = { records: 0 };
  let ended = false;
  const end = (complete: boolean) => {
    if (ended) return;
    ended = true;
    view.onEnd?.({ records: progress.records, complete });
  };
  out.once('close', () => end(false)); // cancelled (a no-op after 'finish' reported it complete)
  out.once('finish', () => end(true));
  write(out, progress).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

export function streamCsv(view: ExportView): Readable {
  return streamed(view, async (out, progress) => {
    out.write('\uFEFF');
    for (const sheet of sheetsOf(view, out, progress)) {
      out.write(`${csvCell(`【${sheet.name}】`)}\r\n${sheet.header.map(csvCell).join(',')}\r\n`);
      for await (const row of sheet.rows()) {
        // Respect back-pressure: a slow download pauses the query instead of buffering it.
        if (!out.write(`${row.map(csvCell).join(',')}\r\n`)) await drained(out);
        if (out.destroyed) return;
      }
      out.write('\r\n');
    }
    out.end();
  });
}

export function streamXlsx(view: ExportView): Readable {
  return streamed(view, async (out, progress) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    workbook.creator = 'Credit Counter';
    for (const sheet of sheetsOf(view, out, progress)) {
      const ws = workbook.addWorksheet(sheet.name);
      ws.columns = sheet.header.map((h) => ({ header: h, width: Math.max(10, h.length * 2 + 4) }));
      ws.getRow(1).font = { bold: true };
      for await (const row of sheet.rows()) ws.addRow(row).commit();
      if (out.destroyed) return;
      ws.commit();
    }
    await workbook.commit();
  });
}
