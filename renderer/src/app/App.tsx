import { Button, Result, Spin, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { EnrolScreen } from '../features/enrol/EnrolScreen';
import { LeaveCheckDialog } from '../features/measures/LeaveCheckDialog';
import { LockScreen } from '../features/lock/LockScreen';
import { LoginScreen } from '../features/login/LoginScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SlipScreen } from '../features/slip/SlipScreen';
import { VerifySlipScreen } from '../features/slip/VerifySlipScreen';
import { StatusBar } from '../features/status/StatusBar';
import { SyncPanel } from '../features/status/SyncPanel';
import { CityDashboard } from '../features/supervision/CityDashboard';
import { FleetScreen } from '../features/supervision/FleetScreen';
import { SupervisorScreen } from '../features/supervisor/SupervisorScreen';
import { t } from '../i18n';
import { useStore } from '../state';
import { AppHeader } from './AppHeader';
import { CheckWorkspace } from './CheckWorkspace';
import { StoresProvider, useStores } from '../stores/context';
import { CenteredPanel } from '../ui/CenteredPanel';
import type { AppStores } from '../stores/createAppStores';
import { useInactivityLock } from './useInactivityLock';
import { useShortcuts } from './useShortcuts';

/** The one start screen: drawn while the services open (main.tsx) and while the app boots. */
export function BootScreen() {
  return (
    <div className="centered-screen" data-testid="booting">
      <div className="centered-brand">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t.app.title}
        </Typography.Title>
        <div>{t.app.subtitle}</div>
      </div>
      <Spin size="large" />
      <div className="booting-text">{t.app.booting}</div>
    </div>
  );
}

function WorkScreen() {
  const stores = useStores();
  const screen = useStore(stores.app, (s) => s.screen);
  switch (screen) {
    case 'check':
      return <CheckWorkspace />;
    case 'slip':
      return <SlipScreen />;
    case 'verify':
      return <VerifySlipScreen />;
    case 'supervisor':
      return <SupervisorScreen />;
    case 'cityboard':
      return <CityDashboard />;
    case 'fleet':
      return <FleetScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'enrol':
      return <EnrolScreen embedded />;
  }
}

function Frame() {
  const stores = useStores();
  const phase = useStore(stores.app, (s) => s.phase);
  const bootError = useStore(stores.app, (s) => s.bootError);
  const lockMinutes = useStore(stores.app, (s) => s.config?.values.lockTimeoutMinutes ?? 10);
  const working = phase === 'work';

  useEffect(() => {
    void stores.app.getState().boot();
  }, [stores]);

  // The catalogue is needed as soon as a clerk works (purpose first).
  useEffect(() => {
    if (working) void stores.purpose.getState().loadCatalogue();
  }, [working, stores]);

  const onIdle = useCallback(() => void stores.app.getState().lock('idle'), [stores]);
  useInactivityLock(working, lockMinutes, onIdle);
  useShortcuts(stores, working);

  let body;
  switch (phase) {
    case 'booting':
      return <BootScreen />;
    case 'boot-failed':
      body = (
        <CenteredPanel title={t.app.bootFailed}>
          <Result
            status="error"
            title={t.app.bootFailed}
            subTitle={bootError}
            extra={
              <Button type="primary" onClick={() => void stores.app.getState().boot()}>
                {t.app.retry}
              </Button>
            }
          />
        </CenteredPanel>
      );
      break;
    case 'enrol':
      body = <EnrolScreen />;
      break;
    case 'login':
      body = <LoginScreen />;
      break;
    case 'locked':
      body = <LockScreen />;
      break;
    case 'work':
      body = (
        <>
          <AppHeader />
          <main className="app-content">
            <WorkScreen />
          </main>
          <SyncPanel />
          <LeaveCheckDialog />
        </>
      );
      break;
  }
  return (
    <div className="app-root" data-phase={phase}>
      {body}
      <StatusBar interactive={working} />
    </div>
  );
}

/** The whole UI, given its stores (created once from the services in main.tsx). */
export function App({ stores }: { stores: AppStores }) {
  return (
    <StoresProvider stores={stores}>
      <Frame />
    </StoresProvider>
  );
}
