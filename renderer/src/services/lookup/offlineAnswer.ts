/**
 * The offline answer to a lookup: list entries by every identifier form from the ListDataStore
 * (the freshest data this terminal has), merged with a profile cached by an earlier online lookup
 * (grades, 海贝分, commitments, repairs, legal representative — which the list sync does not carry),
 * limited to what the matter may see like any platform answer (shared/purpose).
 */
import { NO_DATA_VERSION, type ListEntry, type Matter, type Profile } from '../../../../shared/contract';
import { identifierIndexKeys, type ParsedId } from '../../../../shared/ids';
import { scopeProfile } from '../../../../shared/purpose';
import type { PlatformError } from '../../api/platformError';
import type { ProfileCache } from '../../data/cachedAnswers';
import { identifierKeysOf } from '../../data/entryIndexKeys';
import type { ListDataStore } from '../../data/listDataStore';
import type { Answer } from './answer';
import { matchKinds, type MatchKind } from './matchedBy';
import { offlineNotices } from './notices';

export interface OfflineAnswer {
  profile: Profile | null;
  matchedBy: MatchKind[];
  dataVersion: string;
  dataAgeSeconds: number | null;
  fromCachedProfile: boolean;
  cachedProfileAt: string | null;
  listSynced: boolean;
}

async function entriesFor(store: Pick<ListDataStore, 'lookupByKey'>, keys: readonly string[]): Promise<ListEntry[]> {
  const byId = new Map<string, ListEntry>();
  for (const key of keys) for (const entry of await store.lookupByKey(key)) byId.set(entry.id, entry);
  return [...byId.values()];
}

export async function offlineAnswer(
  parsed: ParsedId,
  matter: Matter,
  deps: { store: Pick<ListDataStore, 'loadFullState' | 'lookupByKey'>; profiles: Pick<ProfileCache, 'bestFor'>; now: Date },
): Promise<OfflineAnswer> {
  const visible = new Set(matter.visibleListTypes);
  const state = await deps.store.loadFullState();
  const listSynced = state.dataVersion !== null;
  const cached = await deps.profiles.bestFor(parsed.value, matter.code);
  const cachedProfile = cached?.profile ?? null;

  // Purpose limitation also offline: only the list types this matter may see.
  const fromList = (await entriesFor(deps.store, identifierIndexKeys(parsed))).filter((e) => visible.has(e.listType));
  // The list store is newer than any cached profile once it has synced at all.
  const entries = listSynced ? fromList : (cachedProfile?.entries ?? []).filter((e) => visible.has(e.listType));

  // The cached profile may have been fetched for another matter: its parts are filtered for this one too.
  let legalRepresentative = cachedProfile?.legalRepresentative ?? null;
  if (legalRepresentative) {
    const repEntries = listSynced
      ? await entriesFor(deps.store, identifierKeysOf(legalRepresentative.identifier))
      : legalRepresentative.entries;
    legalRepresentative = { ...legalRepresentative, entries: repEntries.filter((e) => visible.has(e.listType)) };
  }

  const first = entries[0];
  let profile: Profile | null = null;
  if (cachedProfile || first) {
    profile = {
      subject: cachedProfile?.subject ?? {
        kind: first!.subjectKind,
        name: first!.subjectName,
        identifier: parsed.value,
        identifierType: parsed.type,
        masked: parsed.masked,
      },
      legalRepresentative,
      entries,
      grades: cachedProfile?.grades ?? [],
      haibei: cachedProfile?.haibei ?? null,
      commitments: cachedProfile?.commitments ?? [],
      repairs: (cachedProfile?.repairs ?? []).filter((r) => visible.has(r.listType)),
    };
  }

  const ageFrom = listSynced ? state.lastPullAt : (cached?.fetchedAt ?? null);
  return {
    profile: profile && scopeProfile(profile, matter),
    matchedBy: matchKinds(entries, parsed),
    dataVersion: state.dataVersion ?? cached?.dataVersion ?? NO_DATA_VERSION,
    dataAgeSeconds: ageFrom ? Math.max(0, Math.round((deps.now.getTime() - Date.parse(ageFrom)) / 1000)) : null,
    fromCachedProfile: cachedProfile !== null,
    cachedProfileAt: cached?.fetchedAt ?? null,
    listSynced,
  };
}

/** The cache's answer in the shape of any answer, with the notices that say where it came from and why. */
export async function cacheAnswer(
  deps: Parameters<typeof offlineAnswer>[2],
  parsed: ParsedId,
  matter: Matter,
  why: PlatformError,
): Promise<Answer> {
  const answer = await offlineAnswer(parsed, matter, deps);
  return {
    profile: answer.profile,
    matchedBy: answer.matchedBy,
    source: 'offline',
    dataVersion: answer.dataVersion,
    dataAgeSeconds: answer.dataAgeSeconds,
    fromCachedProfile: answer.fromCachedProfile,
    notices: offlineNotices(answer, why),
  };
}
