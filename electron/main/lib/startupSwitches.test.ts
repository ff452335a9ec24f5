import { describe, expect, it } from 'vitest';
import { devToolsEnabled, refusedStartupSwitches, runsPackaged } from './startupSwitches';

const none = () => false;

describe('switches a packaged app refuses at start', () => {
  it('finds remote debugging, inspector and V8 flags however they are written', () => {
    expect(refusedStartupSwitches(['credit-counter.exe', '--remote-debugging-port=9222'], none, 'win32')).toEqual([
      'remote-debugging-port',
    ]);
    expect(refusedStartupSwitches(['credit-counter', '--remote-debugging-pipe'], none, 'linux')).toEqual(['remote-debugging-pipe']);
    expect(refusedStartupSwitches(['x.exe', '-Remote-Debugging-Port=0'], none, 'win32')).toEqual(['remote-debugging-port']);
    expect(refusedStartupSwitches(['x.exe', '/remote-debugging-port=9222'], none, 'win32')).toEqual(['remote-debugging-port']);
    expect(refusedStartupSwitches(['x', '--inspect-brk=9229', '--js-flags=--allow-natives-syntax'], none, 'linux')).toEqual([
      'inspect-brk',
      'js-flags',
    ]);
  });

  it('also refuses switches that switch off TLS checks, the sandbox or the managed proxy', () => {
    const argv = [
      'x',
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--proxy-server=evil:3128',
      '--disable-web-security',
      '--host-resolver-rules=MAP * 10.0.0.1',
    ];
    expect(refusedStartupSwitches(argv, none, 'linux')).toEqual([
      'ignore-certificate-errors',
      'no-sandbox',
      'proxy-server',
      'disable-web-security',
      'host-resolver-rules',
    ]);
  });

  it('also refuses switches that run another program as a child process or record the traffic to a file', () => {
    // A clerk's program as the network service (or a prefix wrapped around the renderer) sees the secret and
    // the session in memory; a net log with socket bytes or a TLS key log has them on disk.
    const argv = [
      'x.exe',
      '--browser-subprocess-path=C:\\Users\\clerk\\spy.exe',
      '--renderer-cmd-prefix=gdb --args',
      '--gpu-launcher=C:\\Users\\clerk\\spy.exe',
      '--utility-cmd-prefix=C:\\Users\\clerk\\spy.exe',
      '--log-net-log=C:\\Users\\clerk\\net.json',
      '--net-log-capture-mode=Everything',
      '--ssl-key-log-file=C:\\Users\\clerk\\keys.txt',
    ];
    expect(refusedStartupSwitches(argv, none, 'win32')).toEqual([
      'browser-subprocess-path',
      'renderer-cmd-prefix',
      'gpu-launcher',
      'utility-cmd-prefix',
      'log-net-log',
      'net-log-capture-mode',
      'ssl-key-log-file',
    ]);
  });

  it('asks Chromium’s own parse too, so a switch it accepted in another spelling is caught', () => {
    expect(refusedStartupSwitches(['x'], (name) => name === 'remote-debugging-port', 'linux')).toEqual(['remote-debugging-port']);
  });

  it('leaves configuration keys, the app path and arguments after "--" alone', () => {
    expect(
      refusedStartupSwitches(['x', '/opt/app', '--terminal-name=窗口 1', '--kiosk', '--', '--remote-debugging-port=1'], none, 'linux'),
    ).toEqual([]);
    // On Linux "/" starts a path, not a switch.
    expect(refusedStartupSwitches(['x', '/remote-debugging-port=9222'], none, 'linux')).toEqual([]);
  });
});

describe('developer tools', () => {
  it('are on in development runs and off in packaged builds unless a managed support key turns them on', () => {
    expect(devToolsEnabled({ packaged: false, allowDevTools: false })).toBe(true);
    expect(devToolsEnabled({ packaged: true, allowDevTools: false })).toBe(false);
    expect(devToolsEnabled({ packaged: true, allowDevTools: true })).toBe(true);
  });
});

describe('what counts as the installed app', () => {
  it('a build that runs from app.asar, even from a copy whose executable was renamed electron.exe', () => {
    // Electron's app.isPackaged only looks at the executable's name: a copy of the signed program folder with
    // CreditCounter.exe renamed to electron.exe would get developer tools, debugging switches and security
    // settings from the command line. The installed build always runs from resources\app.asar (fuse).
    expect(runsPackaged({ isPackaged: false, appPath: 'C:\\Users\\clerk\\Desktop\\cc\\resources\\app.asar' })).toBe(true);
    expect(runsPackaged({ isPackaged: false, appPath: '/home/clerk/cc/resources/APP.ASAR' })).toBe(true);
    expect(runsPackaged({ isPackaged: true, appPath: 'C:\\Program Files\\CreditCounter\\resources\\app.asar' })).toBe(true);
    // Development runs and the e2e tests start Electron on the project folder.
    expect(runsPackaged({ isPackaged: false, appPath: '/work/credit-counter' })).toBe(false);
  });
});
