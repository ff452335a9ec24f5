/** Turning a lookup answer into the CheckView, and recording it (journal + outbox + audit, one transaction). */
import { v7 as uuidv7 } from 'uuid';
import { UNKNOWN_SUBJECT_NAME, type CheckBody, type Matter, type Profile, type SubjectSummary } from '../../../../shared/contract';
import { chinaDate } from '../../../../shared/dates';
import type { ParsedId } from '../../../../shared/ids';
import type { Evaluation } from '../../../../shared/measures';
import type { LocalCheck } from '../../data/journalDb';
import type { JournalRepository } from '../../data/journalRepository';
import type { ListDataStore } from '../../data/listDataStore';
import type { CheckView, Purpose } from '../contracts';

export function subjectFor(parsed: ParsedId, profile: Profile | null): SubjectSummary {
  if (profile) return profile.subject;
  return {
    kind: parsed.type === 'RESIDENT_ID' ? 'PERSON' : 'ENTERPRISE',
    // No profile (offline with no list entry, or the platform has no records): the name is unknown here.
    name: UNKNOWN_SUBJECT_NAME,
    identifier: parsed.value,
    identifierType: parsed.type,
    masked: parsed.masked,
  };
}

/** An evaluation needs a profile; "no records" is an empty one. */
export function emptyProfile(subject: SubjectSummary): Profile {
  return { subject, legalRepresentative: null, entries: [], grades: [], haibei: null, commitments: [], repairs: [] };
}

export function triggeredMeasureCodes(evaluation: Evaluation): string[] {
  return [...evaluation.must, ...evaluation.may].map((t) => t.measure.code);
}

export function newCheckId(): string {
  return uuidv7();
}

export function checkBodyOf(view: CheckView): CheckBody {
  return {
    checkId: view.checkId,
    matterCode: view.purpose.matterCode,
    caseNo: view.purpose.caseNo,
    subjectIdentifier: view.subject.identifier,
    subjectKind: view.subject.kind,
    subjectName: view.subject.name,
    result: view.result,
    triggeredMeasures: triggeredMeasureCodes(view.evaluation),
    dataVersion: view.dataVersion,
    source: view.source,
    dataAgeSeconds: view.dataAgeSeconds,
    catalogueVersion: view.catalogueVersion,
  };
}

export interface CheckRecordDeps {
  journal: Pick<JournalRepository, 'recordCheck'>;
  listStore: Pick<ListDataStore, 'signedDataVersion'>;
}

export async function recordCheck({ journal, listStore }: CheckRecordDeps, view: CheckView): Promise<void> {
  // Best effort: the check is recorded whether or not the list store can name its signed snapshot.
  const signedData = (await listStore.signedDataVersion?.().catch(() => null)) ?? null;
  const local: LocalCheck = {
    signedData,
    checkId: view.checkId,
    checkedAt: view.checkedAt,
    day: chinaDate(new Date(view.checkedAt)),
    operatorId: view.operatorId,
    terminalId: view.terminalId,
    view,
  };
  await journal.recordCheck(local, checkBodyOf(view), [
    {
      action: 'LOOKUP',
      actor: view.operatorId,
      purpose: view.purpose,
      subject: { identifier: view.subject.identifier, masked: view.subject.masked },
      outcome: `${view.source}:${view.result}`,
      detail: `check=${view.checkId}; dataVersion=${view.dataVersion}; matchedBy=${view.matchedBy.join(',')}`,
    },
  ]);
}

export function purposeOf(purpose: Purpose): Purpose {
  return { matterCode: purpose.matterCode.trim(), caseNo: purpose.caseNo.trim() };
}

export function matterFor(matters: readonly Matter[], code: string): Matter | undefined {
  return matters.find((m) => m.code === code);
}
