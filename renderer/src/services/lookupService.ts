/**
 * Lookups: purpose first (a refusal is audited), identifier validated on the
 * terminal (invalid input never leaves it), the platform asked with a short timeout and its answer
 * written through to the cache; on any network failure, timeout, 5xx or malformed answer the
 * cache answers instead, labelled offline with its version and age. Measures are evaluated at
 * the terminal's current time, so an entry that expired while offline no longer triggers.
 */
import { NAME_SEARCH_MAX_CANDIDATES, type Catalogue, type Matter, type Profile } from '../../../shared/contract';
import { maskId, normaliseIdInput, parseId, type ParsedId } from '../../../shared/ids';
import { evaluateMeasures } from '../../../shared/measures';
import { isNameQueryTooShort, NAME_QUERY_TOO_SHORT } from '../../../shared/names';
import { checkCaseNo, scopeProfile } from '../../../shared/purpose';
import { reportStorageError } from '../data/storageErrors';
import { clockSkewNotice } from '../api/clockSkew';
import { PlatformError, isPlatformError } from '../api/platformError';
import { codedError } from '../model';
import type { StoreApi } from '../state/store';
import type { ProfileCache } from '../data/cachedAnswers';
import type { JournalRepository } from '../data/journalRepository';
import type { ListDataStore } from '../data/listDataStore';
import type { SyncEngine } from '../sync/syncEngine';
import type { LoadCatalogue } from './catalogueService';
import type { AppServices, CheckView, NameCandidate, NameSearchResult, Notice, Outcome, Purpose, SyncStatus } from './contracts';
import type { Clock, PlatformAccess } from './deps';
import { emptyProfile, matterFor, newCheckId, purposeOf, recordCheck, subjectFor } from './lookup/checkRecord';
import type { MatchKind } from './lookup/matchedBy';
import { offlineAnswer } from './lookup/offlineAnswer';
import type { SessionHolder } from './sessionHolder';
import { fail, failWith, NOT_LOGGED_IN, ok, PURPOSE_REQUIRED, refuse as refuseWith, toUserError } from './outcome';

interface Answer {
  profile: Profile | null;
  matchedBy: MatchKind[];
  source: 'online' | 'offline';
  dataVersion: string;
  dataAgeSeconds: number | null;
  fromCachedProfile: boolean;
  notices: Notice[];
}

/** Failures after which the cache answers (the platform could not give a trustworthy answer). */
function fallsBackToCache(error: PlatformError): boolean {
  return error.transient || error.kind === 'unauthorized';
}

/** Ref prefix of online candidates: the rest is the platform's short-lived candidate ref. */
const PLATFORM_REF = 'p:';

/** What to ask the platform for: a validated identifier, or a name-search candidate's platform ref. */
type Target = { parsed: ParsedId } | { platformRef: string };

export interface LookupDeps {
  session: Pick<SessionHolder, 'current' | 'platformToken' | 'dropToken'>;
  journal: Pick<JournalRepository, 'identity' | 'recordCheck' | 'audit'>;
  listStore: Pick<ListDataStore, 'loadFullState' | 'lookupByKey' | 'searchByName' | 'signedDataVersion'>;
  profiles: Pick<ProfileCache, 'keep' | 'bestFor'>;
  loadCatalogue: LoadCatalogue;
  platform: Pick<PlatformAccess, 'enrolled'>;
  engine: Pick<SyncEngine, 'reportReachable' | 'pushNow'>;
  status: StoreApi<SyncStatus>;
  /** Hours after which offline list data is called out of date (terminal policy). */
  stalenessLimitHours: number;
  now: Clock;
}

export function createLookupService(deps: LookupDeps): AppServices['lookup'] {
  const core = deps;
  /**
   * Offline candidate refs are opaque handles; the clear identifiers stay in this closure. Online
   * candidates carry the platform's ref (the platform never sends their clear identifiers).
   */
  const candidates = new Map<string, string>();

  /** What a failed platform call tells the rest of the terminal: the session is gone, or the platform is out of reach. */
  function notePlatformFailure(error: PlatformError): void {
    if (error.kind === 'unauthorized') core.session.dropToken();
    if (error.unreachable) core.engine.reportReachable(false);
  }

  async function refuse(purpose: Purpose | null, action: 'LOOKUP_REFUSED', detail: string): Promise<void> {
    const operator = core.session.current()?.operator.id ?? 'unknown';
    await core.journal
      .audit([{ action, actor: operator, purpose: purpose ? purposeOf(purpose) : null, subject: null, outcome: 'refused', detail }])
      .catch((error: unknown) => {
        // The lookup is refused either way; a refusal that could not be put on record is still shown.
        reportStorageError(core.status, error);
      });
  }

  async function preconditions(
    purpose: Purpose | null,
    what: string,
  ): Promise<Outcome<{ purpose: Purpose; matter: Matter; catalogue: Catalogue }>> {
    const session = core.session.current();
    if (!session) return { ok: false, error: NOT_LOGGED_IN };
    const clean = purpose ? purposeOf(purpose) : null;
    if (!clean || !clean.matterCode || !clean.caseNo) {
      await refuse(clean, 'LOOKUP_REFUSED', `${what}: no purpose`);
      return { ok: false, error: PURPOSE_REQUIRED };
    }
    const catalogue = await core.loadCatalogue();
    if (!catalogue) return refuseWith('no_catalogue');
    const matter = matterFor(catalogue.matters, clean.matterCode);
    if (!matter) return refuseWith('unknown_matter', { matterCode: clean.matterCode });
    const caseNo = checkCaseNo(matter, clean.caseNo);
    if (!caseNo.ok) {
      await refuse(clean, 'LOOKUP_REFUSED', `${what}: case number not in the matter's format`);
      return fail('invalid_case_no', caseNo.message);
    }
    return ok({ purpose: clean, matter, catalogue });
  }

  async function askPlatform(target: Target, purpose: Purpose, matter: Matter): Promise<(Answer & { parsed: ParsedId }) | PlatformError> {
    const client = await core.platform.enrolled();
    if (!client || !core.session.platformToken()) {
      // Unlocked offline (no platform token): the cache is all there is.
      return new PlatformError({ kind: 'network', userError: codedError('offline_session') });
    }
    try {
      const answer = await client.lookup('parsed' in target ? { identifier: target.parsed.value } : { ref: target.platformRef }, purpose);
      core.engine.reportReachable(true);
      let parsed: ParsedId;
      if ('parsed' in target) parsed = target.parsed;
      else {
        // A candidate ref: the canonical identifier comes from the profile the platform returned.
        const resolved = answer.found ? parseId(answer.response.profile.subject.identifier, { today: core.now() }) : null;
        if (!resolved?.ok) {
          return new PlatformError({ kind: 'rejected', userError: codedError('candidate_expired') });
        }
        parsed = resolved;
      }
      const fetchedAt = core.now().toISOString();
      const profile = answer.found ? answer.response.profile : null;
      const dataVersion = answer.found ? answer.response.dataVersion : answer.dataVersion;
      await core.profiles
        .keep({
          identifier: parsed.value,
          matterCode: matter.code,
          profile,
          dataVersion,
          fetchedAt,
        })
        .catch((error: unknown) => reportStorageError(core.status, error));
      return {
        parsed,
        profile,
        matchedBy: answer.found && answer.response.matchedBy.length > 0 ? answer.response.matchedBy : ['IDENTIFIER'],
        source: 'online',
        dataVersion,
        dataAgeSeconds: 0,
        fromCachedProfile: false,
        notices: [],
      };
    } catch (error) {
      if (isPlatformError(error)) {
        notePlatformFailure(error);
        return error;
      }
      throw error;
    }
  }

  async function fromCache(parsed: ParsedId, matter: Matter, why: PlatformError): Promise<Answer> {
    const answer = await offlineAnswer(parsed, matter, { store: core.listStore, profiles: core.profiles, now: core.now() });
    const notices: Notice[] = [];
    const reason =
      why.kind === 'unauthorized' ? 'login_expired' : why.userError.code === 'offline_session' ? 'offline_session' : 'unreachable';
    notices.push({
      code: 'offline_answer',
      params: {
        reason,
        dataVersion: answer.dataVersion,
        ...(answer.dataAgeSeconds === null ? {} : { ageSeconds: answer.dataAgeSeconds }),
      },
    });
    if (!answer.listSynced) notices.push({ code: 'list_not_synced' });
    if (answer.fromCachedProfile && answer.cachedProfileAt) {
      notices.push({ code: 'cached_profile', params: { fetchedAt: answer.cachedProfileAt } });
    }
    return {
      profile: answer.profile,
      matchedBy: answer.matchedBy,
      source: 'offline',
      dataVersion: answer.dataVersion,
      dataAgeSeconds: answer.dataAgeSeconds,
      fromCachedProfile: answer.fromCachedProfile,
      notices,
    };
  }

  async function check(parsed: ParsedId, purpose: Purpose, matter: Matter, catalogue: Catalogue): Promise<Outcome<CheckView>> {
    const online = await askPlatform({ parsed }, purpose, matter);
    let answer: Answer;
    if ('source' in online) answer = online;
    else if (fallsBackToCache(online)) answer = await fromCache(parsed, matter, online);
    else return { ok: false, error: online.userError };
    return show(parsed, purpose, matter, catalogue, answer);
  }

  /** An online candidate: only the platform can resolve its ref; unreachable → search again. */
  async function checkCandidate(platformRef: string, purpose: Purpose, matter: Matter, catalogue: Catalogue): Promise<Outcome<CheckView>> {
    const online = await askPlatform({ platformRef }, purpose, matter);
    if ('source' in online) return show(online.parsed, purpose, matter, catalogue, online);
    if (fallsBackToCache(online)) return refuseWith('candidate_unreachable');
    return { ok: false, error: online.userError };
  }

  async function show(
    parsed: ParsedId,
    purpose: Purpose,
    matter: Matter,
    catalogue: Catalogue,
    answer: Answer,
  ): Promise<Outcome<CheckView>> {
    const session = core.session.current();
    const identity = await core.journal.identity();
    if (!session || !identity) return { ok: false, error: NOT_LOGGED_IN };

    const now = core.now();
    // Purpose limitation whatever the source: only what this matter may see is shown, evaluated and recorded.
    const profile = answer.profile && scopeProfile(answer.profile, matter);
    const subject = subjectFor(parsed, profile);
    const evaluation = evaluateMeasures({ profile: profile ?? emptyProfile(subject), matter, catalogue, now });
    const notices = [
      ...answer.notices,
      ...parsed.warnings.map(({ code, message }): Notice => ({ code, message })),
      ...generalNotices(answer, matter, subject.kind),
    ];
    const view: CheckView = {
      checkId: newCheckId(),
      purpose,
      matter,
      catalogueVersion: catalogue.version,
      subject,
      profile,
      evaluation,
      result: evaluation.summary,
      source: answer.source,
      dataVersion: answer.dataVersion,
      dataAgeSeconds: answer.dataAgeSeconds,
      fromCachedProfile: answer.fromCachedProfile,
      matchedBy: answer.matchedBy,
      notices,
      checkedAt: now.toISOString(),
      operatorId: session.operator.id,
      terminalId: identity.terminalId,
    };
    try {
      await recordCheck(core, view);
    } catch (error) {
      // Every lookup must be on record; a result that cannot be recorded is not shown.
      const cause = toUserError(error);
      reportStorageError(core.status, error);
      return { ok: false, error: { code: 'check_not_recorded', message: cause.message, params: { ...cause.params, cause: cause.code } } };
    }
    void core.engine.pushNow().catch(() => undefined);
    return ok(view);
  }

  function generalNotices(answer: Answer, matter: Matter, kind: CheckView['subject']['kind']): Notice[] {
    const out: Notice[] = [];
    const limitHours = core.stalenessLimitHours;
    if (answer.source === 'offline' && answer.dataAgeSeconds !== null && answer.dataAgeSeconds > limitHours * 3600) {
      out.push({ code: 'stale_list', params: { hours: limitHours } });
    }
    if (answer.matchedBy.includes('ORG_CODE')) out.push({ code: 'matched_by_org_code' });
    if (answer.matchedBy.includes('LEGACY_ID')) out.push({ code: 'matched_by_legacy_id' });
    if (!matter.subjectKinds.includes(kind)) out.push({ code: 'matter_not_for_kind', params: { matterName: matter.name } });
    const skew = clockSkewNotice(core.status.getState().clockSkewSeconds);
    if (skew) out.push(skew);
    return out;
  }

  async function byIdentifier(input: string, purpose: Purpose | null): Promise<Outcome<CheckView>> {
    try {
      const pre = await preconditions(purpose, 'lookup');
      if (!pre.ok) return pre;
      const parsed = parseId(input, { today: core.now() });
      if (!parsed.ok) {
        const { code, message, position, expected } = parsed.error;
        return fail(code, message, { ...(position !== undefined ? { position } : {}), ...(expected !== undefined ? { expected } : {}) });
      }
      return await check(parsed, pre.value.purpose, pre.value.matter, pre.value.catalogue);
    } catch (error) {
      return failWith(error);
    }
  }

  async function byName(name: string, purpose: Purpose | null): Promise<Outcome<NameSearchResult>> {
    try {
      const pre = await preconditions(purpose, 'name search');
      if (!pre.ok) return pre;
      const query = name.trim();
      if (!query) return refuseWith('name_required');
      // Specific enough to name someone, not to enumerate everyone: checked here, so a short query never leaves.
      if (isNameQueryTooShort(query)) return fail('name_query_too_short', NAME_QUERY_TOO_SHORT);
      const operatorId = core.session.current()!.operator.id;
      let found: NameCandidate[] | null = null;
      let more = false;
      let source: 'online' | 'offline' = 'online';
      const client = await core.platform.enrolled();
      if (client && core.session.platformToken()) {
        try {
          const answer = await client.searchByName(query, pre.value.purpose);
          core.engine.reportReachable(true);
          more = answer.more;
          found = answer.candidates.map((c) => ({
            ref: `${PLATFORM_REF}${c.ref}`,
            name: c.name,
            masked: c.masked,
            kind: c.kind,
            entryCount: c.entryCount,
          }));
        } catch (error) {
          if (!isPlatformError(error) || !fallsBackToCache(error)) {
            // A search the platform refused (its hourly budget spent…) is on this terminal's record too.
            const code = isPlatformError(error) ? error.userError.code : 'error';
            await core.journal
              .audit([
                { action: 'NAME_SEARCH', actor: operatorId, purpose: pre.value.purpose, subject: null, outcome: 'refused', detail: code },
              ])
              .catch(() => undefined);
            return failWith(error);
          }
          notePlatformFailure(error);
        }
      }
      if (!found) {
        source = 'offline';
        if (candidates.size > 5_000) candidates.clear();
        const offline = await searchOffline(query, pre.value.matter);
        more = offline.more;
        found = offline.candidates.map(({ identifier, ...candidate }) => {
          const ref = crypto.randomUUID();
          candidates.set(ref, identifier);
          return { ...candidate, ref };
        });
      }
      await core.journal.audit([
        {
          action: 'NAME_SEARCH',
          actor: operatorId,
          purpose: pre.value.purpose,
          subject: null,
          outcome: source,
          detail: `candidates=${found.length}`,
        },
      ]);
      return ok({ candidates: found, more });
    } catch (error) {
      return failWith(error);
    }
  }

  async function searchOffline(query: string, matter: Matter) {
    const visible = new Set(matter.visibleListTypes);
    const entries = (await core.listStore.searchByName(query, 500)).filter((e) => visible.has(e.listType));
    const bySubject = new Map<
      string,
      { identifier: string; name: string; masked: string; kind: NameCandidate['kind']; entryCount: number }
    >();
    for (const entry of entries) {
      const parsed = parseId(entry.identifier, { today: new Date('9999-12-31T00:00:00Z') });
      const identifier = parsed.ok ? parsed.value : normaliseIdInput(entry.identifier);
      const existing = bySubject.get(identifier);
      if (existing) existing.entryCount += 1;
      else {
        bySubject.set(identifier, {
          identifier,
          name: entry.subjectName,
          masked: parsed.ok ? parsed.masked : maskId(identifier, entry.identifierType),
          kind: entry.subjectKind,
          entryCount: 1,
        });
      }
      if (bySubject.size > NAME_SEARCH_MAX_CANDIDATES) break;
    }
    // One subject past the limit was collected only to learn that the list is cut.
    return { candidates: [...bySubject.values()].slice(0, NAME_SEARCH_MAX_CANDIDATES), more: bySubject.size > NAME_SEARCH_MAX_CANDIDATES };
  }

  return {
    byIdentifier,
    byName,
    async candidate(ref, purpose) {
      if (ref.startsWith(PLATFORM_REF)) {
        try {
          const pre = await preconditions(purpose, 'candidate');
          if (!pre.ok) return pre;
          return await checkCandidate(ref.slice(PLATFORM_REF.length), pre.value.purpose, pre.value.matter, pre.value.catalogue);
        } catch (error) {
          return failWith(error);
        }
      }
      const identifier = candidates.get(ref);
      if (!identifier) return refuseWith('candidate_expired');
      return byIdentifier(identifier, purpose);
    },
  };
}
