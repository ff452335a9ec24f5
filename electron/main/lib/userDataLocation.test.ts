import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync as realRename, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateUserData, userDataLocation } from './userDataLocation';

describe('where user data lives', () => {
  it('on Windows in the machine-local %LOCALAPPDATA%, never the roaming %APPDATA%', () => {
    const location = userDataLocation(
      'win32',
      { appData: 'C:\\Users\\clerk\\AppData\\Roaming', home: 'C:\\Users\\clerk' },
      { LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local' },
    );
    expect(location).toEqual({
      current: 'C:\\Users\\clerk\\AppData\\Local\\CreditCounter',
      legacy: 'C:\\Users\\clerk\\AppData\\Roaming\\CreditCounter',
    });
  });

  it('without a usable LOCALAPPDATA, in the profile’s AppData\\Local', () => {
    for (const LOCALAPPDATA of [undefined, '', 'relative\\dir', '\\\\server\\profiles\\clerk\\Local']) {
      expect(
        userDataLocation('win32', { appData: 'C:\\Users\\clerk\\AppData\\Roaming', home: 'C:\\Users\\clerk' }, { LOCALAPPDATA }).current,
      ).toBe('C:\\Users\\clerk\\AppData\\Local\\CreditCounter');
    }
  });

  it('on Linux in ~/.config, which does not roam (nothing to migrate)', () => {
    expect(userDataLocation('linux', { appData: '/home/clerk/.config', home: '/home/clerk' }, {})).toEqual({
      current: '/home/clerk/.config/CreditCounter',
      legacy: null,
    });
  });
});

describe('one-time migration of an existing install', () => {
  let root: string;
  let roaming: string;
  let local: string;
  const journalFile = join('IndexedDB', 'app_credit-counter_0.indexeddb.leveldb', '000003.log');
  // Stand-ins for the LevelDB files that hold the journal: unsent outbox records and the audit chain.
  const unsentRecords = Buffer.from(
    JSON.stringify({
      outbox: [
        { id: '0193f0a2-7b1c-7def-8123-456789abcdef', seq: 41, kind: 'check' },
        { seq: 42, kind: 'feedback' },
      ],
    }) +
      '\u0000'.repeat(3) +
      String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)),
    'latin1',
  );

  function seedRoamingInstall(): void {
    mkdirSync(join(roaming, 'IndexedDB', 'app_credit-counter_0.indexeddb.leveldb'), { recursive: true });
    writeFileSync(join(roaming, journalFile), unsentRecords);
    writeFileSync(join(roaming, 'IndexedDB', 'app_credit-counter_0.indexeddb.leveldb', 'CURRENT'), 'MANIFEST-000001\n');
    writeFileSync(join(roaming, 'terminal-secret.bin'), Buffer.from([1, 2, 3, 250]));
    mkdirSync(join(roaming, 'logs'));
    writeFileSync(join(roaming, 'logs', 'main.log'), 'started\n');
    writeFileSync(join(roaming, 'Local State'), '{"os_crypt":{}}');
  }

  function expectJournalIntactAt(dir: string): void {
    expect(readFileSync(join(dir, journalFile)).equals(unsentRecords)).toBe(true);
    expect(readFileSync(join(dir, 'IndexedDB', 'app_credit-counter_0.indexeddb.leveldb', 'CURRENT'), 'utf8')).toBe('MANIFEST-000001\n');
    expect([...readFileSync(join(dir, 'terminal-secret.bin'))]).toEqual([1, 2, 3, 250]);
    expect(readFileSync(join(dir, 'logs', 'main.log'), 'utf8')).toBe('started\n');
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cc-userdata-'));
    roaming = join(root, 'Roaming', 'CreditCounter');
    local = join(root, 'Local', 'CreditCounter');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('moves the roaming folder, journal and secret intact, and does it only once', () => {
    seedRoamingInstall();
    const result = migrateUserData(roaming, local);
    expect(result.kind).toBe('moved');
    expect(result.userData).toBe(local);
    expectJournalIntactAt(local);
    expect(existsSync(roaming)).toBe(false);

    const again = migrateUserData(roaming, local);
    expect(again).toMatchObject({ kind: 'none', userData: local });
    expectJournalIntactAt(local);
  });

  it('copies and verifies when the roaming folder is on another volume (folder redirection), then removes it', () => {
    seedRoamingInstall();
    const result = migrateUserData(roaming, local, {
      renameSync: (from, to) => {
        if (from === roaming) throw Object.assign(new Error('cross-device link not permitted'), { code: 'EXDEV' });
        realRename(from, to);
      },
    });
    expect(result.kind).toBe('copied');
    expectJournalIntactAt(local);
    expect(existsSync(roaming)).toBe(false);
    expect(readdirSync(join(root, 'Local'))).toEqual(['CreditCounter']);
  });

  it('throws away a staging copy an interrupted migration left behind and copies again', () => {
    seedRoamingInstall();
    mkdirSync(`${local}.migrating`, { recursive: true });
    writeFileSync(join(`${local}.migrating`, 'half.log'), 'x');
    const result = migrateUserData(roaming, local, {
      renameSync: (from, to) => {
        if (from === roaming) throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
        realRename(from, to);
      },
    });
    expect(result.kind).toBe('copied');
    expect(existsSync(join(local, 'half.log'))).toBe(false);
    expectJournalIntactAt(local);
  });

  it('leaves the roaming folder alone while another instance of the app is using it, even on another volume', () => {
    // A first start whose migration failed keeps running on the roaming folder; a second start (a clerk
    // double-clicking again) runs the migration before the single-instance check. On the same volume the
    // rename fails on the open files; across volumes a copy would be taken under the running instance, the
    // original deleted where Windows lets it, and the second instance would run on the copy — every record the
    // first one journals afterwards lost. Chromium keeps "lockfile" open (delete-on-close) while it runs.
    seedRoamingInstall();
    writeFileSync(join(roaming, 'lockfile'), '');
    const result = migrateUserData(roaming, local, {
      renameSync: (from, to) => {
        if (from === roaming) throw Object.assign(new Error('cross-device link not permitted'), { code: 'EXDEV' });
        realRename(from, to);
      },
    });
    expect(result.kind).toBe('failed');
    expect(result.userData).toBe(roaming);
    expect(result.message).toMatch(/正在被另一个运行中的窗口端使用/);
    expectJournalIntactAt(roaming);
    expect(existsSync(local)).toBe(false);
    expect(existsSync(`${local}.migrating`)).toBe(false);
  });

  it('keeps using the roaming folder for this start when the move fails (files in use), and tries again next time', () => {
    seedRoamingInstall();
    const result = migrateUserData(roaming, local, {
      renameSync: () => {
        throw Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });
      },
    });
    expect(result.kind).toBe('failed');
    expect(result.userData).toBe(roaming);
    expect(result.message).toMatch(/EBUSY|busy/);
    expectJournalIntactAt(roaming);
    expect(existsSync(local)).toBe(false);

    expect(migrateUserData(roaming, local).kind).toBe('moved');
    expectJournalIntactAt(local);
  });

  it('never overwrites a local folder that already holds data: both stay, and IT is told', () => {
    seedRoamingInstall();
    mkdirSync(join(local, 'IndexedDB'), { recursive: true });
    writeFileSync(join(local, 'terminal-secret.bin'), 'local');
    const result = migrateUserData(roaming, local);
    expect(result.kind).toBe('skipped');
    expect(result.userData).toBe(local);
    expect(result.message).toContain(roaming);
    expect(readFileSync(join(local, 'terminal-secret.bin'), 'utf8')).toBe('local');
    expectJournalIntactAt(roaming);
  });

  it('moves into an empty local folder', () => {
    seedRoamingInstall();
    mkdirSync(local, { recursive: true });
    expect(migrateUserData(roaming, local).kind).toBe('moved');
    expectJournalIntactAt(local);
  });

  it('has nothing to do on a new install or on Linux', () => {
    expect(migrateUserData(roaming, local)).toMatchObject({ kind: 'none', userData: local });
    expect(migrateUserData(null, local)).toMatchObject({ kind: 'none', userData: local });
  });
});
