import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { MANAGED_SOURCES } from '../../../../shared/config/schema';
import type { ConfigKey, ConfigSource, ConfigValues } from '../../../../shared/config/schema';
import { useStores } from '../../stores/context';
import { formatDateTime, t } from '../../i18n';
import { useShallow, useStore } from '../../state';
import { wholeTable } from '../../ui/pagination';
import { Facts, Panel } from '../../ui/Panel';

interface Row {
  key: ConfigKey;
  value: ConfigValues[ConfigKey];
  source: ConfigSource;
}

function showValue(key: ConfigKey, value: ConfigValues[ConfigKey]): string {
  if (typeof value === 'boolean') return value ? t.settings.yes : t.settings.no;
  if (key === 'autoUpdateUrl' && value === 'off') return t.settings.off;
  if (key === 'locale' && typeof value === 'string') return t.settings.locales[value] ?? value;
  if (value === '') return t.settings.empty;
  return String(value);
}

/** The effective configuration: each key's value and where it came from; IT-managed keys are read-only. */
export function SettingsScreen() {
  const stores = useStores();
  const { config, identity, hostKind, appVersion } = useStore(
    stores.app,
    useShallow((s) => ({ config: s.config, identity: s.identity, hostKind: s.hostKind, appVersion: s.appVersion })),
  );
  const { go, reloadConfig } = stores.app.getState();

  useEffect(() => {
    void reloadConfig();
  }, [reloadConfig]);

  const rows: Row[] = config
    ? (Object.keys(config.values) as ConfigKey[]).map((key) => ({ key, value: config.values[key], source: config.sources[key] }))
    : [];

  return (
    <div className="screen" data-testid="settings">
      <Typography.Title level={3}>{t.settings.title}</Typography.Title>

      <Panel
        title={t.settings.terminal}
        actions={
          <Button onClick={() => go('enrol')} data-testid="reenrol">
            {t.settings.reenrol}
          </Button>
        }
      >
        {identity ? (
          <Facts
            items={[
              { key: 'id', label: t.settings.terminalId, children: <span className="mono">{identity.terminalId}</span> },
              { key: 'name', label: t.settings.terminalName, children: identity.terminalName },
              { key: 'url', label: t.settings.platformUrl, children: <span className="mono">{identity.platformUrl}</span> },
              { key: 'at', label: t.settings.enrolledAt, children: formatDateTime(identity.enrolledAt) },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t.settings.notEnrolled}</Typography.Text>
        )}
      </Panel>

      <Panel title={t.settings.config}>
        <Typography.Paragraph type="secondary">{t.settings.configNote}</Typography.Paragraph>
        {config && config.problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="section-alert"
            title={t.settings.problems}
            description={
              <ul className="plain-list">
                {config.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Table<Row>
          {...wholeTable}
          rowKey="key"
          dataSource={rows}
          data-testid="config-table"
          columns={[
            { key: 'label', title: t.settings.key, width: 260, render: (_, r) => t.settings.keys[r.key] ?? r.key },
            {
              key: 'value',
              title: t.settings.value,
              render: (_, r) => (
                <span className="mono break">
                  {/* No configured name: the terminal goes by the name it was enrolled with. */}
                  {r.key === 'terminalName' && r.value === '' && identity
                    ? t.settings.enrolledName(identity.terminalName)
                    : showValue(r.key, r.value)}
                </span>
              ),
            },
            { key: 'source', title: t.settings.source, width: 170, render: (_, r) => t.settings.sources[r.source] ?? r.source },
            {
              key: 'managed',
              title: t.settings.changeableBy,
              width: 190,
              render: (_, r) =>
                MANAGED_SOURCES.includes(r.source) ? (
                  <Tag icon={<LockOutlined aria-hidden />} color="gold">
                    {t.settings.managed}
                  </Tag>
                ) : (
                  <Tag>{t.settings.local}</Tag>
                ),
            },
          ]}
        />
      </Panel>

      <Panel title={t.settings.about}>
        <Facts
          items={[
            { key: 'v', label: t.settings.version, children: appVersion },
            { key: 'h', label: t.settings.host, children: hostKind === 'electron' ? t.settings.hostElectron : t.settings.hostBrowser },
          ]}
        />
      </Panel>
    </div>
  );
}
