/**
 * 督查看板: the city's 联合奖惩 feedback for a period, department, matter and terminal — checks by day
 * and result, MUST measures applied or declined, MAY measures used, declines by reason code,
 * commitments, open MUST measures per clerk, records under an older catalogue, dead letters, how late
 * feedback arrived, audit chain breaks. Every number drills down to its records, every record to the
 * check as recorded; the view exports to .xlsx or CSV (masked, from the platform).
 */
import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Input,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import {
  CheckResult,
  type ExportFormat,
  type RecordedCheck,
  type SupervisionDashboard,
  type SupervisionFilter,
  type SupervisionMetric,
  type SupervisionRecordRow,
} from '../../../../shared/contract';
import { addDays, chinaDate } from '../../../../shared/dates';
import { describeFailure } from '../../i18n';
import { useStores } from '../../stores/context';
import { useStore } from '../../state';
import { EChart } from './EChart';
import { DECISION_LABELS, KIND_LABELS, LATENCY_LABELS, RESULT_COLORS, RESULT_LABELS } from './labels';
import { pagedBy } from '../../ui/pagination';
import { usePlatformAnswer } from './usePlatformAnswer';

type Period = 'today' | 'week' | 'month' | 'lastMonth' | 'custom';
const PERIODS: Array<{ value: Period; label: string }> = [
  { value: 'today', label: '今天' },
  { value: 'week', label: '本周' },
  { value: 'month', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'custom', label: '自定义' },
];

/** The China-day range of a preset period, as of `today`. */
export function periodRange(period: Exclude<Period, 'custom'>, today: string): { from: string; to: string } {
  if (period === 'today') return { from: today, to: today };
  if (period === 'week') {
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday first
    return { from: addDays(today, -weekday), to: today };
  }
  const first = `${today.slice(0, 8)}01`;
  if (period === 'month') return { from: first, to: today };
  const lastOfPrevious = addDays(first, -1);
  return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
}

interface Drill {
  title: string;
  metric: SupervisionMetric;
  key?: string;
  day?: string;
  operatorId?: string;
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CityDashboard() {
  const stores = useStores();
  const operator = useStore(stores.app, (s) => s.session?.operator);
  const catalogue = useStore(stores.purpose, (s) => s.catalogue);
  const allowed = operator?.roles.includes('supervisor') ?? false;
  const today = chinaDate(new Date());
  const [period, setPeriod] = useState<Period>('month');
  const [custom, setCustom] = useState<[string, string]>([addDays(today, -29), today]);
  const [department, setDepartment] = useState<string | undefined>();
  const [matter, setMatter] = useState<string | undefined>();
  const [terminal, setTerminal] = useState<string | undefined>();
  const [drill, setDrill] = useState<Drill | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);

  const filter: SupervisionFilter = useMemo(() => {
    const range = period === 'custom' ? { from: custom[0], to: custom[1] } : periodRange(period, today);
    return {
      ...range,
      ...(department ? { department } : {}),
      ...(matter ? { matter } : {}),
      ...(terminal ? { terminal: terminal.trim() } : {}),
    };
  }, [period, custom, department, matter, terminal, today]);

  const {
    data,
    error,
    setError,
    loading,
    reload: load,
  } = usePlatformAnswer(allowed, () => stores.supervision.dashboard(filter), [filter, stores]);

  const exportView = async (format: ExportFormat, drillDown?: Drill) => {
    setExporting(format);
    const outcome = await stores.supervision.exportView(
      filter,
      format,
      drillDown
        ? { metric: drillDown.metric, ...(drillDown.key ? { key: drillDown.key } : {}), ...(drillDown.day ? { day: drillDown.day } : {}) }
        : undefined,
    );
    setExporting(null);
    if (outcome.ok) save(outcome.value, `督查${drillDown ? '明细' : '汇总'}_${filter.from}_${filter.to}.${format}`);
    else setError(describeFailure(outcome.error));
  };

  if (!allowed) return <Result status="403" title="仅限信用监管人员访问" />;

  const matterName = (code: string) => catalogue?.matters.find((m) => m.code === code)?.name ?? code;
  const departments = data?.scopeDepartment ? [data.scopeDepartment] : [...new Set((catalogue?.matters ?? []).map((m) => m.department))];

  return (
    <div className="screen cityboard" data-testid="cityboard">
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <Select aria-label="期间" value={period} onChange={setPeriod} options={PERIODS} style={{ width: 100 }} data-testid="period" />
        {period === 'custom' && (
          <DatePicker.RangePicker
            aria-label="自定义期间"
            value={[dayjs(custom[0]), dayjs(custom[1])]}
            onChange={(v) => {
              const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
              if (a && b) setCustom([a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')]);
            }}
            data-testid="custom-range"
          />
        )}
        <Select
          aria-label="部门"
          allowClear
          showSearch
          placeholder={data?.scopeDepartment ?? '全市各部门'}
          disabled={data?.scopeDepartment !== null && data?.scopeDepartment !== undefined}
          value={department}
          onChange={setDepartment}
          options={[...departmentOptions(departments, DEMO_DEPARTMENT_HINTS)].map((d) => ({ value: d, label: d }))}
          style={{ width: 200 }}
          data-testid="department"
        />
        <Select
          aria-label="事项"
          allowClear
          showSearch
          placeholder="全部事项"
          value={matter}
          onChange={setMatter}
          options={(catalogue?.matters ?? []).map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` }))}
          style={{ width: 240 }}
          optionFilterProp="label"
          data-testid="matter"
        />
        <Input
          aria-label="终端"
          allowClear
          placeholder="全部终端（终端编号）"
          value={terminal ?? ''}
          onChange={(e) => setTerminal(e.target.value.trim() === '' ? undefined : e.target.value)}
          style={{ width: 220 }}
          data-testid="terminal"
        />
        <Button icon={<ReloadOutlined aria-hidden />} onClick={load} loading={loading}>
          刷新
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => void exportView('xlsx')}
          loading={exporting === 'xlsx'}
          data-testid="export-xlsx"
        >
          导出 Excel
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => void exportView('csv')}
          loading={exporting === 'csv'}
          data-testid="export-csv"
        >
          导出 CSV
        </Button>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        联合奖惩反馈督查 · {filter.from} 至 {filter.to} · {data?.filter.department ?? '全市'}
        {matter ? ` · ${matterName(matter)}` : ''}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {data && <Board data={data} onDrill={setDrill} />}
      <DrillDrawer
        drill={drill}
        filter={filter}
        matterName={matterName}
        onClose={() => setDrill(null)}
        onExport={(d) => void exportView('xlsx', d)}
      />
    </div>
  );
}

/** Department names known to the catalogue plus the counters' service centres seen in the data. */
const DEMO_DEPARTMENT_HINTS = [
  '环翠区政务服务中心',
  '高区政务服务中心',
  '经区政务服务中心',
  '文登区政务服务中心',
  '荣成市政务服务中心',
  '乳山市政务服务中心',
];
function departmentOptions(fromCatalogue: string[], centres: string[]): Set<string> {
  return new Set([...centres, ...fromCatalogue]);
}

function Board({ data, onDrill }: { data: SupervisionDashboard; onDrill: (d: Drill) => void }) {
  const totalDeclined = data.declinedByReason.reduce((s, r) => s + r.n, 0);
  const mustDecided = data.must.APPLIED + data.must.NOT_APPLIED + data.must.OTHER_MEASURE;
  const dead = data.deadLetters.reduce((s, r) => s + r.n, 0);
  const openMust = data.openMust.reduce((s, r) => s + r.open, 0);
  const stat = (title: string, value: number, testid: string, d: Drill, suffix?: string) => (
    <Col xs={8} md={4}>
      <Card size="small" hoverable onClick={() => onDrill(d)} data-testid={testid}>
        <Statistic title={title} value={value} suffix={suffix} />
      </Card>
    </Col>
  );

  const trend = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: data.checksByDay.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: CheckResult.options.map((r) => ({
      name: RESULT_LABELS[r],
      type: 'bar',
      stack: 'checks',
      itemStyle: { color: RESULT_COLORS[r] },
      data: data.checksByDay.map((d) => d[r]),
    })),
  };
  const ranking = data.declined.slice(0, 10).reverse();
  const declinedChart = {
    tooltip: { trigger: 'axis' },
    grid: { left: 200, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ranking.map((d) => `${d.measureTitle.slice(0, 12)}｜${d.reasonLabel.slice(0, 6)}`) },
    series: [{ name: '未实施次数', type: 'bar', itemStyle: { color: '#cf1322' }, data: ranking.map((d) => d.n) }],
  };
  const latencyOrder = Object.keys(LATENCY_LABELS) as Array<keyof typeof LATENCY_LABELS>;
  const latencyChart = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: latencyOrder.map((b) => LATENCY_LABELS[b]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['online', 'offline'] as const).map((source) => ({
      name: source === 'online' ? '在线核查' : '离线核查',
      type: 'bar',
      stack: 'latency',
      data: latencyOrder.map((b) => data.latency.find((l) => l.source === source && l.bucket === b)?.n ?? 0),
    })),
  };

  return (
    <>
      <Row gutter={[8, 8]}>
        {stat('核查总数', data.checks, 'stat-checks', { title: '全部核查', metric: 'check' })}
        {stat('黑名单', data.results.BLACK + data.results.BOTH, 'stat-black', { title: '黑名单核查', metric: 'check', key: 'BLACK' })}
        {stat('红名单', data.results.RED, 'stat-red', { title: '红名单核查', metric: 'check', key: 'RED' })}
        {stat(
          '应当措施已实施',
          data.must.APPLIED,
          'stat-must-applied',
          { title: '应当措施已实施', metric: 'measure', key: 'MUST|APPLIED' },
          `/ ${mustDecided}`,
        )}
        {stat('应当措施未实施', data.must.NOT_APPLIED, 'stat-must-declined', {
          title: '应当措施未实施',
          metric: 'measure',
          key: 'MUST|NOT_APPLIED',
        })}
        {stat('可以措施已采用', data.may.APPLIED, 'stat-may-applied', { title: '可以措施已采用', metric: 'measure', key: 'MAY|APPLIED' })}
        {stat('未实施（全部）', totalDeclined, 'stat-declined', { title: '未实施措施', metric: 'declined' })}
        {stat('应当措施未决', openMust, 'stat-open-must', { title: '应当措施未决', metric: 'measure', key: 'MUST|OPEN' })}
        {stat('信用承诺', data.commitments, 'stat-commitments', { title: '信用承诺', metric: 'commitment' })}
        {stat('离线核查', data.offlineChecks, 'stat-offline', { title: '离线核查', metric: 'offline' })}
        {stat('旧版清单记录', data.oldCatalogue, 'stat-old-catalogue', { title: '按旧版清单接收的记录', metric: 'oldCatalogue' })}
        {stat('死信', dead, 'stat-dead', { title: '死信', metric: 'dead' }, `重提 ${data.resubmitted}`)}
        {stat('审计链断裂', data.chainBreaks, 'stat-chain', { title: '审计链断裂', metric: 'chainBreak' })}
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title="每日核查（按结果）">
            {data.checksByDay.length === 0 ? (
              <Empty description="该期间没有核查" />
            ) : (
              <EChart
                option={trend}
                height={240}
                label="每日核查按结果的堆叠柱状图"
                onPick={(day, series) => {
                  const result = CheckResult.options.find((r) => RESULT_LABELS[r] === series);
                  const full = data.checksByDay.find((d) => d.day.slice(5) === day)?.day;
                  if (full) onDrill({ title: `${full} ${series}`, metric: 'check', day: full, ...(result ? { key: result } : {}) });
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="未实施措施排名（措施｜原因）">
            {ranking.length === 0 ? (
              <Empty description="没有未实施的措施" />
            ) : (
              <EChart option={declinedChart} height={240} label="未实施措施排名" />
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={8}>
          <Card size="small" title="未实施原因（按清单原因代码）">
            <Table
              size="small"
              pagination={false}
              rowKey="reasonCode"
              dataSource={data.declinedByReason}
              data-testid="declined-by-reason"
              onRow={() => ({ onClick: () => onDrill({ title: '未实施措施', metric: 'declined' }) })}
              columns={[
                { title: '原因', dataIndex: 'reasonLabel' },
                { title: '次数', dataIndex: 'n', width: 70, align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="反馈到达平台用时">
            <EChart option={latencyChart} height={200} label="反馈到达平台用时" />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="措施反馈（应当 / 可以）">
            <Table
              size="small"
              pagination={false}
              rowKey="decision"
              dataSource={(Object.keys(DECISION_LABELS) as Array<keyof typeof DECISION_LABELS>).map((decision) => ({
                decision,
                must: data.must[decision],
                may: data.may[decision],
              }))}
              columns={[
                { title: '反馈', dataIndex: 'decision', render: (d: keyof typeof DECISION_LABELS) => DECISION_LABELS[d] },
                {
                  title: '应当',
                  dataIndex: 'must',
                  align: 'right',
                  render: (n: number, r) => (
                    <a
                      onClick={() =>
                        onDrill({ title: `应当措施${DECISION_LABELS[r.decision]}`, metric: 'measure', key: `MUST|${r.decision}` })
                      }
                    >
                      {n}
                    </a>
                  ),
                },
                {
                  title: '可以',
                  dataIndex: 'may',
                  align: 'right',
                  render: (n: number, r) => (
                    <a
                      onClick={() =>
                        onDrill({ title: `可以措施${DECISION_LABELS[r.decision]}`, metric: 'measure', key: `MAY|${r.decision}` })
                      }
                    >
                      {n}
                    </a>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title="应当措施未决（按工作人员和日期）">
            <Table
              size="small"
              rowKey={(r) => `${r.day}-${r.operatorId}`}
              pagination={{ ...pagedBy(8), size: 'small' }}
              dataSource={data.openMust}
              data-testid="open-must"
              columns={[
                { title: '日期', dataIndex: 'day', width: 100 },
                { title: '工作人员', dataIndex: 'operatorId', render: (id: string, r) => `${r.operatorName ?? ''}（${id}）` },
                { title: '部门', dataIndex: 'department', ellipsis: true },
                {
                  title: '未决',
                  dataIndex: 'open',
                  width: 70,
                  align: 'right',
                  render: (n: number, r) => (
                    <a
                      onClick={() =>
                        onDrill({
                          title: `${r.day} ${r.operatorName ?? r.operatorId} 未决应当措施`,
                          metric: 'measure',
                          key: 'MUST|OPEN',
                          day: r.day,
                          operatorId: r.operatorId,
                        })
                      }
                    >
                      {n}
                    </a>
                  ),
                },
                { title: '暂缓', dataIndex: 'deferred', width: 70, align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="死信（平台拒收的记录）">
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => `${r.kind}-${r.code}`}
              dataSource={data.deadLetters}
              columns={[
                { title: '记录类型', dataIndex: 'kind', render: (k: string) => KIND_LABELS[k] ?? k },
                { title: '问题', dataIndex: 'code' },
                {
                  title: '条数',
                  dataIndex: 'n',
                  align: 'right',
                  render: (n: number, r) => (
                    <a onClick={() => onDrill({ title: `死信 ${r.kind}`, metric: 'dead', key: `${r.kind}|${r.code}` })}>{n}</a>
                  ),
                },
              ]}
            />
            <Typography.Text type="secondary">已重新提交 {data.resubmitted} 条</Typography.Text>
          </Card>
        </Col>
      </Row>
    </>
  );
}

function DrillDrawer({
  drill,
  filter,
  matterName,
  onClose,
  onExport,
}: {
  drill: Drill | null;
  filter: SupervisionFilter;
  matterName: (code: string) => string;
  onClose(): void;
  onExport(d: Drill): void;
}) {
  const stores = useStores();
  const [rows, setRows] = useState<SupervisionRecordRow[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<RecordedCheck | null>(null);

  useEffect(() => {
    if (!drill) return;
    let live = true;
    void stores.supervision
      .records(filter, {
        metric: drill.metric,
        limit: 100,
        ...(drill.key ? { key: drill.key } : {}),
        ...(drill.day ? { day: drill.day } : {}),
        ...(drill.operatorId ? { operatorId: drill.operatorId } : {}),
      })
      .then((outcome) => {
        if (!live) return;
        if (outcome.ok) {
          setRows(outcome.value.rows);
          setMore(outcome.value.more);
          setError(null);
        } else setError(describeFailure(outcome.error));
      });
    return () => {
      live = false;
    };
  }, [drill, filter, stores]);

  /** The check's signed statement, verified on the verification screen (the platform resolves the 核验码). */
  const openSlip = (reference: string) => {
    stores.slip.getState().requestVerification(reference);
    stores.app.getState().go('verify');
  };
  const openCheck = async (checkId: string) => {
    const outcome = await stores.supervision.recordedCheck(checkId);
    if (outcome.ok) setCheck(outcome.value);
    else setError(describeFailure(outcome.error));
  };

  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={760}
      title={drill?.title}
      data-testid="drill"
      extra={
        drill && (
          <Button onClick={() => onExport(drill)} icon={<DownloadOutlined aria-hidden />}>
            导出明细
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      <Table
        size="small"
        rowKey={(r) => `${r.recordId}-${r.key}-${r.measureCode ?? ''}`}
        dataSource={rows}
        pagination={{ ...pagedBy(20), size: 'small' }}
        data-testid="drill-rows"
        columns={[
          { title: '日期', dataIndex: 'day', width: 96 },
          { title: '工作人员', dataIndex: 'operatorId', render: (id: string, r) => `${r.operatorName ?? ''}（${id}）` },
          { title: '事项', dataIndex: 'matterCode', render: (c: string) => matterName(c), ellipsis: true },
          { title: '措施', dataIndex: 'measureCode', width: 130, render: (c: string | null) => c ?? '—' },
          { title: '分类', dataIndex: 'key', width: 150, render: (k: string) => <Tag>{k}</Tag> },
          {
            title: '核查',
            dataIndex: 'checkId',
            width: 70,
            render: (id: string | null) => (id ? <a onClick={() => void openCheck(id)}>查看</a> : '—'),
          },
        ]}
      />
      {more && <Typography.Text type="secondary">仅显示前 100 条；导出明细可得全部记录。</Typography.Text>}
      <Drawer
        open={check !== null}
        onClose={() => setCheck(null)}
        size={640}
        title="核查记录（按记录原样，已遮蔽）"
        data-testid="recorded-check"
      >
        {check && (
          <>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="核查编号">{String(check.check.checkId)}</Descriptions.Item>
              <Descriptions.Item label="核查时间">{check.occurredAt}</Descriptions.Item>
              <Descriptions.Item label="平台接收">{check.receivedAt}</Descriptions.Item>
              <Descriptions.Item label="终端">{check.terminalId}</Descriptions.Item>
              <Descriptions.Item label="工作人员">{check.operatorId}</Descriptions.Item>
              <Descriptions.Item label="事项">{matterName(String(check.check.matterCode))}</Descriptions.Item>
              <Descriptions.Item label="办件编号">{String(check.check.caseNo)}</Descriptions.Item>
              <Descriptions.Item label="主体">
                {String(check.check.subjectName)} {String(check.check.subjectIdentifier)}
              </Descriptions.Item>
              <Descriptions.Item label="结果">
                {RESULT_LABELS[check.check.result as CheckResult] ?? String(check.check.result)}
              </Descriptions.Item>
              <Descriptions.Item label="方式">{check.check.source === 'offline' ? '离线' : '在线'}</Descriptions.Item>
              <Descriptions.Item label="清单版本">{String(check.check.catalogueVersion ?? '—')}</Descriptions.Item>
              <Descriptions.Item label="核查单">
                {check.slipReferences?.length
                  ? check.slipReferences.map((reference) => (
                      <a key={reference} className="mono" onClick={() => openSlip(reference)} data-testid="recorded-check-slip">
                        核验 {reference}{' '}
                      </a>
                    ))
                  : '未打印'}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>反馈</Typography.Title>
            <Table
              size="small"
              pagination={false}
              rowKey="recordId"
              dataSource={check.feedback}
              columns={[
                { title: '措施', render: (_: unknown, f) => String(f.body.measureCode) },
                {
                  title: '反馈',
                  render: (_: unknown, f) => DECISION_LABELS[f.body.decision as keyof typeof DECISION_LABELS] ?? String(f.body.decision),
                },
                { title: '原因', render: (_: unknown, f) => [f.body.reasonCode, f.body.reason].filter(Boolean).join(' ') || '—' },
                { title: '到达平台', dataIndex: 'receivedAt' },
              ]}
            />
          </>
        )}
      </Drawer>
    </Drawer>
  );
}
