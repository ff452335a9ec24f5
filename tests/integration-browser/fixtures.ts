/**
 * Integration fixtures: per worker, the harness page (real renderer modules, built into
 * dist/harness) behind the project's static server; per test, a fresh reference platform on a
 * SQLite file of its own (so it can be restarted or restored from a copy) and a fresh browser
 * context (fresh IndexedDB).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../platform/server';
import type { ListEntry, SyncChange } from '../../shared/contract';
import { PlatformClient } from '../../renderer/src/api/platformClient';
import { serveStatic, type RunningStaticServer } from '../support/staticServer';
import type { HarnessApi, HarnessStartOptions } from './harness/api';

export { expect };

const HARNESS = fileURLToPath(new URL('../../dist/harness', import.meta.url));

export interface StoredMutation {
  id: string;
  seq: number;
  kind: string;
  status: 'accepted' | 'rejected';
  /** Audit records: whether the record continues the terminal's hash chain on the platform. */
  chainOk?: boolean | null;
  chainProblem?: string | null;
}

/** A reference platform that can be stopped, restarted on the same port and database, and restored. */
export class PlatformEnv {
  private running: RunningPlatform | null = null;
  private port = 0;
  readonly dir = mkdtempSync(join(tmpdir(), 'cc-int-'));
  readonly dbFile = join(this.dir, 'platform.db');

  constructor(
    private readonly seed: { subjects: number; entries?: number },
    /** The harness page's origin: the only one whose browser may read the platform's answers. */
    private readonly corsOrigins: string[] = [],
  ) {}

  get url(): string {
    if (!this.running) throw new Error('platform not running');
    return this.running.url;
  }
  get enrolmentCode(): string {
    return this.running!.enrolmentCode;
  }
  get clerk(): { id: string; password: string } {
    return this.running!.operators[0]!;
  }
  /** The platform's snapshot signing key (raw Ed25519, base64). */
  get publicKey(): string {
    return this.running!.publicKey.key;
  }

  async start(): Promise<void> {
    this.running = await startPlatform({
      port: this.port,
      db: this.dbFile,
      subjects: this.seed.subjects,
      ...(this.seed.entries !== undefined ? { entries: this.seed.entries } : {}),
      testControls: true,
      logger: false,
      corsOrigins: this.corsOrigins,
    });
    this.port = this.running.port;
  }

  async stop(): Promise<void> {
    await this.running?.close();
    this.running = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Copies the (closed) database file; restore() brings that state back (a platform restored from backup). */
  snapshot(name: string): void {
    copyFileSync(this.dbFile, join(this.dir, `${name}.db`));
  }
  restore(name: string): void {
    for (const suffix of ['-wal', '-shm']) rmSync(this.dbFile + suffix, { force: true });
    copyFileSync(join(this.dir, `${name}.db`), this.dbFile);
  }

  async control(path: string, method = 'POST', body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/__test${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    if (!response.ok) throw new Error(`${method} /__test${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  /** Block requests the platform answered so far, and the distinct blocks of its newest snapshot. */
  async snapshotState(): Promise<{ blockRequests: number; blocks: number }> {
    const state = (await this.control('/state', 'GET')) as { snapshot: { blockRequests: number; latest: { stats: { blocks: number } } } };
    return { blockRequests: state.snapshot.blockRequests, blocks: state.snapshot.latest.stats.blocks };
  }

  fault(spec: {
    path: string;
    kind: string;
    method?: string;
    ms?: number;
    status?: number;
    times?: number;
    body?: string;
  }): Promise<unknown> {
    return this.control('/faults', 'POST', spec);
  }
  clearFaults(): Promise<unknown> {
    return this.control('/faults', 'DELETE');
  }

  async mutations(terminalId: string): Promise<StoredMutation[]> {
    const { mutations } = (await this.control(`/mutations?terminalId=${encodeURIComponent(terminalId)}`, 'GET')) as {
      mutations: StoredMutation[];
    };
    return mutations;
  }

  /** The platform's current list state, read through its own sync API by a separate terminal. */
  async entries(): Promise<Array<[string, string, string]>> {
    let token: string | null = null;
    const client = new PlatformClient({ platformUrl: this.url, appVersion: '0.1.0', getToken: () => token, adapter: 'http' });
    const terminal = await client.enrol({ enrolmentCode: this.enrolmentCode, name: '一致性校验' });
    const session = await client.createSession({ ...terminal, operatorId: this.clerk.id, password: this.clerk.password });
    token = session.token;
    const state = new Map<string, ListEntry>();
    let cursor: string | null = null;
    for (;;) {
      const page = await client.syncEntries(cursor, 10_000);
      for (const change of page.changes as SyncChange[]) {
        if (change.op === 'put') state.set(change.entry.id, change.entry);
        else state.delete(change.entryId);
      }
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    return [...state.values()]
      .map((e): [string, string, string] => [e.id, e.status, e.updatedAt])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

type Fn = (...args: never[]) => unknown;

/** Calls into window.__cc of the harness page. */
export class Cc {
  constructor(
    readonly page: Page,
    readonly harnessUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.harnessUrl);
    await this.page.waitForFunction(() => document.body.dataset.ready === 'true');
  }

  call<K extends keyof HarnessApi>(
    name: K,
    ...args: HarnessApi[K] extends Fn ? Parameters<HarnessApi[K]> : never
  ): Promise<HarnessApi[K] extends Fn ? Awaited<ReturnType<HarnessApi[K]>> : never> {
    return this.page.evaluate(
      ([n, a]) => {
        const api = (globalThis as unknown as { __cc: Record<string, (...x: unknown[]) => unknown> }).__cc;
        return api[n]!(...a);
      },
      [name, args] as [string, unknown[]],
    ) as never;
  }

  /** Start, enrol and log in as the clerk, without pulling; returns the terminal id. */
  async enrolAndLogin(env: PlatformEnv, options: HarnessStartOptions = {}): Promise<string> {
    await this.call('start', options);
    const enrolled = await this.call('enrol', env.url, env.enrolmentCode);
    expect(enrolled.ok).toBe(true);
    await this.login(env);
    return (await this.call('terminalId'))!;
  }

  /** Start, enrol, log in as the clerk and pull the lists once. */
  async setUp(env: PlatformEnv, options: HarnessStartOptions = {}): Promise<string> {
    const terminalId = await this.enrolAndLogin(env, options);
    const status = await this.call('syncNow');
    expect(status.lastError).toBeNull();
    return terminalId;
  }

  async login(env: PlatformEnv): Promise<void> {
    const login = await this.call('login', env.clerk.id, env.clerk.password);
    expect(login).toMatchObject({ ok: true, value: { mode: 'online' } });
  }

  /** Reload the page (the app "crashes" and restarts) and start the core again on the same databases. */
  async reload(options: HarnessStartOptions = {}): Promise<void> {
    await this.page.reload();
    await this.page.waitForFunction(() => document.body.dataset.ready === 'true');
    await this.call('start', options);
  }

  async waitFor(predicate: (s: Awaited<ReturnType<HarnessApi['status']>>) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (predicate(await this.call('status'))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(await this.call('status'))}`);
  }
}

/**
 * After every scenario: nothing lost (every mutation the terminal made is on the platform, or
 * dead-lettered with a reason), nothing applied twice (ids unique, seqs 1..N without a gap), and
 * the list cache equal to the platform's state.
 */
export async function expectConsistent(
  cc: Cc,
  env: PlatformEnv,
  terminalId: string | string[],
  options: { lists?: boolean } = {},
): Promise<void> {
  const journal = await cc.call('journal');
  expect(journal.outbox).toEqual([]);
  // Every identity the PC had (a re-enrolled PC delivers its predecessors' records under their ids).
  for (const id of typeof terminalId === 'string' ? [terminalId] : terminalId) {
    const stored = await env.mutations(id);
    const ids = stored.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stored.map((m) => m.seq).sort((a, b) => a - b)).toEqual(stored.map((_, i) => i + 1));
    const mine = <T extends { terminalId: string }>(rows: T[]) => rows.filter((r) => r.terminalId === id);
    const local = [...mine(journal.delivered), ...mine(journal.dead)].map((m) => m.id).sort();
    expect([...ids].sort()).toEqual(local);
    const rejected = stored
      .filter((m) => m.status === 'rejected')
      .map((m) => m.id)
      .sort();
    expect(rejected).toEqual(
      mine(journal.dead)
        .map((d) => d.id)
        .sort(),
    );
  }
  if (options.lists !== false) expect(await cc.call('entries')).toEqual(await env.entries());
  expect(await cc.call('verifyAudit')).toMatchObject({ ok: true });
}

export const test = base.extend<{ env: PlatformEnv; cc: Cc }, { harness: RunningStaticServer }>({
  harness: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await serveStatic({ root: HARNESS });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  env: async ({ harness }, use) => {
    const env = new PlatformEnv({ subjects: 400, entries: 1_000 }, [harness.url]);
    await env.start();
    await use(env);
    await env.stop();
    env.dispose();
  },
  cc: async ({ page, harness }, use) => {
    const cc = new Cc(page, harness.url);
    await cc.open();
    await use(cc);
    await cc.call('close').catch(() => undefined);
  },
});
