/**
 * MUST (应当) measures left open on a China day's checks, per clerk: triggered by an accepted check
 * and either never decided or deferred (DEFERRED) with no final decision naming the deferral yet.
 * A MAY measure may stay undecided and is never listed.
 */
import type { Catalogue, CheckBody, FeedbackBody, OpenMeasure, OpenMeasuresResponse } from '../../shared/contract';
import { redactIdentifiers } from '../../shared/ids';
import type { PlatformContext } from '../context';
import { maskedIdentifier } from './recordMask';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** A day's checks at one supervisor scope; far beyond what a city's counters record in a day. */
const MAX_CHECKS_PER_DAY = 50_000;

function catalogueOf(ctx: PlatformContext, version: string | undefined): Catalogue {
  return (version !== undefined ? ctx.catalogueHistory.get(version) : undefined) ?? ctx.catalogue.catalogue;
}

/** Open MUST measures of one check, given the feedback the platform accepted on it. */
function openOf(ctx: PlatformContext, check: CheckBody, terminalId: string, checkedAt: string): OpenMeasure[] {
  const catalogue = catalogueOf(ctx, check.catalogueVersion);
  const measures = new Map(catalogue.measures.map((m) => [m.code, m]));
  const feedback = ctx.mutations.acceptedFeedbackBodies(check.checkId).map((f) => ({ ...(f.body as FeedbackBody), at: f.occurredAt }));
  const open: OpenMeasure[] = [];
  for (const code of check.triggeredMeasures) {
    const measure = measures.get(code) ?? ctx.catalogue.catalogue.measures.find((m) => m.code === code);
    if (measure?.obligation !== 'MUST') continue;
    const onMeasure = feedback.filter((f) => f.measureCode === code);
    const final = onMeasure.find((f) => f.decision !== 'DEFERRED');
    if (final) continue;
    const deferred = onMeasure.find((f) => f.decision === 'DEFERRED');
    open.push({
      checkId: check.checkId,
      terminalId,
      checkedAt,
      matterCode: check.matterCode,
      caseNo: redactIdentifiers(check.caseNo),
      measureCode: code,
      measureTitle: measure.title,
      subjectMasked: maskedIdentifier(check.subjectIdentifier),
      subjectName: check.subjectName,
      ...(deferred
        ? { deferred: { feedbackId: deferred.feedbackId, reason: redactIdentifiers(deferred.reason ?? ''), at: deferred.at } }
        : {}),
    });
  }
  return open;
}

export function openMeasures(ctx: PlatformContext, query: { day: string; operatorId?: string; department?: string }): OpenMeasuresResponse {
  const fromMs = Date.parse(`${query.day}T00:00:00Z`) - CHINA_OFFSET_MS;
  const checks = ctx.mutations.records({
    kind: 'check',
    fromMs,
    toMs: fromMs + DAY_MS - 1,
    limit: MAX_CHECKS_PER_DAY,
    ...(query.department !== undefined ? { department: query.department } : {}),
  });
  const byOperator = new Map<string, OpenMeasure[]>();
  for (const record of checks) {
    if (query.operatorId !== undefined && record.operatorId !== query.operatorId) continue;
    const open = openOf(ctx, record.body as CheckBody, record.terminalId, record.occurredAt);
    if (open.length === 0) continue;
    byOperator.set(record.operatorId, [...(byOperator.get(record.operatorId) ?? []), ...open]);
  }
  return {
    day: query.day,
    operators: [...byOperator.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operatorId, open]) => {
        const operator = ctx.operators.get(operatorId);
        return { operatorId, ...(operator ? { operatorName: operator.name, department: operator.department } : {}), open };
      }),
  };
}
