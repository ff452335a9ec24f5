import {
  CalendarOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  CloseOutlined,
  DownOutlined,
  ExclamationCircleFilled,
  InfoCircleFilled,
  LoadingOutlined,
} from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { HostBridge } from '../../shared/ipc/bridge';
import { App, BootScreen } from './app/App';
import { createAppStores } from './stores/createAppStores';
import { APP_VERSION } from './app/version';
import './app/app.css';
import { appTheme } from './app/theme';
import { createBrowserHost } from './host/browserHost';
import { describeError, setLocale, t, type Locale } from './i18n';
import { registerServiceWorker, UpdatePrompt, type ServiceWorkerUpdates } from './pwa';
import { createServices } from './services/createServices';

/** Electron's preload exposes the bridge as `creditCounterHost`; anywhere else the browser host serves. */
function pickHost(): HostBridge {
  const exposed = (globalThis as { creditCounterHost?: HostBridge }).creditCounterHost;
  return exposed ?? createBrowserHost({ appVersion: APP_VERSION });
}

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');
const root = createRoot(container);

// Clerks who ask their system for reduced motion get none: antd's zoom and fade animations are switched off.
const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

let locale: Locale = 'zh-CN';

const ALERT_ICONS = {
  successIcon: <CheckCircleFilled aria-hidden />,
  infoIcon: <InfoCircleFilled aria-hidden />,
  warningIcon: <ExclamationCircleFilled aria-hidden />,
  errorIcon: <CloseCircleFilled aria-hidden />,
};

const SELECT_ICONS = {
  suffixIcon: <DownOutlined aria-hidden />,
  loadingIcon: <LoadingOutlined spin aria-hidden />,
  clearIcon: <CloseCircleFilled aria-hidden />,
};

function render(children: ReactNode) {
  root.render(
    <StrictMode>
      <ConfigProvider
        locale={locale === 'en-US' ? enUSLocale : zhCNLocale}
        button={{ autoInsertSpace: false }}
        // Every notice's icon is decoration (the text says it all): hidden from screen readers, which would
        // otherwise read antd's English icon names ("info-circle …") before the Chinese words.
        alert={ALERT_ICONS}
        // The same for the other icons antd draws itself: a select's arrow, a dialog's or drawer's close
        // cross (the button is named 关闭), a date field's calendar.
        select={SELECT_ICONS}
        modal={{ closeIcon: <CloseOutlined aria-hidden /> }}
        drawer={{ closeIcon: <CloseOutlined aria-hidden /> }}
        datePicker={{ suffixIcon: <CalendarOutlined aria-hidden />, clearIcon: <CloseCircleFilled aria-hidden /> }}
        theme={appTheme({ reducedMotion })}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}

async function start() {
  const host = pickHost();
  // The screens' language (config `locale`) is chosen once, before the first screen is drawn.
  const config = await host.getConfig().catch(() => null);
  locale = config?.values.locale ?? 'zh-CN';
  setLocale(locale);
  document.documentElement.lang = locale;
  render(<BootScreen />);
  // PWA build over http(s) only (a no-op in Electron): the shell is cached so the app starts offline.
  const updates: ServiceWorkerUpdates = registerServiceWorker({
    onError: (error) => host.log('warn', `service worker registration failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  try {
    const services = await createServices({ host });
    const stores = createAppStores({ services, host });
    render(
      <>
        <UpdatePrompt updates={updates} />
        <App stores={stores} />
      </>,
    );
  } catch (error) {
    host.log('error', `start failed: ${error instanceof Error ? error.message : String(error)}`);
    render(
      <div className="centered-screen">
        <div className="centered-brand">
          <h1 style={{ margin: 0 }}>{t.app.title}</h1>
        </div>
        <Result status="error" title={t.app.bootFailed} subTitle={describeError(error)} />
      </div>,
    );
  }
}

void start();
