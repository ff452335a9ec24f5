/**
 * Supervisor views: over this terminal's journal (today's checks, declined measures, the audit
 * chain) and, online, over the platform's records within the supervisor's scope (identifiers masked,
 * unmasked one at a time with a reason), the operators who ran out of their name searches, and the
 * platform's audit events (hand-overs, journal imports, resubmissions).
 */
import { CheckBody } from '../../../shared/contract';
import { chinaDate } from '../../../shared/dates';
import { maskId, parseId } from '../../../shared/ids';
import { verifyAuditChain } from '../data/auditChain';
import type { PlatformClient } from '../api/platformClient';
import { loadCatalogue } from './catalogueService';
import type { AppServices, DeclinedMeasureRow, PlatformCheckRow, SupervisorCheckRow } from './contracts';
import type { Core } from './core';
import { matterFor } from './lookup/checkRecord';
import { failWith, ok, refuse, RefusedCallError } from './outcome';

const PLATFORM_CHECKS_LIMIT = 200;

const DECLINED_LIMIT = 500;
const EVENTS_LIMIT = 100;

/** The UI hides these views from clerks; the service refuses them too, so no other caller can bypass that. */
function requireSupervisor(core: Core): void {
  if (!core.session.current()?.operator.roles.includes('supervisor')) throw new RefusedCallError('supervisor_only');
}

export function createSupervisorService(core: Core): AppServices['supervisor'] {
  return {
    async todaysChecks(): Promise<SupervisorCheckRow[]> {
      requireSupervisor(core);
      const checks = await core.journal.checks.where('day').equals(chinaDate(core.now())).toArray();
      return checks
        .sort((a, b) => b.checkedAt.localeCompare(a.checkedAt))
        .map(({ view, platformNote, slip }) => ({
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
      requireSupervisor(core);
      const declined = await core.journal.feedback.where('decision').equals('NOT_APPLIED').toArray();
      return declined
        .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))
        .slice(0, DECLINED_LIMIT)
        .map((f) => ({
          checkId: f.checkId,
          decidedAt: f.decidedAt,
          operatorId: f.operatorId,
          matterName: f.matterName,
          measureTitle: f.measureTitle,
          reason: f.reason ?? '',
        }));
    },

    async platformEvents() {
      requireSupervisor(core);
      const client = await core.platform();
      if (!client || core.session.platformToken() === null) return refuse('login_required', { action: 'platform_events' });
      try {
        return ok((await client.platformEvents(EVENTS_LIMIT)).events);
      } catch (error) {
        return failWith(error);
      }
    },

    async verifyAuditChain() {
      requireSupervisor(core);
      return verifyAuditChain(core.journal);
    },

    async platformChecks() {
      requireSupervisor(core);
      const client = await onlineClient(core);
      if (!client) return refuse('offline', { action: 'platform_records' });
      try {
        const [answer, catalogue] = await Promise.all([client.supervisorRecords('check', PLATFORM_CHECKS_LIMIT), loadCatalogue(core)]);
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
      requireSupervisor(core);
      const operator = core.session.current()!.operator;
      if (!reason.trim()) return refuse('unmask_reason_required');
      const client = await onlineClient(core);
      if (!client) return refuse('offline', { action: 'platform_records' });
      try {
        const { identifier } = await client.unmaskRecord(recordId, reason.trim());
        // On this terminal's audit chain too (the subject only as keyed hash and masked form).
        const parsed = parseId(identifier, { today: core.now() });
        const masked = parsed.ok ? parsed.masked : maskId(identifier, 'RESIDENT_ID');
        await core.writer.commit({
          audits: [
            {
              action: 'UNMASK',
              actor: operator.id,
              purpose: null,
              subject: { identifier, masked },
              outcome: 'shown',
              detail: `platform record=${recordId}; ${reason.trim()}`,
            },
          ],
        });
        void core.engine.pushNow().catch(() => undefined);
        return ok(identifier);
      } catch (error) {
        return failWith(error);
      }
    },

    async nameSearchAlerts() {
      requireSupervisor(core);
      const client = await onlineClient(core);
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

/** The platform client while a platform login is held, else null (unlocked offline). */
async function onlineClient(core: Core): Promise<PlatformClient | null> {
  if (!core.session.platformToken()) return null;
  return core.platform();
}
