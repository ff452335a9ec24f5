import type { CheckResult } from '../contract/api';
import type { Catalogue, EntryStatus, HaibeiGrade, ListEntry, ListType, Matter, Measure, Profile } from '../contract/domain';
import { addDays, chinaDate, compareIsoDate, daysBetween, isIsoDate } from '../dates';
import { haibeiGrade, haibeiGradeBand, isCreditWarning } from '../score';
import { effectiveStatus, entryTriggers, isPastValidity } from './status';
import type {
  EntrySubject,
  EvaluatedEntry,
  Evaluation,
  EvaluationWarning,
  NonTriggerReason,
  SuppressedMeasure,
  Trigger,
  TriggeredMeasure,
} from './types';

/** Entries ending within this many days (today included) get a warning. */
export const EXPIRY_WARNING_DAYS = 30;

export interface EvaluationInput {
  profile: Profile;
  matter: Matter;
  catalogue: Catalogue;
  /** The terminal's clock at the time of the check (also offline). */
  now: Date;
}

/** A visible entry with everything the evaluation needs to know about it. */
interface Candidate {
  entry: ListEntry;
  via: EntrySubject;
  listType: ListType | undefined;
  status: EntryStatus;
  triggers: boolean;
  reason?: NonTriggerReason;
}

const REP = '法定代表人';

function listName(c: Candidate): string {
  return c.listType?.name ?? c.entry.listType;
}

function owner(c: Candidate): string {
  return c.via === 'LEGAL_REPRESENTATIVE' ? REP : '';
}

function uniqueNames(cs: readonly Candidate[]): string {
  return [...new Set(cs.map(listName))].join('、');
}

function suppressionReason(seriousBlack: readonly Candidate[]): string {
  const own = seriousBlack.filter((c) => c.via === 'SUBJECT');
  const rep = seriousBlack.filter((c) => c.via === 'LEGAL_REPRESENTATIVE');
  const tail = '，守信激励措施暂停适用';
  if (own.length === 0) return `${REP}存在严重失信记录（${uniqueNames(rep)}）${tail}`;
  if (rep.length === 0) return `存在严重失信记录（${uniqueNames(own)}）${tail}`;
  return `存在严重失信记录（${uniqueNames(own)}；${REP}：${uniqueNames(rep)}）${tail}`;
}

const HISTORY_NOTES: Record<'EXPIRED' | 'REPAIRED' | 'REMOVED' | 'REVOKED', string> = {
  EXPIRED: '已过有效期',
  REPAIRED: '已完成信用修复',
  REMOVED: '已移出名单',
  REVOKED: '已撤销',
};

function entryNote(c: Candidate, fires: boolean, suppressedCount: number, suppresses: boolean): string | undefined {
  const parts: string[] = [];
  if (!c.triggers) {
    switch (c.reason) {
      case 'OBJECTION_PENDING':
        parts.push('异议处理中，按该名单政策暂不触发措施');
        break;
      case 'EXPIRED':
      case 'REPAIRED':
      case 'REMOVED':
      case 'REVOKED': {
        const until = c.reason === 'EXPIRED' && c.entry.validUntil !== null ? `有效期至 ${c.entry.validUntil}，` : '';
        parts.push(`${until}${HISTORY_NOTES[c.reason]}，仅作历史记录`);
        break;
      }
      default:
        break;
    }
    if (!c.listType) parts.push('名单类型不在当前目录中');
    return parts.join('；') || undefined;
  }
  if (c.status === 'OBJECTION_PENDING') parts.push('异议处理中，按该名单政策仍触发措施');
  if (!fires) {
    parts.push(
      c.via === 'LEGAL_REPRESENTATIVE'
        ? `${REP}的有效记录，本事项清单中没有针对${REP}的相应措施`
        : '有效记录，但本事项清单中没有由该名单触发的措施',
    );
  }
  if (suppresses && suppressedCount > 0) parts.push(`严重失信记录，本事项 ${suppressedCount} 项守信激励措施暂停适用`);
  if (!c.listType) parts.push('名单类型不在当前目录中');
  return parts.join('；') || undefined;
}

function warningsFor(c: Candidate, today: string, catalogueVersion: string): EvaluationWarning[] {
  const out: EvaluationWarning[] = [];
  const id = c.entry.id;
  const who = owner(c);
  if (!c.listType) {
    out.push({
      code: 'UNKNOWN_LIST_TYPE',
      message: `${who}记录的名单类型“${c.entry.listType}”不在当前目录（版本 ${catalogueVersion}）中，请同步目录后复核`,
      entryId: id,
    });
  }
  const live = c.status === 'ACTIVE' || (c.status === 'OBJECTION_PENDING' && !isPastValidity(c.entry, today));
  if (c.status === 'OBJECTION_PENDING' && live) {
    const doc = c.entry.documentNo ? `（${c.entry.documentNo}）` : '';
    out.push({
      code: 'OBJECTION_PENDING',
      message: `${who}“${listName(c)}”记录${doc}异议处理中，${c.triggers ? '按该名单政策仍触发相应措施' : '按该名单政策暂不触发措施'}，请留意处理结果`,
      entryId: id,
    });
  }
  const until = c.entry.validUntil;
  if (live && until !== null && compareIsoDate(until, addDays(today, EXPIRY_WARNING_DAYS)) <= 0) {
    // An impossible published date (e.g. 02-30) still gets the warning, just without a day count.
    const days = isIsoDate(until) ? daysBetween(today, until) : null;
    const when = days === 0 ? '今日到期' : days === null ? '即将到期' : `${days} 天后到期`;
    out.push({
      code: 'ENTRY_EXPIRES_SOON',
      message: `${who}“${listName(c)}”记录有效期至 ${until}，${when}`,
      entryId: id,
    });
  }
  return out;
}

function summarise(active: readonly Candidate[], warnings: readonly EvaluationWarning[]): CheckResult {
  // Candidates of a legal representative exist only for organisations, where their black counts.
  const black = active.some((c) => c.listType?.polarity === 'BLACK');
  const red = active.some((c) => c.via === 'SUBJECT' && c.listType?.polarity === 'RED');
  if (black && red) return 'BOTH';
  if (black) return 'BLACK';
  if (red) return 'RED';
  return warnings.length > 0 ? 'WARNING' : 'CLEAN';
}

/**
 * The measures of `matter` that apply to the profile's subject today, each with what fired it
 * (docs/architecture.md). Pure: the same input gives the same output, online or offline.
 */
export function evaluateMeasures({ profile, matter, catalogue, now }: EvaluationInput): Evaluation {
  const today = chinaDate(now);
  const listTypes = new Map(catalogue.listTypes.map((t) => [t.code, t] as const));
  const measures = new Map(catalogue.measures.map((m) => [m.code, m] as const));
  const visible = new Set(matter.visibleListTypes);
  const isPerson = profile.subject.kind === 'PERSON';

  // Purpose limitation: entries of list types the matter may not see are neither used nor returned.
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const collect = (entries: readonly ListEntry[], via: EntrySubject): void => {
    for (const entry of entries) {
      if (!visible.has(entry.listType)) continue;
      const key = `${via}\u0000${entry.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const listType = listTypes.get(entry.listType);
      const t = entryTriggers(entry, listType, today);
      candidates.push({
        entry,
        via,
        listType,
        status: effectiveStatus(entry, today),
        triggers: t.triggers,
        ...(t.reason ? { reason: t.reason } : {}),
      });
    }
  };
  collect(profile.entries, 'SUBJECT');
  // Persons have no legal representative; one sent by mistake must not count against them.
  if (!isPerson && profile.legalRepresentative) collect(profile.legalRepresentative.entries, 'LEGAL_REPRESENTATIVE');

  const active = candidates.filter((c) => c.triggers);
  const grades = profile.grades.filter((g) => g.validUntil === null || compareIsoDate(g.validUntil, today) >= 0);
  // Graded from the score, not the stored grade field, so a stale grade cannot mislead; 海贝分 is for persons only.
  const haibei: { score: number; grade: HaibeiGrade } | null =
    isPerson && profile.haibei && Number.isFinite(profile.haibei.score)
      ? { score: profile.haibei.score, grade: haibeiGrade(profile.haibei.score) }
      : null;

  // Any active serious black entry (the representative's too, for organisations) suppresses incentives that allow it.
  const seriousBlack = active.filter((c) => c.listType?.polarity === 'BLACK' && c.listType.serious);
  const suppression =
    seriousBlack.length > 0 ? { reason: suppressionReason(seriousBlack), entryIds: seriousBlack.map((c) => c.entry.id) } : null;

  const must: TriggeredMeasure[] = [];
  const may: TriggeredMeasure[] = [];
  const suppressed: SuppressedMeasure[] = [];
  const firing = new Set<Candidate>();
  const done = new Set<string>();

  // Only the matter's own list (清单) can fire, in its order.
  for (const code of matter.measures) {
    if (done.has(code)) continue;
    done.add(code);
    const measure: Measure | undefined = measures.get(code);
    if (!measure) continue; // catalogue out of step with the matter: nothing to apply

    const triggeredBy: Trigger[] = [];
    const firedBy: Candidate[] = [];
    const triggerLists = new Set(measure.trigger.listTypes);
    for (const c of active) {
      if (!triggerLists.has(c.entry.listType)) continue;
      if (c.via === 'LEGAL_REPRESENTATIVE' && !measure.targetsLegalRepresentative) continue;
      triggeredBy.push({ kind: 'entry', entryId: c.entry.id, listType: c.entry.listType, via: c.via });
      firedBy.push(c);
    }
    const gradeKeys = new Set<string>();
    for (const g of grades) {
      const hit = measure.trigger.industryGrades.some((t) => t.field === g.field && t.grades.includes(g.grade));
      const key = `${g.field}\u0000${g.grade}`;
      if (hit && !gradeKeys.has(key)) {
        gradeKeys.add(key);
        triggeredBy.push({ kind: 'industryGrade', field: g.field, grade: g.grade });
      }
    }
    if (haibei && measure.trigger.haibeiGrades.includes(haibei.grade)) {
      triggeredBy.push({ kind: 'haibei', grade: haibei.grade, score: haibei.score });
    }
    if (triggeredBy.length === 0) continue;

    for (const c of firedBy) firing.add(c);
    if (measure.polarity === 'INCENTIVE' && measure.suppressedBySeriousBlack && suppression) {
      suppressed.push({ measure, triggeredBy, reason: suppression.reason, suppressingEntryIds: [...suppression.entryIds] });
    } else {
      (measure.obligation === 'MUST' ? must : may).push({ measure, triggeredBy });
    }
  }

  const seriousSet = new Set(seriousBlack);
  const entries: EvaluatedEntry[] = candidates.map((c) => {
    const fires = firing.has(c);
    const reason: NonTriggerReason | undefined = !c.triggers ? c.reason : fires ? undefined : 'NO_MEASURE_IN_MATTER';
    const note = entryNote(c, fires, suppressed.length, seriousSet.has(c));
    return {
      entry: c.entry,
      via: c.via,
      effectiveStatus: c.status,
      triggers: fires,
      ...(reason ? { nonTriggerReason: reason } : {}),
      ...(note ? { note } : {}),
    };
  });

  const warnings: EvaluationWarning[] = [];
  if (haibei && isCreditWarning(haibei.grade)) {
    warnings.push({ code: 'CREDIT_WARNING_D', message: `海贝分 ${haibei.score}，等级 ${haibeiGradeBand(haibei.grade).label}` });
  }
  for (const c of candidates) warnings.push(...warningsFor(c, today, catalogue.version));

  return { today, summary: summarise(active, warnings), must, may, suppressed, entries, warnings };
}
