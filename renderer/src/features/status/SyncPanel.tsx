import { ExclamationCircleFilled, ExportOutlined, ImportOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useStores } from '../../stores/context';
import { formatAge, formatDateTime, t, describeFailure } from '../../i18n';
import type { DeadLetter } from '../../services/contracts';
import { useStore } from '../../state';
import { wholeTable } from '../../ui/pagination';
import { clockSkewNeedsWarning } from '../../../../shared/dates';
import { outboxWords } from './outboxWords';
import { dataAgeAt, useNow } from './useNow';

/** Details behind the status bar: where sync stands, dead letters with their reasons, "sync now". */
export function SyncPanel() {
  const stores = useStores();
  const open = useStore(stores.syncPanel, (s) => s.open);
  const deadLetters = useStore(stores.syncPanel, (s) => s.deadLetters);
  const loading = useStore(stores.syncPanel, (s) => s.loading);
  const error = useStore(stores.syncPanel, (s) => s.error);
  const requested = useStore(stores.syncPanel, (s) => s.syncRequested);
  const transfer = useStore(stores.syncPanel, (s) => s.transfer);
  const roles = useStore(stores.app, (s) => s.session?.operator.roles);
  const isIt = roles?.includes('it') ?? false;
  const mayResubmit = isIt || (roles?.includes('supervisor') ?? false);
  const { hide, syncNow, exportJournal, importJournal, resubmit } = stores.syncPanel.getState();
  const fileInput = useRef<HTMLInputElement>(null);
  const status = useStore(stores.sync, (s) => s);
  const staleHours = useStore(stores.app, (s) => s.config?.values.stalenessLimitHours ?? 24);
  const now = useNow(5_000);
  const refresh = stores.syncPanel.getState().refresh;
  // Delivery changes what the dead letters show (a resubmission accepted): keep the list current while open.
  useEffect(() => {
    if (open) void refresh();
  }, [open, refresh, status.outboxDepth, status.deadLetterCount]);
  const age = dataAgeAt(status, now);
  const waiting = outboxWords(status);
  const s = t.status;

  const storageText =
    status.storage.kind === 'ok'
      ? status.storage.persisted
        ? s.storagePersisted
        : s.storageNotPersisted
      : status.storage.kind === 'quota-exceeded'
        ? s.storageQuota(describeFailure({ code: 'quota-exceeded', message: '' }))
        : s.storageUnavailable(describeFailure({ code: 'storage_unavailable', message: '' }));

  return (
    <Drawer
      open={open}
      onClose={hide}
      title={s.panelTitle}
      placement="right"
      size={560}
      className="no-print"
      extra={
        <Button
          type="primary"
          icon={<SyncOutlined aria-hidden spin={status.syncing || requested} />}
          loading={requested}
          onClick={() => void syncNow()}
          data-testid="sync-now"
        >
          {requested ? s.syncing2 : s.syncNow}
        </Button>
      }
    >
      {!status.online && <Alert type="warning" showIcon title={s.offlineNote} className="section-alert" />}
      {age !== null && age > staleHours * 3600 && (
        <Alert type="warning" showIcon title={t.result.stale(staleHours)} className="section-alert" />
      )}
      {status.clockSkewSeconds !== null && clockSkewNeedsWarning(status.clockSkewSeconds) && (
        <Alert type="warning" showIcon title={s.clockSkew(Math.round(status.clockSkewSeconds))} className="section-alert" />
      )}
      {status.storage.kind !== 'ok' && <Alert type="error" showIcon title={storageText} className="section-alert" />}
      {error && <Alert type="error" showIcon title={error} className="section-alert" />}
      <Descriptions
        className="sync-details"
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'online',
            label: s.networkLabel,
            children: <Tag color={status.online ? 'green' : 'orange'}>{status.online ? s.online : s.offline}</Tag>,
          },
          {
            key: 'phase',
            label: s.phaseLabel,
            children: (
              <span>
                {s.phase[status.phase]}
                {status.progress && ` · ${s.progress(status.progress.rows, status.progress.remaining)}`}
              </span>
            ),
          },
          { key: 'version', label: s.dataVersion, children: <span className="mono">{status.dataVersion ?? '—'}</span> },
          { key: 'age', label: t.result.dataAge, children: age === null ? s.dataNever : formatAge(age) },
          { key: 'pull', label: s.lastPull, children: status.lastPullAt ? formatDateTime(status.lastPullAt) : s.never },
          { key: 'push', label: s.lastPush, children: status.lastPushAt ? formatDateTime(status.lastPushAt) : s.never },
          { key: 'count', label: s.entryCount, children: status.entryCount.toLocaleString('zh-CN') },
          {
            key: 'outbox',
            label: s.outboxLabel,
            children: (
              <span data-testid="sync-outbox">
                {status.outboxDepth}
                {waiting && `（${waiting}）`}
              </span>
            ),
          },
          { key: 'dead', label: s.deadLabel, children: status.deadLetterCount },
          { key: 'storage', label: s.storageLabel, children: storageText },
          ...(status.lastError
            ? [
                {
                  key: 'err',
                  label: s.lastError,
                  children: <Typography.Text type="danger">{describeFailure(status.lastError)}</Typography.Text>,
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {s.deadLettersTitle}
      </Typography.Title>
      {deadLetters.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.deadLettersNone} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{mayResubmit ? s.resubmitNote : s.deadLettersNote}</Typography.Paragraph>
          <Table<DeadLetter>
            {...wholeTable}
            loading={loading}
            rowKey="id"
            dataSource={deadLetters}
            data-testid="dead-letters"
            columns={[
              { key: 'kind', title: s.dlKind, width: 84, render: (_, d) => s.mutationKinds[d.kind] ?? d.kind },
              { key: 'time', title: s.dlTime, width: 118, render: (_, d) => formatDateTime(d.occurredAt) },
              { key: 'reason', title: s.dlReason, render: (_, d) => d.reason || s.dlNoReason },
              {
                key: 'summary',
                title: s.dlSummary,
                render: (_, d) => (
                  <>
                    {s.deadLetterSummary(d.summary)}
                    {d.resubmission && (
                      <div>
                        <Tag
                          color={d.resubmission.state === 'rejected' ? 'red' : d.resubmission.state === 'accepted' ? 'green' : 'blue'}
                          data-testid="resubmission"
                          style={{ whiteSpace: 'normal', marginTop: 4 }}
                        >
                          {s.resubmission[d.resubmission.state]}
                        </Tag>
                      </div>
                    )}
                  </>
                ),
              },
              ...(mayResubmit
                ? [
                    {
                      key: 'action',
                      title: s.dlAction,
                      width: 96,
                      render: (_: unknown, d: DeadLetter) =>
                        d.resubmission ? (
                          '—'
                        ) : (
                          <Popconfirm
                            title={s.resubmitConfirm}
                            icon={<ExclamationCircleFilled aria-hidden />}
                            okText={t.app.ok}
                            cancelText={t.app.cancel}
                            onConfirm={() => void resubmit(d.terminalId, d.seq)}
                          >
                            <Button size="small" data-testid="resubmit">
                              {s.resubmit}
                            </Button>
                          </Popconfirm>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      {isIt && (
        <section data-testid="journal-transfer">
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {s.transferTitle}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{s.transferNote}</Typography.Paragraph>
          <Space>
            <Button
              icon={<ExportOutlined aria-hidden />}
              loading={transfer.busy}
              onClick={() => void exportJournal()}
              data-testid="export-journal"
            >
              {s.exportJournal}
            </Button>
            <Button
              icon={<ImportOutlined aria-hidden />}
              disabled={transfer.busy}
              onClick={() => fileInput.current?.click()}
              data-testid="import-journal"
            >
              {s.importJournal}
            </Button>
          </Space>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="import-journal-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void file.text().then(importJournal);
            }}
          />
          {transfer.error && <Alert type="error" showIcon title={transfer.error} className="section-alert" style={{ marginTop: 12 }} />}
          {transfer.lines.length > 0 && (
            <Alert
              type="success"
              showIcon
              data-testid="transfer-result"
              style={{ marginTop: 12 }}
              title={transfer.lines[0]}
              description={
                transfer.lines.length > 1 ? (
                  <ul className="plain-list">
                    {transfer.lines.slice(1).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
        </section>
      )}
    </Drawer>
  );
}
