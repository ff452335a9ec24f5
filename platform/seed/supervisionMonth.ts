/**
 * A month of a city's counters, for the supervision dashboard and the fleet view: terminals in several
 * service centres, their clerks, checks with the feedback on their measures (most applied, some
 * declined with a reason code, a few deferred or left open), commitments, checks made offline and
 * delivered late, dead letters and their resubmission, records under an older catalogue, a broken audit
 * chain — and each terminal's latest heartbeat, a few of them in trouble. Deterministic for a seed;
 * the demo writes 30 terminals and a few thousand checks, the benchmark a million checks.
 */
import type { Catalogue, CheckBody, CheckResult, FeedbackBody, Heartbeat, Matter, Measure, MutationKind } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { UNKNOWN_OPERATOR_HASH } from '../auth/passwords';
import type { PlatformContext } from '../context';
import type { StoredMutation } from '../db/mutations';
import { makeResidentId } from './identifiers';
import { createRng, deriveSeed, type Rng } from './prng';

export interface MonthParams {
  seed: number;
  /** First China day of the month written, and how many days. */
  firstDay: string;
  days: number;
  departments: readonly string[];
  terminalsPerDepartment: number;
  /** Checks over the whole month and all terminals (weekends get a tenth of a weekday's). */
  checks: number;
  /** Write each terminal's heartbeat as received at this time (null: none; the demo writes them at every start). */
  heartbeatsAt: Date | null;
}

export const DEMO_MONTH: Omit<MonthParams, 'heartbeatsAt'> = {
  seed: 20_261_101,
  firstDay: '2026-11-01',
  days: 30,
  departments: [
    '环翠区政务服务中心',
    '高区政务服务中心',
    '经区政务服务中心',
    '文登区政务服务中心',
    '荣成市政务服务中心',
    '乳山市政务服务中心',
  ],
  terminalsPerDepartment: 5,
  checks: 3_000,
};

/** The demo's terminals in trouble, by their index in the fleet, and what is wrong with each. */
export const TROUBLED_DEMO_TERMINALS: Record<number, string> = {
  3: 'no_contact',
  8: 'stale_data',
  14: 'outbox_growing',
  19: 'dead_letters',
  24: 'clock_skew',
  28: 'outdated_version',
};

export const DEMO_APP_VERSION = '0.1.0';
const OLD_APP_VERSION = '0.0.9';
/** The catalogue version an out-of-date terminal kept using. */
export const OLD_CATALOGUE_VERSION = '2026.10-WH-04';

const RESULTS: Array<[CheckResult, number]> = [
  ['CLEAN', 0.7],
  ['BLACK', 0.13],
  ['RED', 0.1],
  ['BOTH', 0.02],
  ['WARNING', 0.05],
];

export interface SeededTerminal {
  id: string;
  name: string;
  department: string;
  operators: [string, string];
}

export interface MonthSummary {
  terminals: SeededTerminal[];
  checks: number;
  records: number;
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.int(0, 15).toString(16);
  return s;
}

/** A UUIDv7-shaped id from the seed (the time part from `ms`, so ids sort like the records). */
function seededUuid(rng: Rng, ms: number): string {
  const t = ms.toString(16).padStart(12, '0').slice(-12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(rng, 3)}-${'89ab'[rng.int(0, 3)]}${hex(rng, 3)}-${hex(rng, 12)}`;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)]!;
}

function pickWeighted<T>(rng: Rng, table: ReadonlyArray<[T, number]>): T {
  let r = rng.next();
  for (const [value, weight] of table) if ((r -= weight) < 0) return value;
  return table[table.length - 1]![0];
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

function chinaInstant(day: string, minuteOfDay: number): number {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS + minuteOfDay * 60_000;
}

function measuresFor(catalogue: Catalogue, matter: Matter, result: CheckResult, rng: Rng): Measure[] {
  const own = catalogue.measures.filter((m) => matter.measures.includes(m.code));
  const punishments = own.filter((m) => m.polarity === 'PUNISHMENT');
  const incentives = own.filter((m) => m.polarity === 'INCENTIVE');
  const out: Measure[] = [];
  if ((result === 'BLACK' || result === 'BOTH') && punishments.length > 0) {
    out.push(pick(rng, punishments));
    if (punishments.length > 1 && rng.chance(0.4)) out.push(pick(rng, punishments));
  }
  if ((result === 'RED' || result === 'BOTH') && incentives.length > 0) out.push(pick(rng, incentives));
  return [...new Map(out.map((m) => [m.code, m])).values()];
}

/**
 * Writes the month into the platform's records through the same facts as pushed records, in
 * transactions of a few thousand checks. Returns the terminals written.
 */
export function seedSupervisionMonth(ctx: PlatformContext, params: MonthParams): MonthSummary {
  const rng = createRng(deriveSeed(params.seed, 'supervision-month'));
  const catalogue = ctx.catalogue.catalogue;
  const reasons = (catalogue.declineReasons ?? []).map((r) => r.code);
  const enrolledAt = new Date(chinaInstant(addDays(params.firstDay, -20), 9 * 60)).toISOString();

  const terminals: SeededTerminal[] = [];
  const writeAccounts = ctx.db.transaction(() => {
    params.departments.forEach((department, d) => {
      for (let i = 0; i < params.terminalsPerDepartment; i++) {
        const n = terminals.length;
        const id = seededUuid(rng, Date.parse(enrolledAt) + n);
        const operators: [string, string] = [
          `w${String(d + 1).padStart(2, '0')}${String(i * 2 + 1).padStart(3, '0')}`,
          `w${String(d + 1).padStart(2, '0')}${String(i * 2 + 2).padStart(3, '0')}`,
        ];
        terminals.push({ id, name: `${department.replace(/政务服务中心$/, '')} ${i + 1} 号窗口`, department, operators });
        ctx.terminals.insert(id, terminals[n]!.name, UNKNOWN_OPERATOR_HASH, enrolledAt);
        for (const [k, operatorId] of operators.entries()) {
          if (ctx.operators.get(operatorId)) continue;
          ctx.operators.upsert({
            id: operatorId,
            name: `${['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'][(n * 2 + k) % 10]}${['敏', '静', '伟', '芳', '磊', '洋', '勇', '娟', '涛', '霞'][(n * 3 + k * 7) % 10]}`,
            department,
            roles: ['clerk'],
            passwordHash: UNKNOWN_OPERATOR_HASH,
          });
        }
      }
    });
  });
  writeAccounts();

  const nextSeq = new Map(terminals.map((t) => [t.id, 1]));
  let records = 0;
  const write = (
    terminal: SeededTerminal,
    kind: MutationKind,
    operatorId: string,
    occurredMs: number,
    receivedMs: number,
    body: unknown,
    extra: Partial<StoredMutation> = {},
  ): string => {
    const seq = nextSeq.get(terminal.id)!;
    nextSeq.set(terminal.id, seq + 1);
    const record: StoredMutation & { checkId: string | null } = {
      id: seededUuid(rng, occurredMs),
      terminalId: terminal.id,
      seq,
      kind,
      operatorId,
      occurredAt: new Date(occurredMs).toISOString(),
      receivedAt: new Date(receivedMs).toISOString(),
      body,
      fingerprint: 'seeded',
      status: 'accepted',
      problem: null,
      chainOk: null,
      chainProblem: null,
      deliveredBy: operatorId,
      catalogueNote: null,
      resubmits: null,
      checkId: kind === 'audit' ? null : ((body as { checkId?: string | null }).checkId ?? null),
      ...extra,
    };
    ctx.mutations.insert(record);
    ctx.supervision.record(record);
    records++;
    return record.id;
  };

  // Weekdays carry the work; weekends a tenth of it.
  const dayWeights = Array.from({ length: params.days }, (_, i) => {
    const weekday = new Date(`${addDays(params.firstDay, i)}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 ? 0.1 : 1;
  });
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);
  const troubledIndex = (flag: string) => Number(Object.entries(TROUBLED_DEMO_TERMINALS).find(([, f]) => f === flag)?.[0] ?? -1);
  const oldCatalogueTerminal = troubledIndex('outdated_version');
  const offlineTerminal = troubledIndex('outbox_growing');
  const deadLetterTerminal = troubledIndex('dead_letters');

  let written = 0;
  const BATCH = 5_000;
  ctx.db.exec('BEGIN');
  try {
    for (let day = 0; day < params.days; day++) {
      const date = addDays(params.firstDay, day);
      const todays = Math.round((params.checks * dayWeights[day]!) / weightSum);
      for (let c = 0; c < todays && written < params.checks; c++) {
        const tIndex = rng.int(0, terminals.length - 1);
        const terminal = terminals[tIndex]!;
        const operatorId = terminal.operators[rng.int(0, 1)]!;
        const occurredMs = chinaInstant(date, rng.int(8 * 60 + 30, 17 * 60 + 30)) + rng.int(0, 59_999);
        const offline = rng.chance(tIndex === offlineTerminal ? 0.5 : 0.06);
        // Offline checks reach the platform when the line is back: hours, sometimes days later.
        const delivered = occurredMs + (offline ? rng.int(30, 60 * 72) * 60_000 : rng.int(1, 20) * 1000);
        const matter = pick(rng, catalogue.matters);
        const result = pickWeighted(rng, RESULTS);
        const measures = measuresFor(catalogue, matter, result, rng);
        const checkId = `chk-${hex(rng, 16)}`;
        const check: CheckBody = {
          checkId,
          matterCode: matter.code,
          caseNo: `${matter.code}-${date.replaceAll('-', '')}-${String(c + 1).padStart(4, '0')}`,
          subjectIdentifier: makeResidentId(rng, '371002', addDays('1960-01-01', rng.int(0, 15_000)), rng.chance(0.5)),
          subjectKind: 'PERSON',
          subjectName: `${pick(rng, ['张', '王', '李', '赵', '孙', '周'])}${pick(rng, ['建国', '秀英', '海波', '丽华', '志强', '晓燕'])}`,
          result,
          triggeredMeasures: measures.map((m) => m.code),
          dataVersion: 'E1.0',
          source: offline ? 'offline' : 'online',
          dataAgeSeconds: offline ? rng.int(3600, 3 * 86_400) : rng.int(0, 3600),
          catalogueVersion: tIndex === oldCatalogueTerminal ? OLD_CATALOGUE_VERSION : catalogue.version,
        };
        write(terminal, 'check', operatorId, occurredMs, delivered, check);
        for (const m of measures) {
          const fbAt = occurredMs + rng.int(1, 6) * 60_000;
          const fbReceived = Math.max(fbAt + 2000, delivered) + (rng.chance(0.1) ? rng.int(1, 48) * 3_600_000 : 0);
          const base: FeedbackBody = {
            feedbackId: `fb-${hex(rng, 16)}`,
            checkId,
            matterCode: matter.code,
            measureCode: m.code,
            decision: 'APPLIED',
            department: matter.department,
            dataVersion: 'E1.0',
          };
          const roll = rng.next();
          if (roll < 0.06) continue; // left open
          if (m.obligation === 'MUST' && roll < 0.1) {
            const deferredId = base.feedbackId;
            write(terminal, 'feedback', operatorId, fbAt, fbReceived, { ...base, decision: 'DEFERRED', reason: '申请人补充材料后再定' });
            if (rng.chance(0.5)) {
              const at = fbAt + rng.int(1, 48) * 3_600_000;
              write(terminal, 'feedback', operatorId, at, at + 5000, {
                ...base,
                feedbackId: `fb-${hex(rng, 16)}`,
                decision: 'APPLIED',
                resolves: deferredId,
              });
            }
            continue;
          }
          const declined = rng.chance(m.obligation === 'MUST' ? 0.1 : 0.35);
          const other = !declined && rng.chance(0.04);
          const body: FeedbackBody = declined
            ? {
                ...base,
                decision: 'NOT_APPLIED',
                reasonCode: pickWeighted(
                  rng,
                  reasons.map((r, i): [string, number] => [r, [0.3, 0.25, 0.15, 0.12, 0.08, 0.1][i] ?? 0.05]),
                ),
                reason: '经窗口核实',
              }
            : { ...base, decision: other ? 'OTHER_MEASURE' : 'APPLIED', content: m.title };
          write(terminal, 'feedback', operatorId, fbAt, fbReceived, body);
        }
        if (rng.chance(0.05)) {
          write(terminal, 'commitment', operatorId, occurredMs + 120_000, delivered + 120_000, {
            commitmentId: `cm-${hex(rng, 16)}`,
            checkId,
            matterCode: matter.code,
            caseNo: check.caseNo,
            subjectIdentifier: check.subjectIdentifier,
            subjectKind: check.subjectKind,
            kind: pick(
              rng,
              (catalogue.commitmentKinds ?? [{ name: '信用修复型承诺' }]).map((k) => k.name),
            ),
            text: '本人承诺所提交材料真实有效，如有不实愿承担相应责任。',
            dueOn: null,
          });
        }
        if (tIndex === deadLetterTerminal && rng.chance(0.15)) {
          // A feedback naming a measure the matter does not list: refused for good, some resubmitted corrected.
          const at = occurredMs + 300_000;
          const rejectedId = write(
            terminal,
            'feedback',
            operatorId,
            at,
            delivered + 300_000,
            {
              feedbackId: `fb-${hex(rng, 16)}`,
              checkId,
              matterCode: matter.code,
              measureCode: 'UNKNOWN-MEASURE',
              decision: 'APPLIED',
              department: matter.department,
              dataVersion: 'E1.0',
            },
            {
              status: 'rejected',
              problem: {
                type: 'about:blank',
                title: '记录不符合业务规则',
                status: 422,
                code: 'business_rule',
                detail: '该事项的清单中没有此措施',
              },
            },
          );
          if (rng.chance(0.5)) {
            write(
              terminal,
              'audit',
              operatorId,
              at + 600_000,
              at + 600_000,
              auditBody(terminal, operatorId, at + 600_000, 'DEAD_LETTER_RESUBMIT'),
              { resubmits: rejectedId },
            );
          }
        }
        if (++written % BATCH === 0) ctx.db.exec('COMMIT; BEGIN');
      }
    }
    // One terminal's audit chain was broken (its journal restored from an older copy).
    const broken = terminals[troubledIndex('clock_skew')];
    if (broken) {
      const at = chinaInstant(addDays(params.firstDay, Math.min(20, params.days - 1)), 10 * 60);
      write(broken, 'audit', broken.operators[0], at, at + 1000, auditBody(broken, broken.operators[0], at, 'LOGIN'), {
        chainOk: false,
        chainProblem: '审计链在此中断：前一条记录的哈希不符',
      });
    }
    for (const t of terminals) ctx.db.prepare('UPDATE terminals SET next_seq = ? WHERE id = ?').run(nextSeq.get(t.id)!, t.id);
    ctx.db.exec('COMMIT');
  } catch (error) {
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    throw error;
  }

  if (params.heartbeatsAt) writeDemoHeartbeats(ctx, terminals, params.heartbeatsAt, params.seed);
  return { terminals, checks: written, records };
}

function auditBody(terminal: SeededTerminal, actor: string, atMs: number, action: string) {
  return {
    chainSeq: 0,
    action,
    actor,
    terminalId: terminal.id,
    at: new Date(atMs).toISOString(),
    purpose: null,
    subjectHash: null,
    subjectMasked: null,
    outcome: 'ok',
    detail: null,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

/**
 * Each terminal's latest heartbeats (the growing outbox as a series of them), as received shortly
 * before `at`. The values come from the seed alone, so writing them again later (the demo does at
 * every start: "no contact for a day" is judged against the real clock) gives the same fleet, only
 * dated from then; the terminals' earlier heartbeats are replaced, not added to.
 */
export function writeDemoHeartbeats(ctx: PlatformContext, terminals: readonly SeededTerminal[], at: Date, seed: number): void {
  const rng = createRng(deriveSeed(seed, 'heartbeats'));
  const forget = ctx.db.prepare<[string]>('DELETE FROM terminal_heartbeats WHERE terminal_id = ?');
  for (const terminal of terminals) forget.run(terminal.id);
  terminals.forEach((terminal, i) => {
    const trouble = TROUBLED_DEMO_TERMINALS[i];
    const healthy: Heartbeat = {
      appVersion: DEMO_APP_VERSION,
      dataVersion: 'E1.0',
      dataAgeSeconds: rng.int(60, 6 * 3600),
      outboxDepth: rng.int(0, 2),
      deadLetters: 0,
      clockSkewSeconds: rng.int(-20, 20),
      storageUsedBytes: rng.int(80, 160) * 1_048_576,
      storageQuotaBytes: 20 * 1_073_741_824,
      lastErrorClass: 'none',
    };
    const minutesAgo = trouble === 'no_contact' ? 3 * 24 * 60 : rng.int(1, 50);
    const lastAt = at.getTime() - minutesAgo * 60_000;
    if (trouble === 'outbox_growing') {
      for (const [k, depth] of [3, 11, 26, 48].entries()) {
        ctx.fleet.record(
          terminal.id,
          { ...healthy, outboxDepth: depth, lastErrorClass: 'timeout' },
          terminal.department,
          new Date(lastAt - (3 - k) * 30 * 60_000),
        );
      }
      return;
    }
    const beat: Heartbeat = {
      ...healthy,
      ...(trouble === 'stale_data' ? { dataAgeSeconds: 4 * 86_400, lastErrorClass: 'network' as const } : {}),
      ...(trouble === 'dead_letters' ? { deadLetters: 3, lastErrorClass: 'rejected' as const } : {}),
      ...(trouble === 'clock_skew' ? { clockSkewSeconds: 1260 } : {}),
      ...(trouble === 'outdated_version' ? { appVersion: OLD_APP_VERSION } : {}),
    };
    ctx.fleet.record(terminal.id, beat, terminal.department, new Date(lastAt));
  });
}
