import type { Session, WebContents } from 'electron';
import { mayNavigate, mayOpenWindow } from './lib/navigationPolicy';
import { mayGrantPermission } from './lib/permissionPolicy';

export interface SecurityLog {
  warn(message: string): void;
}

/**
 * Applied to every web contents the app creates: navigation only within app://credit-counter,
 * no new windows, no <webview>, and nothing is ever opened in the OS browser.
 */
export function hardenWebContents(contents: WebContents, log: SecurityLog): void {
  const guard = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (mayNavigate(url)) return;
    event.preventDefault();
    log.warn(`已阻止${kind}：${safeUrl(url)}`);
  };
  contents.on('will-navigate', guard('页面跳转'));
  contents.on('will-frame-navigate', (event) => {
    if (mayNavigate(event.url)) return;
    event.preventDefault();
    log.warn(`已阻止框架跳转：${safeUrl(event.url)}`);
  });
  contents.on('will-redirect', guard('重定向'));
  contents.setWindowOpenHandler(({ url }) => {
    if (!mayOpenWindow(url)) log.warn(`已阻止打开新窗口：${safeUrl(url)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('已阻止嵌入 <webview>');
  });
}

/** Every permission request and check is refused; downloads are cancelled. */
export function hardenSession(target: Session, log: SecurityLog): void {
  target.setPermissionRequestHandler((contents, permission, callback) => {
    const granted = mayGrantPermission(permission, contents.getURL());
    if (!granted) log.warn(`已拒绝权限请求：${permission}`);
    callback(granted);
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) => mayGrantPermission(permission, requestingOrigin));
  target.setDevicePermissionHandler(() => false);
  target.on('will-download', (event) => {
    event.preventDefault();
    log.warn('已阻止下载');
  });
}

/** Only origin and path go to the log: a query string could carry an identifier. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(无效地址)';
  }
}
