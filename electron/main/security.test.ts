import type { Session, WebContents as ElectronWebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { Session as SessionDouble, WebContents, resetElectronDouble, shell } from '../../tests/doubles/electron';
import { mayNavigate, mayOpenWindow } from './lib/navigationPolicy';
import { hardenSession, hardenWebContents } from './security';

const warnings: string[] = [];
const log = { warn: (message: string) => warnings.push(message) };

function hardenedContents(): WebContents {
  const contents = new WebContents();
  contents.url = 'app://credit-counter/';
  hardenWebContents(contents as unknown as ElectronWebContents, log);
  return contents;
}

beforeEach(() => {
  resetElectronDouble();
  warnings.length = 0;
});

describe('navigation policy', () => {
  it('allows only the app origin', () => {
    expect(mayNavigate('app://credit-counter/lookup')).toBe(true);
    for (const url of [
      'https://www.example.com/',
      'http://127.0.0.1:8787/api/v1/catalog',
      'file:///etc/passwd',
      'app://other-host/',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(mayNavigate(url), url).toBe(false);
    }
  });

  it('never allows a new window', () => {
    expect(mayOpenWindow('app://credit-counter/')).toBe(false);
    expect(mayOpenWindow('https://www.example.com/')).toBe(false);
  });
});

describe('hardened web contents', () => {
  it('denies navigation to an external URL and logs it without the query string', () => {
    const contents = hardenedContents();
    expect(contents.simulateNavigation('https://www.example.com/phish?id=371002199001011237')).toBe(true);
    expect(warnings.join('\n')).toContain('https://www.example.com/phish');
    expect(warnings.join('\n')).not.toContain('371002199001011237');
  });

  it('lets in-app navigation through', () => {
    const contents = hardenedContents();
    expect(contents.simulateNavigation('app://credit-counter/settings')).toBe(false);
  });

  it('denies frame navigations and redirects off the origin', () => {
    const contents = hardenedContents();
    expect(contents.simulateFrameNavigation('https://www.example.com/')).toBe(true);
    expect(contents.simulateRedirect('http://evil.example/')).toBe(true);
    expect(contents.simulateRedirect('app://credit-counter/')).toBe(false);
  });

  it('denies every new window and opens nothing externally', () => {
    const contents = hardenedContents();
    expect(contents.simulateWindowOpen('https://www.example.com/')).toEqual({ action: 'deny' });
    expect(contents.simulateWindowOpen('app://credit-counter/print')).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual([]);
  });

  it('prevents <webview> from attaching', () => {
    expect(hardenedContents().simulateAttachWebview()).toBe(true);
  });
});

describe('hardened session', () => {
  function hardened(): SessionDouble {
    const target = new SessionDouble();
    hardenSession(target as unknown as Session, log);
    return target;
  }

  it('denies every permission request', async () => {
    const target = hardened();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'hid',
      'serial',
      'fullscreen',
      'openExternal',
    ]) {
      expect(await target.simulatePermissionRequest(permission), permission).toBe(false);
    }
  });

  it('denies every permission check, device permission and download', () => {
    const target = hardened();
    expect(target.simulatePermissionCheck('media')).toBe(false);
    expect(target.simulatePermissionCheck('clipboard-read', 'https://www.example.com')).toBe(false);
    expect(target.devicePermissionHandler?.({})).toBe(false);
    expect(target.simulateDownload()).toBe(true);
  });
});
