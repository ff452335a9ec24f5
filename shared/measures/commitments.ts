/**
 * Which credit commitments (信用承诺) a subject may make, by the catalogue's rule: a kind is closed to a
 * subject with an entry of one of its `notForListTypes` that still has effect (the same judgement as
 * for triggering measures: active on its end date, expired the day after, objection policy per list type).
 * One rule for the counter (what it offers) and the platform (what it accepts).
 */
import type { Catalogue, ListEntry } from '../contract/domain';
import { entryTriggers } from './status';

export interface CommitmentOption {
  kind: string;
  eligible: boolean;
  /** Why not (Chinese), when not eligible. */
  reason: string | null;
}

/** The catalogue's commitment kinds, each with whether the subject with these entries may make it. */
export function commitmentOptions(catalogue: Catalogue, entries: readonly ListEntry[], today: string): CommitmentOption[] {
  const listTypes = new Map(catalogue.listTypes.map((lt) => [lt.code, lt]));
  const effective = entries.filter((e) => entryTriggers(e, listTypes.get(e.listType), today).triggers);
  return (catalogue.commitmentKinds ?? []).map((kind) => {
    const barring = effective.find((e) => kind.notForListTypes.includes(e.listType));
    if (!barring) return { kind: kind.name, eligible: true, reason: null };
    const listName = listTypes.get(barring.listType)?.name ?? barring.listType;
    return { kind: kind.name, eligible: false, reason: `列入“${listName}”名单的主体不能作出“${kind.name}”` };
  });
}

/** Why this subject may not make a commitment of `kind` (null: it may, or the catalogue has no rule for the kind). */
export function commitmentRefusal(catalogue: Catalogue, kind: string, entries: readonly ListEntry[], today: string): string | null {
  return commitmentOptions(catalogue, entries, today).find((o) => o.kind === kind && !o.eligible)?.reason ?? null;
}
