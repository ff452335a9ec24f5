import { EventEmitter } from 'node:events';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gateUpdates, type GatedUpdater } from './updateGate';
import { signUpdate } from './updateSignature';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** electron-updater's autoUpdater as the gate drives it: the flag, the event and install(). */
class FakeUpdater extends EventEmitter implements GatedUpdater {
  autoInstallOnAppQuit = true;
  installs: [boolean, boolean][] = [];
  install(isSilent: boolean, isForceRunAfter: boolean): boolean {
    this.installs.push([isSilent, isForceRunAfter]);
    return true;
  }
}

let dir: string;
let updater: FakeUpdater;
let quit: ((exitCode: number) => void) | undefined;
let signatures: Map<string, string>;
let logged: string[];
const name = 'CreditCounter-0.2.0-linux-x86_64.AppImage';
const bytes = Buffer.from('an AppImage, version 0.2.0');

function start(): void {
  gateUpdates({
    updater,
    onQuit: (handler) => {
      quit = handler;
    },
    fetchSignature: async (fileName) => {
      const text = signatures.get(fileName);
      if (text === undefined) throw new Error('HTTP 404');
      return text;
    },
    publicKey: publicPem,
    log: { info: (m) => logged.push(`info ${m}`), error: (m) => logged.push(`error ${m}`) },
  });
}

async function download(file = join(dir, name), version = '0.2.0'): Promise<void> {
  updater.emit('update-downloaded', { version, downloadedFile: file });
  await new Promise((resolve) => setTimeout(resolve, 20));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-update-'));
  writeFileSync(join(dir, name), bytes);
  updater = new FakeUpdater();
  quit = undefined;
  signatures = new Map([[name, JSON.stringify(signUpdate(bytes, { file: name, version: '0.2.0' }, privatePem))]]);
  logged = [];
  start();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('update gate', () => {
  it('never lets electron-updater install on its own', () => {
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('installs a verified update when the clerk quits the app, never before', async () => {
    await download();
    expect(updater.installs).toEqual([]);
    expect(logged.join('\n')).toMatch(/已验证/);
    quit?.(0);
    expect(updater.installs).toEqual([[true, false]]);
  });

  it('does not install a file tampered with after download (checked again at quit)', async () => {
    await download();
    writeFileSync(join(dir, name), Buffer.concat([bytes, Buffer.from('!')]));
    quit?.(0);
    expect(updater.installs).toEqual([]);
    expect(logged.join('\n')).toMatch(/error .*不一致/);
  });

  it('does not install a download whose signature is missing, forged or for another version', async () => {
    signatures.clear();
    await download();
    quit?.(0);
    expect(updater.installs).toEqual([]);
    expect(logged.join('\n')).toMatch(/无法获取更新签名/);

    const other = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    signatures.set(name, JSON.stringify(signUpdate(bytes, { file: name, version: '0.2.0' }, other)));
    await download();
    quit?.(0);
    signatures.set(name, JSON.stringify(signUpdate(bytes, { file: name, version: '0.2.0' }, privatePem)));
    await download(join(dir, name), '0.3.0');
    quit?.(0);
    expect(updater.installs).toEqual([]);
  });

  it('does not install when the app exits with an error', async () => {
    await download();
    quit?.(1);
    expect(updater.installs).toEqual([]);
  });
});
