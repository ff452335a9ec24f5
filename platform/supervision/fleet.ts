/**
 * The terminal fleet for IT: each terminal's latest heartbeat (sent with its sync calls, nothing
 * personal in it) and the reasons it needs a visit — no contact for a day, data older than the
 * staleness limit, an outbox that keeps growing, dead letters, a clock off by more than five minutes,
 * an app older than the newest one in the fleet.
 */
import type { FastifyRequest } from 'fastify';
import {
  HEARTBEAT_HEADER,
  HEARTBEAT_MAX_CHARS,
  Heartbeat,
  type FleetFlag,
  type FleetQuery,
  type FleetResponse,
  type FleetTerminal,
} from '../../shared/contract';
import { redactIdentifiers } from '../../shared/ids';
import type { Db } from '../db/open';
import { compareVersions as compareParsed, parseVersion } from '../semver';

function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (pa === null || pb === null) return pa === null ? (pb === null ? 0 : -1) : 1;
  return compareParsed(pa, pb);
}

export const FLEET_SCHEMA = `
  CREATE TABLE terminal_heartbeats (
    terminal_id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    department TEXT,
    heartbeat TEXT NOT NULL,
    outbox_trend TEXT NOT NULL
  );
`;

export const NO_CONTACT_HOURS = 24;
/** The client warns on every result after 24 h; a terminal past that needs its data refreshed. */
export const STALE_AFTER_HOURS = 24;
export const CLOCK_SKEW_LIMIT_SECONDS = 5 * 60;
/** Outbox samples kept per terminal, at least this far apart (a burst of sync calls is one sample). */
const TREND_SAMPLES = 6;
const TREND_SPACING_MS = 10 * 60_000;

interface HeartbeatRow {
  terminal_id: string;
  received_at: string;
  department: string | null;
  heartbeat: string;
  outbox_trend: string;
}

/** The heartbeat a request carries, if it carries a well-formed one (anything else is ignored: it is advice, not a command). */
export function heartbeatOf(request: FastifyRequest): Heartbeat | null {
  const raw = request.headers[HEARTBEAT_HEADER.toLowerCase()];
  if (typeof raw !== 'string' || raw.length > HEARTBEAT_MAX_CHARS) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = Heartbeat.safeParse(json);
  if (!parsed.success) return null;
  // Nothing personal: a heartbeat whose text holds an ID number is no heartbeat of ours (IT would see it clear).
  const { appVersion, dataVersion } = parsed.data;
  return [appVersion, dataVersion ?? ''].some((text) => redactIdentifiers(text) !== text) ? null : parsed.data;
}

/** Whether an outbox's depth rose over the last three samples and is not empty. */
export function outboxGrowing(trend: readonly number[]): boolean {
  const last = trend.slice(-3);
  return last.length === 3 && last[0]! < last[1]! && last[1]! < last[2]!;
}

export function flagsOf(
  beat: Heartbeat | null,
  lastContactMs: number | null,
  trend: readonly number[],
  latestVersion: string | null,
  nowMs: number,
): FleetFlag[] {
  const flags: FleetFlag[] = [];
  if (lastContactMs === null || nowMs - lastContactMs > NO_CONTACT_HOURS * 3_600_000) flags.push('no_contact');
  if (!beat) return flags;
  if (beat.dataAgeSeconds === null || beat.dataAgeSeconds > STALE_AFTER_HOURS * 3600) flags.push('stale_data');
  if (outboxGrowing(trend)) flags.push('outbox_growing');
  if (beat.deadLetters > 0) flags.push('dead_letters');
  if (beat.clockSkewSeconds !== null && Math.abs(beat.clockSkewSeconds) > CLOCK_SKEW_LIMIT_SECONDS) flags.push('clock_skew');
  if (latestVersion !== null && compareVersions(beat.appVersion, latestVersion) < 0) flags.push('outdated_version');
  return flags;
}

/** Terminals that must run a version before it counts as released: at least two, and one in twenty of those reporting. */
const RELEASE_QUORUM_SHARE = 0.05;

/**
 * The newest app version enough terminals report to count as released. A heartbeat is the terminal's
 * own say: one terminal (or one clerk with a crafted header) claiming a version nobody runs must not
 * mark the whole fleet outdated and hide the terminals that really are.
 */
export function latestReleased(versions: readonly string[]): string | null {
  const quorum = Math.max(2, Math.ceil(versions.length * RELEASE_QUORUM_SHARE));
  const counts = new Map<string, number>();
  for (const v of versions) counts.set(v, (counts.get(v) ?? 0) + 1);
  let latest: string | null = null;
  for (const [version, n] of counts) if (n >= quorum && (latest === null || compareVersions(version, latest) > 0)) latest = version;
  return latest;
}

export class FleetRepository {
  private readonly getStmt;
  private readonly upsertStmt;
  private readonly listStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], HeartbeatRow>('SELECT * FROM terminal_heartbeats WHERE terminal_id = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO terminal_heartbeats (terminal_id, received_at, department, heartbeat, outbox_trend)
       VALUES (@terminalId, @receivedAt, @department, @heartbeat, @trend)
       ON CONFLICT (terminal_id) DO UPDATE SET received_at = excluded.received_at, department = excluded.department,
         heartbeat = excluded.heartbeat, outbox_trend = excluded.outbox_trend`,
    );
    this.listStmt = db.prepare<[], { id: string; name: string; successor_id: string | null } & Partial<HeartbeatRow>>(
      `SELECT t.id, t.name, t.successor_id, h.received_at, h.department, h.heartbeat, h.outbox_trend
       FROM terminals t LEFT JOIN terminal_heartbeats h ON h.terminal_id = t.id ORDER BY t.id`,
    );
  }

  /**
   * Keeps the terminal's latest heartbeat. `department` is the platform's own knowledge (the signed-in
   * operator's), never the terminal's say.
   */
  record(terminalId: string, beat: Heartbeat, department: string, at: Date): void {
    const previous = this.getStmt.get(terminalId);
    let trend: Array<{ at: number; depth: number }> = previous
      ? (JSON.parse(previous.outbox_trend) as Array<{ at: number; depth: number }>)
      : [];
    const last = trend[trend.length - 1];
    if (last && at.getTime() - last.at < TREND_SPACING_MS) trend = trend.slice(0, -1).concat({ at: last.at, depth: beat.outboxDepth });
    else trend = trend.concat({ at: at.getTime(), depth: beat.outboxDepth }).slice(-TREND_SAMPLES);
    this.upsertStmt.run({
      terminalId,
      receivedAt: at.toISOString(),
      department,
      heartbeat: JSON.stringify(beat),
      trend: JSON.stringify(trend),
    });
  }

  list(query: FleetQuery, now: Date): FleetResponse {
    const rows = this.listStmt.all().filter((r) => r.successor_id === null);
    const beats = rows.map((r) => (r.heartbeat ? Heartbeat.safeParse(JSON.parse(r.heartbeat)) : null));
    const latest = latestReleased(beats.flatMap((b) => (b?.success ? [b.data.appVersion] : [])));
    const all: FleetTerminal[] = rows.map((r, i) => {
      const beat = beats[i]?.success ? beats[i].data : null;
      const trend = r.outbox_trend ? (JSON.parse(r.outbox_trend) as Array<{ depth: number }>).map((s) => s.depth) : [];
      const lastContactMs = r.received_at ? Date.parse(r.received_at) : null;
      return {
        terminalId: r.id,
        name: r.name,
        department: r.department ?? null,
        lastContactAt: r.received_at ?? null,
        heartbeat: beat,
        outboxTrend: trend,
        flags: flagsOf(beat, lastContactMs, trend, latest, now.getTime()),
      };
    });
    const needle = query.q?.toLowerCase();
    const terminals = all.filter(
      (t) =>
        (query.department === undefined || t.department === query.department) &&
        (query.flag === undefined || t.flags.includes(query.flag)) &&
        (query.troubled !== 'true' || t.flags.length > 0) &&
        (needle === undefined || t.terminalId.toLowerCase().includes(needle) || t.name.toLowerCase().includes(needle)),
    );
    // Those that need a visit first, the most reasons first.
    terminals.sort((a, b) => b.flags.length - a.flags.length || a.terminalId.localeCompare(b.terminalId));
    return {
      latestAppVersion: latest,
      staleAfterHours: STALE_AFTER_HOURS,
      terminals,
      counts: { total: all.length, troubled: all.filter((t) => t.flags.length > 0).length },
    };
  }
}

/** Keeps the heartbeat a sync call carries, for the session's own terminal (what it claims about others counts for nothing). */
export function noteHeartbeat(fleet: FleetRepository, request: FastifyRequest, at: Date): void {
  if (!request.auth) return;
  const beat = heartbeatOf(request);
  if (beat) fleet.record(request.auth.terminalId, beat, request.auth.operator.department, at);
}
