import { Table, Tag, Typography } from 'antd';
import type { Catalogue, Commitment, HaibeiScore, IndustryGrade, Repair } from '../../../../shared/contract';
import { haibeiGrade, haibeiGradeBand } from '../../../../shared/score';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, t } from '../../i18n';
import { fieldName, listTypeName, matterName } from './labels';
import { Facts, Panel } from '../../ui/Panel';
import { wholeTable } from '../../ui/pagination';

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Panel title={title} aria-label={title} data-testid={testId}>
      {children}
    </Panel>
  );
}

function None({ text }: { text: string }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}

export function GradesSection({ grades, catalogue }: { grades: IndustryGrade[]; catalogue: Catalogue | null }) {
  return (
    <Section title={t.result.grades} testId="grades">
      {grades.length === 0 ? (
        <None text={t.result.gradesNone} />
      ) : (
        <Table<IndustryGrade>
          {...wholeTable}
          rowKey={(g) => `${g.field}-${g.grade}-${g.ratedOn}`}
          dataSource={grades}
          columns={[
            { key: 'field', title: t.result.grade.field, render: (_, g) => fieldName(catalogue, g.field) },
            { key: 'grade', title: t.result.grade.grade, width: 70, render: (_, g) => <Tag color="blue">{g.grade}</Tag> },
            { key: 'rated', title: t.result.grade.ratedOn, render: (_, g) => formatDate(g.ratedOn) },
            {
              key: 'until',
              title: t.result.grade.validUntil,
              render: (_, g) => (g.validUntil ? formatDate(g.validUntil) : t.result.entry.openEnded),
            },
            { key: 'auth', title: t.result.grade.authority, dataIndex: 'authority' },
          ]}
        />
      )}
    </Section>
  );
}

const GRADE_COLOR: Record<string, string> = { AAA: 'green', AA: 'green', A: 'blue', B: 'default', C: 'orange', D: 'red' };

export function HaibeiSection({ haibei }: { haibei: HaibeiScore | null }) {
  if (!haibei) {
    return (
      <Section title={t.result.haibei} testId="haibei">
        <None text={t.result.haibeiNone} />
      </Section>
    );
  }
  const grade = haibeiGrade(haibei.score);
  return (
    <Section title={t.result.haibei} testId="haibei">
      <div className="haibei-head">
        <span className="haibei-score" data-testid="haibei-score">
          {haibei.score}
        </span>
        <Tag color={GRADE_COLOR[grade]} className="haibei-grade">
          {haibeiGradeBand(grade).label}
        </Tag>
        <Typography.Text type="secondary">
          {t.result.haibeiBase(haibei.base)} · {t.result.haibeiRules(haibei.rulesVersion)} · {t.result.haibeiUpdated}{' '}
          {formatDateTime(haibei.updatedAt)}
        </Typography.Text>
      </div>
      {haibei.breakdown.length > 0 && (
        <div className="haibei-breakdown">
          <Typography.Text strong>{t.result.haibeiBreakdown}：</Typography.Text>
          {haibei.breakdown.map((b) => (
            <Tag key={b.category} color={b.points > 0 ? 'green' : b.points < 0 ? 'red' : 'default'}>
              {b.category} {b.points > 0 ? `+${b.points}` : b.points}
            </Tag>
          ))}
        </div>
      )}
      <Typography.Text strong>{t.result.haibeiRecent}</Typography.Text>
      {haibei.recentRecords.length === 0 ? (
        <div>
          <None text={t.result.haibeiRecentNone} />
        </div>
      ) : (
        <Table
          {...wholeTable}
          rowKey={(r) => `${r.date}-${r.category}-${r.description}-${r.points}`}
          dataSource={haibei.recentRecords}
          columns={[
            { key: 'date', title: t.result.haibeiRecord.date, width: 130, render: (_, r) => formatDate(r.date) },
            { key: 'cat', title: t.result.haibeiRecord.category, width: 100, dataIndex: 'category' },
            { key: 'desc', title: t.result.haibeiRecord.description, dataIndex: 'description' },
            {
              key: 'pts',
              title: t.result.haibeiRecord.points,
              width: 70,
              align: 'right',
              render: (_, r) => (
                <span className={r.points < 0 ? 'text-danger' : 'text-success'}>{r.points > 0 ? `+${r.points}` : r.points}</span>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}

/**
 * The subject's commitments on record, drawn inside the one 信用承诺 section (where the clerk also records
 * a new one) so the screen never shows two sections of that name.
 */
export function ProfileCommitments({ commitments, catalogue }: { commitments: Commitment[]; catalogue: Catalogue | null }) {
  return (
    <div data-testid="commitments">
      {commitments.map((c) => (
        <Facts
          key={c.id}
          className="record-block"
          items={[
            { key: 'kind', label: t.result.commitment.kind, children: c.kind },
            { key: 'status', label: t.result.commitment.status, children: t.domain.commitmentStatus[c.status] },
            { key: 'made', label: t.result.commitment.madeOn, children: formatDate(c.madeOn) },
            { key: 'due', label: t.result.commitment.dueOn, children: c.dueOn ? formatDate(c.dueOn) : t.result.entry.openEnded },
            {
              key: 'matter',
              label: t.result.commitment.matter,
              span: 2,
              children: matterName(catalogue, c.matterCode) ?? t.result.entry.none,
            },
            { key: 'text', label: t.result.commitment.text, span: 2, children: c.text },
          ]}
        />
      ))}
    </div>
  );
}

export function RepairsSection({ repairs, catalogue }: { repairs: Repair[]; catalogue: Catalogue | null }) {
  return (
    <Section title={t.result.repairs} testId="repairs">
      {repairs.length === 0 ? (
        <None text={t.result.repairsNone} />
      ) : (
        repairs.map((r) => (
          <Facts
            key={r.id}
            className="record-block"
            items={[
              { key: 'type', label: t.result.repair.listType, children: listTypeName(catalogue, r.listType) },
              { key: 'on', label: t.result.repair.repairedOn, children: formatDate(r.repairedOn) },
              { key: 'auth', label: t.result.repair.authority, children: r.authority },
              { key: 'doc', label: t.result.repair.documentNo, children: r.documentNo },
              { key: 'method', label: t.result.repair.method, span: 2, children: r.method },
            ]}
          />
        ))
      )}
    </Section>
  );
}
