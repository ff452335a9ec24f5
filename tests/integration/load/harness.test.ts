/**
 * The load harness at a tiny size: its own platform and terminals processes start and stop, every
 * scenario reports one JSON line with the keys the README's figures come from, and the
 * reconciliation finds every queued record on the platform exactly once — and, when the platform is
 * made to lose one record it had accepted (a test control, in the reconnect scenario), reports that
 * very record lost, in that scenario and every later one. Timings are not asserted (they are the
 * harness's output, for a quiet machine).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('npm run load', () => {
  it('runs steady, reconnect and resync for 5 terminals, loses or duplicates nothing, and catches a record the platform lost', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/load/run.ts',
        '--terminals',
        '5',
        '--entries',
        '200',
        '--duration',
        '3',
        '--queued',
        '12',
        '--lookup-every',
        '1',
        '--poll-every',
        '2',
        '--spread-scale',
        '0.02',
        '--lose-record-in',
        'reconnect',
        '--json',
      ],
      { cwd: ROOT, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.scenario)).toEqual(['steady', 'reconnect', 'resync']);
    for (const line of lines) {
      for (const key of [
        'scenario',
        'terminals',
        'healthP99Ms',
        'lookupP99Ms',
        'peakOverSteady',
        'drainSeconds',
        'ingestPerSec',
        'lost',
        'duplicated',
      ]) {
        expect(line, `${String(line.scenario)} has ${key}`).toHaveProperty(key);
      }
      expect(line.terminals).toBe(5);
      expect(line.duplicated, String(line.scenario)).toBe(0);
      expect(line.chainBroken, String(line.scenario)).toBe(0);
      expect(line.terminalsBehind, String(line.scenario)).toBe(0);
    }
    const [steady, reconnect, resync] = lines as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    // Nothing lost under load…
    expect(steady.lost).toBe(0);
    expect(steady.lostIds).toEqual([]);
    // …until the platform loses one delivered record: the reconciliation names exactly that one, and keeps finding it missing.
    expect(typeof reconnect.madeLost).toBe('string');
    expect(reconnect.lost).toBe(1);
    expect(reconnect.lostIds).toEqual([reconnect.madeLost]);
    expect(resync.lost).toBe(1);
    expect(resync.lostIds).toEqual([reconnect.madeLost]);
    // Every terminal delivered the 12 records it queued during the outage.
    expect(reconnect.accepted).toBe(60);
    // Every terminal rebuilt from the new epoch's full state.
    expect(resync.syncMegabytes).toBeGreaterThan(0);
  }, 300_000);
});
