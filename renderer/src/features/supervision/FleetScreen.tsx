/**
 * 终端运维 (IT): every terminal with its latest heartbeat, filtered by department and by what is
 * wrong, those that need a visit first and highlighted with the reasons.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Result, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FleetFlag, type FleetQuery, type FleetTerminal } from '../../../../shared/contract';
import { useStores } from '../../stores/context';
import { formatDateTime } from '../../i18n';
import { useStore } from '../../state';
import { FLAG_LABELS } from './labels';
import { pagedBy } from '../../ui/pagination';
import { usePlatformAnswer } from './usePlatformAnswer';

function age(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 3600) return `${Math.round(seconds / 60)} 分钟`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} 小时`;
  return `${(seconds / 86_400).toFixed(1)} 天`;
}

/** The query with one filter set to `value`, or without that filter when `value` is empty (cleared). */
function withFilter<K extends keyof FleetQuery>(query: FleetQuery, key: K, value: FleetQuery[K] | undefined): FleetQuery {
  const rest = { ...query };
  delete rest[key];
  return value ? { ...rest, [key]: value } : rest;
}

/** A filter that can be cleared; cleared, it reads 全部… (all of them). */
function FilterSelect<V extends string>(props: {
  label: string;
  width: number;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
}) {
  return (
    <Select<V>
      aria-label={props.label}
      allowClear
      placeholder={`全部${props.label}`}
      style={{ width: props.width }}
      value={props.value}
      onChange={(value?: V) => props.onChange(value)}
      options={props.options}
    />
  );
}

function megabytes(bytes: number | null): string {
  return bytes === null ? '—' : `${Math.round(bytes / 1_048_576)} MB`;
}

export function FleetScreen() {
  const stores = useStores();
  const allowed = useStore(stores.app, (s) => s.session?.operator.roles.includes('it') ?? false);
  const [query, setQuery] = useState<FleetQuery>({});
  const { data, error, loading, reload: load } = usePlatformAnswer(allowed, () => stores.supervision.fleet(query), [query, stores]);

  if (!allowed) return <Result status="403" title="仅限信息技术管理员访问" />;
  const departments = [...new Set((data?.terminals ?? []).map((x) => x.department).filter((d): d is string => d !== null))].sort();

  return (
    <div className="screen fleet" data-testid="fleet">
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect
          label="部门"
          width={200}
          value={query.department}
          onChange={(department) => setQuery((q) => withFilter(q, 'department', department))}
          options={departments.map((d) => ({ value: d, label: d }))}
        />
        <FilterSelect
          label="问题"
          width={180}
          value={query.flag}
          onChange={(flag) => setQuery((q) => withFilter(q, 'flag', flag))}
          options={FleetFlag.options.map((f) => ({ value: f, label: FLAG_LABELS[f] }))}
        />
        <Input.Search
          aria-label="终端编号或名称"
          allowClear
          placeholder="终端编号或名称"
          enterButton="查找"
          style={{ width: 260 }}
          onSearch={(text) => setQuery((q) => withFilter(q, 'q', text.trim()))}
        />
        <Space>
          <Switch
            checked={query.troubled === 'true'}
            onChange={(on) => setQuery((q) => withFilter(q, 'troubled', on ? 'true' : undefined))}
            aria-labelledby="only-troubled-label"
            data-testid="only-troubled"
          />
          <span id="only-troubled-label">只看需要上门处理的</span>
        </Space>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={load} loading={loading}>
          刷新
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {data && (
        <Typography.Paragraph>
          共 {data.counts.total} 台终端，
          <Typography.Text type="danger" data-testid="troubled-count">
            {data.counts.troubled}
          </Typography.Text>{' '}
          台需要处理；最新版本 {data.latestAppVersion ?? '—'}，数据超过 {data.staleAfterHours} 小时视为过旧。
        </Typography.Paragraph>
      )}
      <Table<FleetTerminal>
        size="small"
        rowKey="terminalId"
        loading={loading}
        dataSource={data?.terminals ?? []}
        pagination={{ ...pagedBy(15), size: 'small' }}
        rowClassName={(r) => (r.flags.length > 0 ? 'fleet-troubled' : '')}
        data-testid="fleet-table"
        columns={[
          { title: '终端', dataIndex: 'name', render: (name: string, r) => <span title={r.terminalId}>{name}</span> },
          { title: '部门', dataIndex: 'department', render: (d: string | null) => d ?? '—', ellipsis: true },
          { title: '最近联系', dataIndex: 'lastContactAt', width: 150, render: (at: string | null) => (at ? formatDateTime(at) : '从未') },
          { title: '版本', width: 70, render: (_: unknown, r) => r.heartbeat?.appVersion ?? '—' },
          { title: '数据年龄', width: 90, render: (_: unknown, r) => age(r.heartbeat?.dataAgeSeconds ?? null) },
          {
            title: '待上传',
            width: 110,
            render: (_: unknown, r) => (r.outboxTrend.length > 1 ? r.outboxTrend.join('→') : (r.heartbeat?.outboxDepth ?? '—')),
          },
          { title: '死信', width: 60, render: (_: unknown, r) => r.heartbeat?.deadLetters ?? '—' },
          {
            title: '时钟偏差',
            width: 90,
            render: (_: unknown, r) => (r.heartbeat?.clockSkewSeconds == null ? '—' : `${r.heartbeat.clockSkewSeconds} 秒`),
          },
          { title: '存储', width: 80, render: (_: unknown, r) => megabytes(r.heartbeat?.storageUsedBytes ?? null) },
          {
            title: '需要处理',
            dataIndex: 'flags',
            render: (flags: FleetFlag[]) =>
              flags.length === 0 ? (
                <Tag color="green">正常</Tag>
              ) : (
                flags.map((f) => (
                  <Tag color="red" key={f} data-flag={f}>
                    {FLAG_LABELS[f]}
                  </Tag>
                ))
              ),
          },
        ]}
      />
    </div>
  );
}
