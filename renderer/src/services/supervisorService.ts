/**
 * Supervisor views: over this terminal's journal (today's checks, declined measures, the audit
 * chain) and, online, over the platform's records within the supervisor's scope (identifiers masked,
 * unmasked one at a time with a reason), the operators who ran out of their name searches, and the
 * platform's audit events (hand-overs, journal imports, resubmissions).
 */
import { CheckBody } from '../../../shared/contract';
import { chinaDate } from '../../../shared/dates';
import { maskId, parseId } from '../../../shared/ids';
import type { JournalRepository } from '../data/journalRepository';
import type { LoadCatalogue } from './catalogueService';
import type { AppServices, DeclinedMeasureRow, PlatformCheckRow, SupervisorCheckRow } from './contracts';
import type { Clock, PlatformAccess, Pusher } from './deps';
import type { SessionHolder } from './sessionHolder';
import { matterFor } from './lookup/checkRecord';
import { failWith, ok, refuse, RefusedCallError } from './outcome';

const PLATFORM_CHECKS_LIMIT = 200;

const DECLINED_LIMIT = 500;
const EVENTS_LIMIT = 100;

export interface SupervisorDeps {
  session: Pick<SessionHolder, 'current'>;
  journal: Pick<JournalRepository, 'checksOfDay' | 'declinedFeedback' | 'verifyAuditChain' | 'audit'>;
  platform: Pick<PlatformAccess, 'online'>;
  loadCatalogue: LoadCatalogue;
  engine: Pusher;
  now: Clock;
}

export function createSupervisorService({
  session,
  journal,
  platform,
  loadCatalogue,
  engine,
  now,
}: SupervisorDeps): AppServices['supervisor'] {
  /** The UI hides these views from clerks; the service refuses them too, so no other caller can bypass that. */
  function requireSupervisor(): void {
    if (!session.current()?.operator.roles.includes('supervisor')) throw new RefusedCallError('supervisor_only');
  }

  return {
    async todaysChecks(): Promise<SupervisorCheckRow[]> {
      requireSupervisor();
      const checks = await journal.checksOfDay(chinaDate(now()));
      return checks.map(({ view, platformNote, slip }) => ({
        checkId: view.checkId,
        checkedAt: view.checkedAt,
        operatorId: view.operatorId,
        matterName: view.matter.name,
        caseNo: view.purpose.caseNo,
        subjectName: view.subject.name,
        subjectMasked: view.subject.masked,
        result: view.result,
        source: view.source,
        platformNote: platformNote ?? null,
        slip: slip ?? null,
      }));
    },

    async declinedMeasures(): Promise<DeclinedMeasureRow[]> {
      requireSupervisor();
      const declined = await journal.declinedFeedback(DECLINED_LIMIT);
      return declined.map((f) => ({
        checkId: f.checkId,
        decidedAt: f.decidedAt,
        operatorId: f.operatorId,
        matterName: f.matterName,
        measureTitle: f.measureTitle,
        reason: f.reason ?? '',
      }));
    },

    async platformEvents() {
      requireSupervisor();
      const client = await platform.online();
      if (!client) return refuse('login_required', { action: 'platform_events' });
      try {
        return ok((await client.platformEvents(EVENTS_LIMIT)).events);
      } catch (error) {
        return failWith(error);
      }
    },

    async verifyAuditChain() {
      requireSupervisor();
      return journal.verifyAuditChain();
    },

    async platformChecks() {
      requireSupervisor();
      const client = await platform.online();
      if (!client) return refuse('offline', { action: 'platform_records' });
      try {
        const [answer, catalogue] = await Promise.all([client.supervisorRecords('check', PLATFORM_CHECKS_LIMIT), loadCatalogue()]);
        const rows: PlatformCheckRow[] = [];
        for (const record of answer.records) {
          // The body is masked on the platform; one that is not a check body is left out, not guessed at.
          const body = CheckBody.safeParse(record.body);
          if (!body.success) continue;
          rows.push({
            id: record.id,
            occurredAt: record.occurredAt,
            terminalId: record.terminalId,
            operatorId: record.operatorId,
            deliveredBy: record.deliveredBy ?? null,
            matterName: matterFor(catalogue?.matters ?? [], body.data.matterCode)?.name ?? body.data.matterCode,
            caseNo: body.data.caseNo,
            subjectName: body.data.subjectName,
            subjectMasked: body.data.subjectIdentifier,
            result: body.data.result,
            unmaskable: record.unmaskable === true,
            catalogueNote: record.catalogueNote ?? null,
            slipReference: record.slipReferences?.[0] ?? null,
          });
        }
        return ok(rows);
      } catch (error) {
        return failWith(error);
      }
    },

    async unmaskPlatformRecord(recordId, reason) {
      requireSupervisor();
      const operator = session.current()!.operator;
      if (!reason.trim()) return refuse('unmask_reason_required');
      const client = await platform.online();
      if (!client) return refuse('offline', { action: 'platform_records' });
      try {
        const { identifier } = await client.unmaskRecord(recordId, reason.trim());
        // On this terminal's audit chain too (the subject only as keyed hash and masked form).
        const parsed = parseId(identifier, { today: now() });
        const masked = parsed.ok ? parsed.masked : maskId(identifier, 'RESIDENT_ID');
        await journal.audit([
          {
            action: 'UNMASK',
            actor: operator.id,
            purpose: null,
            subject: { identifier, masked },
            outcome: 'shown',
            detail: `platform record=${recordId}; ${reason.trim()}`,
          },
        ]);
        void engine.pushNow().catch(() => undefined);
        return ok(identifier);
      } catch (error) {
        return failWith(error);
      }
    },

    async nameSearchAlerts() {
      requireSupervisor();
      const client = await platform.online();
      if (!client) return refuse('offline', { action: 'platform_records' });
      try {
        const answer = await client.nameSearchAlerts();
        return ok({
          budgetPerHour: answer.budgetPerHour,
          alerts: answer.alerts.map((a) => ({
            operatorId: a.operatorId,
            operatorName: a.operatorName ?? null,
            department: a.department ?? null,
            terminalId: a.terminalId,
            hour: a.hour,
            lastRefusedAt: a.lastRefusedAt,
            refused: a.refused,
          })),
        });
      } catch (error) {
        return failWith(error);
      }
    },
  };
}
