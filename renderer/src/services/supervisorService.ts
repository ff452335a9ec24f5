/** Supervisor views over this terminal's journal (today's checks, declined measures, the audit chain) and the platform's audit events. */
import { chinaDate } from '../../../shared/dates';
import { verifyAuditChain } from '../data/auditChain';
import type { AppServices, DeclinedMeasureRow, SupervisorCheckRow } from './contracts';
import type { Core } from './core';
import { fail, failWith, ok } from './outcome';

const DECLINED_LIMIT = 500;
const EVENTS_LIMIT = 100;

/** The UI hides these views from clerks; the service refuses them too, so no other caller can bypass that. */
function requireSupervisor(core: Core): void {
  if (!core.session.current()?.operator.roles.includes('supervisor')) throw new Error('仅督查人员可使用督查功能');
}

export function createSupervisorService(core: Core): AppServices['supervisor'] {
  return {
    async todaysChecks(): Promise<SupervisorCheckRow[]> {
      requireSupervisor(core);
      const checks = await core.journal.checks.where('day').equals(chinaDate(core.now())).toArray();
      return checks
        .sort((a, b) => b.checkedAt.localeCompare(a.checkedAt))
        .map(({ view, platformNote }) => ({
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
      if (!client || core.session.platformToken() === null) return fail('login_required', '平台审计事件需联网登录后查看');
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
  };
}
