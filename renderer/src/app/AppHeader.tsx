import {
  AuditOutlined,
  BarChartOutlined,
  DesktopOutlined,
  ExclamationCircleFilled,
  LockOutlined,
  LogoutOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button, Popconfirm, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { ReconnectButton } from '../features/login/ReconnectButton';
import { SUPERVISION_NAV } from '../features/supervision/labels';
import { t } from '../i18n';
import { useStore } from '../state';
import type { Screen } from '../stores/appStore';
import { useStores } from '../stores/context';

function NavButton({
  screen,
  current,
  icon,
  label,
  onGo,
}: {
  screen: Screen;
  current: Screen;
  icon: ReactNode;
  label: string;
  onGo: (s: Screen) => void;
}) {
  const active = current === screen || (screen === 'check' && current === 'slip') || (screen === 'settings' && current === 'enrol');
  return (
    <Button
      type={active ? 'primary' : 'text'}
      icon={icon}
      onClick={() => onGo(screen)}
      aria-current={active ? 'page' : undefined}
      className="nav-button"
    >
      {label}
    </Button>
  );
}

/** Title, navigation, terminal and operator, login mode, lock and logout. */
export function AppHeader() {
  const stores = useStores();
  const screen = useStore(stores.app, (s) => s.screen);
  const session = useStore(stores.app, (s) => s.session);
  const identity = useStore(stores.app, (s) => s.identity);
  // The header and the status bar tell one story: an online login with the network gone is not "在线".
  const connected = useStore(stores.sync, (s) => s.online);
  const { go, lock, logout } = stores.app.getState();
  // Lock and logout leave the check on screen: a MUST measure with no record is asked about first.
  const leave = (then: () => void) => stores.feedback.getState().requestLeave(stores.lookup.getState().view, then);
  const isSupervisor = session?.operator.roles.includes('supervisor') ?? false;
  const isIt = session?.operator.roles.includes('it') ?? false;

  return (
    <header className="app-header no-print">
      <div className="app-brand">
        <SafetyCertificateOutlined aria-hidden className="app-logo" />
        <span className="app-title">{t.app.title}</span>
      </div>
      <nav className="app-nav" aria-label={t.app.title}>
        <NavButton screen="check" current={screen} icon={<SafetyCertificateOutlined aria-hidden />} label={t.app.nav.check} onGo={go} />
        <NavButton screen="verify" current={screen} icon={<QrcodeOutlined aria-hidden />} label={t.app.nav.verify} onGo={go} />
        {isSupervisor && (
          <NavButton screen="supervisor" current={screen} icon={<AuditOutlined aria-hidden />} label={t.app.nav.supervisor} onGo={go} />
        )}
        {isSupervisor && (
          <NavButton
            screen="cityboard"
            current={screen}
            icon={<BarChartOutlined aria-hidden />}
            label={SUPERVISION_NAV.cityboard}
            onGo={go}
          />
        )}
        {isIt && (
          <NavButton screen="fleet" current={screen} icon={<DesktopOutlined aria-hidden />} label={SUPERVISION_NAV.fleet} onGo={go} />
        )}
        <NavButton screen="settings" current={screen} icon={<SettingOutlined aria-hidden />} label={t.app.nav.settings} onGo={go} />
      </nav>
      <div className="app-user">
        {identity && <span className="app-terminal">{t.app.terminal(identity.terminalName)}</span>}
        {session && (
          <>
            <span className="app-operator" data-testid="operator">
              {t.app.operator(session.operator.name, session.operator.id)}
            </span>
            {session.mode === 'online' && connected ? (
              <Tag color="green" data-testid="login-mode" data-mode="online" data-connected="true">
                {t.app.modeOnline}
              </Tag>
            ) : session.mode === 'online' ? (
              <Tooltip title={t.app.modeOnlineDisconnectedHint}>
                <Tag color="orange" data-testid="login-mode" data-mode="online" data-connected="false">
                  {t.app.modeOnlineDisconnected}
                </Tag>
              </Tooltip>
            ) : (
              <Tooltip title={t.app.modeOfflineHint}>
                <Tag color="orange" data-testid="login-mode" data-mode="offline">
                  {t.app.modeOffline}
                </Tag>
              </Tooltip>
            )}
            <ReconnectButton />
          </>
        )}
        <Button icon={<LockOutlined aria-hidden />} onClick={() => leave(() => void lock('manual'))} data-testid="lock">
          {t.app.nav.lock}
        </Button>
        <Popconfirm
          title={t.app.logoutConfirm}
          icon={<ExclamationCircleFilled aria-hidden />}
          okText={t.app.ok}
          cancelText={t.app.cancel}
          onConfirm={() => leave(() => void logout())}
        >
          <Button icon={<LogoutOutlined aria-hidden />} data-testid="logout">
            {t.app.nav.logout}
          </Button>
        </Popconfirm>
      </div>
    </header>
  );
}
