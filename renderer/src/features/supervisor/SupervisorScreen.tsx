import { EyeOutlined, ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Table, Tag, Typography, type TableColumnType, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import type { CheckResult, PlatformEvent } from '../../../../shared/contract';
import { useStores } from '../../stores/context';
import { UnmaskPrompt } from '../../ui/UnmaskPrompt';
import { formatDateTime, t, describeFailure } from '../../i18n';
import { compactTable } from '../../ui/pagination';
import { Panel } from '../../ui/Panel';
import type {
  AuditVerification,
  DeclinedMeasureRow,
  NameSearchBudgetAlerts,
  PlatformCheckRow,
  SupervisorCheckRow,
} from '../../services/contracts';
import { useStore } from '../../state';

const RESULT_COLOR: Record<CheckResult, string> = { BLACK: 'red', BOTH: 'red', RED: 'green', WARNING: 'gold', CLEAN: 'blue' };

/** The matter, case number and subject columns of a check row. */
function checkColumns<R extends { matterName: string; caseNo: string; subjectName: string }>(caseWidth: number): TableColumnType<R>[] {
  const c = t.supervisor.col;
  return [
    { key: 'matter', title: c.matter, dataIndex: 'matterName', ellipsis: { showTitle: true } },
    { key: 'case', title: c.caseNo, width: caseWidth, dataIndex: 'caseNo', ellipsis: { showTitle: true } },
    { key: 'subject', title: c.subject, dataIndex: 'subjectName', ellipsis: { showTitle: true } },
  ];
}

/** When the row's event happened. */
function timeColumn<R>(width: number, at: (r: R) => string): TableColumnType<R> {
  return { key: 'time', title: t.supervisor.col.time, width, render: (_, r) => formatDateTime(at(r)) };
}

/** The operator a row names; the platform's records head it as who recorded them. */
function operatorColumn<R extends { operatorId: string }>(width: number, title: string = t.supervisor.col.operator): TableColumnType<R> {
  return { key: 'op', title, width, dataIndex: 'operatorId' };
}

/** Room for the longest result tag (守信与失信并存) inside its cell. */
const RESULT_WIDTH = 120;

function resultColumn<R extends { result: CheckResult }>(width: number): TableColumnType<R> {
  return {
    key: 'result',
    title: t.supervisor.col.result,
    width,
    render: (_, r) => <Tag color={RESULT_COLOR[r.result]}>{t.domain.result[r.result]}</Tag>,
  };
}

/** The platform's remark on a row (e.g. the matter was withdrawn before the record arrived), shown open under it. */
function platformNotes<R>(
  rows: R[],
  keyOf: (r: R) => string,
  noteOf: (r: R) => string | null,
  testId: string,
): TableProps<R>['expandable'] {
  return {
    expandedRowRender: (r) => (
      <Alert type="warning" showIcon title={t.supervisor.col.platformNote} description={noteOf(r)} data-testid={testId} />
    ),
    rowExpandable: (r) => noteOf(r) !== null,
    expandedRowKeys: rows.filter((r) => noteOf(r) !== null).map(keyOf),
    showExpandColumn: false,
  };
}

/** The audit chain's first broken link in the clerk's language. */
function chainProblemText(problem: AuditVerification['problem']): string {
  if (!problem) return '';
  return t.supervisor.chainProblem[problem.code]?.(problem.params) ?? problem.code;
}

/**
 * For supervisors: today's checks here, declined measures with reasons, audit chain verification;
 * online, the platform's check records within their scope (who recorded, who delivered; identifiers
 * masked, shown one at a time with a reason) and who ran out of their hourly name searches.
 */
export function SupervisorScreen() {
  const stores = useStores();
  const roles = useStore(stores.app, (s) => s.session?.operator.roles);
  const operator = useStore(stores.app, (s) => s.session?.operator);
  const platformChecks = useStore(stores.supervisor, (s) => s.platformChecks);
  const budget = useStore(stores.supervisor, (s) => s.budget);
  const platformError = useStore(stores.supervisor, (s) => s.platformError);
  const unmasked = useStore(stores.supervisor, (s) => s.unmasked);
  const [unmasking, setUnmasking] = useState<string | null>(null);
  const checks = useStore(stores.supervisor, (s) => s.checks);
  const declined = useStore(stores.supervisor, (s) => s.declined);
  const events = useStore(stores.supervisor, (s) => s.events);
  const eventsError = useStore(stores.supervisor, (s) => s.eventsError);
  const loading = useStore(stores.supervisor, (s) => s.loading);
  const error = useStore(stores.supervisor, (s) => s.error);
  const verification = useStore(stores.supervisor, (s) => s.verification);
  const verifying = useStore(stores.supervisor, (s) => s.verifying);
  const { load, verify, unmask } = stores.supervisor.getState();
  const scope = operator?.supervisorScope === 'city' ? t.supervisor.scopeCity : t.supervisor.scopeDepartment(operator?.department ?? '');
  const allowed = roles?.includes('supervisor') ?? false;
  const c = t.supervisor.col;
  /** The check's statement, verified on the verification screen (the QR text, or the 核验码 the platform resolves). */
  const openSlip = (input: string) => {
    stores.slip.getState().requestVerification(input);
    stores.app.getState().go('verify');
  };
  const slipLink = (reference: string | null, input: string | null, testId: string) =>
    reference && input ? (
      <a onClick={() => openSlip(input)} data-testid={testId} className="mono">
        {t.supervisor.verifySlip(reference)}
      </a>
    ) : (
      <Typography.Text type="secondary">{t.supervisor.slipNone}</Typography.Text>
    );

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  if (!allowed) {
    return (
      <div className="screen">
        <Result status="403" title={t.supervisor.notAllowed} />
      </div>
    );
  }

  return (
    <div className="screen" data-testid="supervisor">
      <div className="screen-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t.supervisor.title}
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()} loading={loading}>
          {t.supervisor.refresh}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} className="section-alert" />}

      <Panel
        title={t.supervisor.audit}
        actions={
          <Button
            type="primary"
            icon={<SafetyOutlined aria-hidden />}
            onClick={() => void verify()}
            loading={verifying}
            data-testid="verify-audit"
          >
            {verifying ? t.supervisor.verifying : t.supervisor.verify}
          </Button>
        }
      >
        {verification && (
          <Alert
            type={verification.ok ? 'success' : 'error'}
            showIcon
            data-testid="audit-result"
            data-ok={verification.ok}
            title={
              verification.ok
                ? t.supervisor.verifyOk(verification.checked)
                : t.supervisor.verifyBroken(verification.checked, chainProblemText(verification.problem))
            }
          />
        )}
      </Panel>

      <Panel title={`${t.supervisor.checks}（${checks.length}）`}>
        <Table<SupervisorCheckRow>
          {...compactTable(loading, t.supervisor.checksNone)}
          rowKey="checkId"
          dataSource={checks}
          data-testid="supervisor-checks"
          columns={[
            timeColumn<SupervisorCheckRow>(160, (r) => r.checkedAt),
            operatorColumn<SupervisorCheckRow>(80),
            // Matter and subject share the room left (a company name is as long as a matter's): neither is cut
            // while the other has space; a name longer than its half still shows whole on hover.
            ...checkColumns<SupervisorCheckRow>(150),
            { key: 'id', title: c.identifier, width: 180, render: (_, r) => <span className="mono">{r.subjectMasked}</span> },
            resultColumn<SupervisorCheckRow>(RESULT_WIDTH),
            { key: 'src', title: c.source, width: 80, render: (_, r) => t.domain.source[r.source] },
            {
              key: 'slip',
              title: c.slip,
              width: 120,
              render: (_, r) => slipLink(r.slip?.reference ?? null, r.slip?.text ?? null, 'supervisor-slip'),
            },
          ]}
          expandable={platformNotes(
            checks,
            (r) => r.checkId,
            (r) => r.platformNote,
            'platform-note',
          )}
        />
      </Panel>

      <Panel
        data-testid="platform-records"
        title={`${t.supervisor.platformChecks}（${platformChecks.length}）`}
        actions={
          <Typography.Text type="secondary" data-testid="supervisor-scope">
            {scope}
          </Typography.Text>
        }
      >
        {platformError && <Alert type="warning" showIcon title={platformError} className="section-alert" data-testid="platform-error" />}
        <Table<PlatformCheckRow>
          {...compactTable(loading, t.supervisor.platformChecksNone)}
          rowKey="id"
          dataSource={platformChecks}
          data-testid="supervisor-platform-checks"
          columns={[
            timeColumn<PlatformCheckRow>(160, (r) => r.occurredAt),
            operatorColumn<PlatformCheckRow>(70, c.recordedBy),
            {
              key: 'by',
              title: c.deliveredBy,
              width: 70,
              render: (_, r) => <span data-testid="delivered-by">{r.deliveredBy ?? '—'}</span>,
            },
            ...checkColumns<PlatformCheckRow>(140),
            {
              key: 'id',
              title: c.identifier,
              width: 240,
              render: (_, r) => (
                <span className="supervisor-identifier">
                  <span className="mono" data-testid="platform-identifier">
                    {unmasked[r.id] ?? r.subjectMasked}
                  </span>
                  {r.unmaskable && unmasked[r.id] === undefined && (
                    <Button
                      size="small"
                      icon={<EyeOutlined aria-hidden />}
                      onClick={() => setUnmasking(r.id)}
                      data-testid="platform-unmask"
                    >
                      {t.supervisor.unmask}
                    </Button>
                  )}
                </span>
              ),
            },
            resultColumn<PlatformCheckRow>(RESULT_WIDTH),
            { key: 'slip', title: c.slip, width: 120, render: (_, r) => slipLink(r.slipReference, r.slipReference, 'platform-slip') },
          ]}
          expandable={platformNotes(
            platformChecks,
            (r) => r.id,
            (r) => r.catalogueNote,
            'platform-record-note',
          )}
        />
      </Panel>

      <BudgetAlerts budget={budget} loading={loading} />

      <Panel title={`${t.supervisor.declined}（${declined.length}）`}>
        <Table<DeclinedMeasureRow>
          {...compactTable(loading, t.supervisor.declinedNone)}
          rowKey={(r) => `${r.checkId}-${r.measureTitle}-${r.decidedAt}`}
          dataSource={declined}
          data-testid="supervisor-declined"
          columns={[
            timeColumn<DeclinedMeasureRow>(160, (r) => r.decidedAt),
            operatorColumn<DeclinedMeasureRow>(100),
            { key: 'matter', title: c.matter, width: 260, dataIndex: 'matterName', ellipsis: { showTitle: true } },
            { key: 'measure', title: c.measure, width: 260, dataIndex: 'measureTitle', ellipsis: { showTitle: true } },
            { key: 'reason', title: c.reason, dataIndex: 'reason' },
          ]}
        />
      </Panel>

      <Panel title={t.supervisor.events}>
        {eventsError ? (
          <Alert type="info" showIcon title={eventsError} />
        ) : (
          <Table<PlatformEvent>
            {...compactTable(loading, t.supervisor.eventsNone)}
            rowKey="id"
            dataSource={events}
            data-testid="supervisor-events"
            columns={[
              timeColumn<PlatformEvent>(160, (e) => e.at),
              { key: 'action', title: c.event, width: 110, render: (_, e) => <Tag>{t.supervisor.eventActions[e.action] ?? e.action}</Tag> },
              { key: 'op', title: c.operator, width: 120, render: (_, e) => e.operatorId ?? t.supervisor.eventOperatorNone },
              { key: 'summary', title: c.summary, dataIndex: 'summary' },
            ]}
          />
        )}
      </Panel>
      <UnmaskPrompt
        open={unmasking !== null}
        inputId="platform-unmask-reason"
        unmask={async (reason) => {
          if (unmasking === null) return null;
          const outcome = await unmask(unmasking, reason);
          return outcome.ok ? null : describeFailure(outcome.error);
        }}
        onClose={() => setUnmasking(null)}
      />
    </div>
  );
}

/** Operators who ran out of their hourly name searches (a budget so that one login cannot enumerate everyone). */
function BudgetAlerts({ budget, loading }: { budget: NameSearchBudgetAlerts | null; loading: boolean }) {
  const c = t.supervisor.col;
  return (
    <Panel
      data-testid="budget-alerts"
      title={`${t.supervisor.budgetAlerts}（${budget?.alerts.length ?? 0}）`}
      actions={budget && <Typography.Text type="secondary">{t.supervisor.budgetPerHour(budget.budgetPerHour)}</Typography.Text>}
    >
      <Table<NameSearchBudgetAlerts['alerts'][number]>
        {...compactTable(loading, t.supervisor.budgetAlertsNone, 5)}
        rowKey={(r) => `${r.operatorId}-${r.terminalId}-${r.hour}`}
        dataSource={budget?.alerts ?? []}
        data-testid="supervisor-budget-alerts"
        columns={[
          {
            key: 'op',
            title: c.operator,
            width: 160,
            render: (_, r) => (r.operatorName ? `${r.operatorName}（${r.operatorId}）` : r.operatorId),
          },
          { key: 'dept', title: c.department, dataIndex: 'department', ellipsis: { showTitle: true } },
          { key: 'hour', title: c.hour, width: 170, render: (_, r) => formatDateTime(r.hour) },
          { key: 'refused', title: c.refused, width: 110, dataIndex: 'refused' },
          { key: 'last', title: c.lastRefused, width: 170, render: (_, r) => formatDateTime(r.lastRefusedAt) },
          { key: 'terminal', title: c.terminal, width: 170, ellipsis: { showTitle: true }, dataIndex: 'terminalId' },
        ]}
      />
    </Panel>
  );
}
