import { Descriptions, Empty, Switch, Tag, Typography } from 'antd';
import type { Catalogue } from '../../../../shared/contract';
import type { EvaluatedEntry } from '../../../../shared/measures';
import { useStores } from '../../stores/context';
import { formatAmount, formatDate, t } from '../../i18n';
import { useStore } from '../../state';
import { HISTORY_STATUSES, fieldName, listTypeName, statusColor } from './labels';

function EntryCard({ item, catalogue }: { item: EvaluatedEntry; catalogue: Catalogue | null }) {
  const { entry, effectiveStatus } = item;
  const listType = catalogue?.listTypes.find((l) => l.code === entry.listType);
  const polarity = listType?.polarity;
  const none = t.result.entry.none;
  const history = HISTORY_STATUSES.has(effectiveStatus);
  const className = ['entry', polarity === 'BLACK' ? 'entry-black' : polarity === 'RED' ? 'entry-red' : '', history ? 'entry-history' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <article className={className} data-testid="entry" data-entry-id={entry.id} data-status={effectiveStatus} data-triggers={item.triggers}>
      <header className="entry-head">
        <span className="entry-title">{listTypeName(catalogue, entry.listType)}</span>
        {polarity && <Tag color={polarity === 'BLACK' ? 'red' : 'green'}>{t.domain.polarity[polarity]}</Tag>}
        <Tag color={statusColor(effectiveStatus, polarity)} data-testid="entry-status">
          {t.domain.status[effectiveStatus]}
        </Tag>
        {item.via === 'LEGAL_REPRESENTATIVE' && <Tag color="purple">{t.result.entry.viaRep}</Tag>}
        {item.triggers ? (
          <Tag color={polarity === 'RED' ? 'green' : 'volcano'} data-testid="entry-triggers">
            {t.result.entry.triggers}
          </Tag>
        ) : (
          <Tag data-testid="entry-no-trigger">{t.result.entry.noTrigger}</Tag>
        )}
      </header>
      {item.note && (
        <Typography.Paragraph type="secondary" className="entry-note" data-testid="entry-note">
          {item.note}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'type', label: t.result.entry.listType, children: listTypeName(catalogue, entry.listType) },
          { key: 'pol', label: t.result.entry.polarity, children: polarity ? t.domain.polarity[polarity] : none },
          { key: 'field', label: t.result.entry.field, children: listType ? fieldName(catalogue, listType.field) : none },
          { key: 'status', label: t.result.entry.status, children: t.domain.status[entry.status] },
          { key: 'reason', label: t.result.entry.reason, span: 2, children: entry.reason || none },
          { key: 'listed', label: t.result.entry.listedOn, children: formatDate(entry.listedOn) },
          {
            key: 'until',
            label: t.result.entry.validUntil,
            children: entry.validUntil ? formatDate(entry.validUntil) : t.result.entry.openEnded,
          },
          { key: 'auth', label: t.result.entry.authority, children: entry.authority || none },
          { key: 'doc', label: t.result.entry.documentNo, children: entry.documentNo || none },
          { key: 'amount', label: t.result.entry.amount, children: formatAmount(entry.amount) },
          { key: 'eff', label: t.result.entry.effective, children: t.domain.status[effectiveStatus] },
        ]}
      />
    </article>
  );
}

/** Every list entry the matter may see; history (expired/repaired/removed/revoked) behind a toggle. */
export function EntriesSection({ entries, catalogue }: { entries: EvaluatedEntry[]; catalogue: Catalogue | null }) {
  const stores = useStores();
  const showHistory = useStore(stores.result, (s) => s.showHistory);
  const setShowHistory = useStore(stores.result, (s) => s.setShowHistory);
  const current = entries.filter((e) => !HISTORY_STATUSES.has(e.effectiveStatus));
  const history = entries.filter((e) => HISTORY_STATUSES.has(e.effectiveStatus));
  const shown = showHistory ? entries : current;

  return (
    <section className="panel" aria-label={t.result.entries}>
      <div className="panel-head">
        <Typography.Title level={5} className="panel-title">
          {t.result.entries}
        </Typography.Title>
        <label className="switch-label">
          <Switch size="small" checked={showHistory} onChange={setShowHistory} data-testid="history-toggle" />
          <span>
            {t.result.showHistory}（{history.length}）
          </span>
        </label>
      </div>
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.result.entriesNone} />
      ) : (
        shown.map((item) => <EntryCard key={`${item.via}-${item.entry.id}`} item={item} catalogue={catalogue} />)
      )}
      {!showHistory && history.length > 0 && (
        <Typography.Text type="secondary" data-testid="history-hidden">
          {t.result.historyHidden(history.length)}
        </Typography.Text>
      )}
    </section>
  );
}
