import { EyeInvisibleOutlined, EyeOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Tag } from 'antd';
import { useState } from 'react';
import { useStores } from '../../stores/context';
import { describeNotice, formatAge, formatDateTime, t } from '../../i18n';
import type { CheckView } from '../../services/contracts';
import { useStore } from '../../state';
import { UnmaskModal } from './UnmaskModal';
import { Facts, Panel } from '../../ui/Panel';

/** Who was checked (masked ID, unmask on request) and where the answer came from. */
export function SubjectCard({ view }: { view: CheckView }) {
  const stores = useStores();
  const clear = useStore(stores.result, (s) => s.unmasked[view.checkId]);
  const hide = useStore(stores.result, (s) => s.hide);
  const staleHours = useStore(stores.app, (s) => s.config?.values.stalenessLimitHours ?? 24);
  const [unmaskOpen, setUnmaskOpen] = useState(false);

  const rep = view.profile?.legalRepresentative ?? null;
  const stale = view.dataAgeSeconds !== null && view.dataAgeSeconds > staleHours * 3600;
  const sourceLabel =
    view.source === 'online' ? t.result.sourceOnline : view.fromCachedProfile ? t.result.sourceOfflineProfile : t.result.sourceOffline;

  return (
    <Panel title={t.result.subject} aria-label={t.result.subject}>
      <Facts
        items={[
          { key: 'name', label: t.result.name, children: <strong>{view.subject.name}</strong> },
          { key: 'kind', label: t.result.kind, children: t.domain.kind[view.subject.kind] },
          {
            key: 'id',
            label: t.result.identifier,
            span: 2,
            children: (
              <span className="id-cell">
                <span className="mono" data-testid="subject-identifier">
                  {clear ?? view.subject.masked}
                </span>
                {view.matchedBy.includes('ORG_CODE') && (
                  <Tag color="purple" data-testid="matched-org-code">
                    {t.result.matchedByOrgCode}
                  </Tag>
                )}
                {view.matchedBy.includes('LEGACY_ID') && (
                  <Tag color="purple" data-testid="matched-legacy">
                    {t.result.matchedByLegacy}
                  </Tag>
                )}
                {clear ? (
                  <>
                    <Tag color="orange">{t.result.unmasked}</Tag>
                    <Button size="small" icon={<EyeInvisibleOutlined aria-hidden />} onClick={() => hide(view.checkId)}>
                      {t.result.remask}
                    </Button>
                  </>
                ) : (
                  <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => setUnmaskOpen(true)}>
                    {t.result.unmask}
                  </Button>
                )}
              </span>
            ),
          },
          ...(rep
            ? [
                {
                  key: 'rep',
                  label: t.result.legalRepresentative,
                  span: 2,
                  children: (
                    <span>
                      {rep.name} <span className="mono">{rep.masked}</span>
                    </span>
                  ),
                },
              ]
            : []),
          {
            key: 'source',
            label: t.result.source,
            children: (
              <Tag color={view.source === 'online' ? 'green' : 'orange'} data-testid="result-source" data-source={view.source}>
                {sourceLabel}
              </Tag>
            ),
          },
          {
            key: 'version',
            label: t.result.dataVersion,
            children: (
              <span className="mono" data-testid="result-version">
                {view.dataVersion}
              </span>
            ),
          },
          {
            key: 'age',
            label: t.result.dataAge,
            children: (
              <span className={stale ? 'text-warning' : undefined} data-testid="result-age">
                {stale && <WarningFilled aria-hidden />} {formatAge(view.dataAgeSeconds)}
                {stale && <span data-testid="stale-warning">{t.result.staleShort(staleHours)}</span>}
              </span>
            ),
          },
          { key: 'at', label: t.result.checkedAt, children: formatDateTime(view.checkedAt) },
        ]}
      />
      {/* The core gives the notices as codes (offline answer, staleness, org-code match…); the catalogue words them. */}
      {view.notices.map((n) => (
        <Alert
          key={n.code}
          type={stale || view.source === 'offline' ? 'warning' : 'info'}
          showIcon
          title={describeNotice(n)}
          className="section-alert"
          data-testid="notice"
        />
      ))}
      <UnmaskModal checkId={view.checkId} open={unmaskOpen} onClose={() => setUnmaskOpen(false)} />
    </Panel>
  );
}
