/**
 * Name keys a name search compares: the name itself (normalised) and its pinyin initials, so a
 * clerk can type 李建军 or LJJ. Shared by the terminal's cache and the platform's search.
 */
import { pinyin } from 'pinyin-pro';

/** Names are compared without spaces, full-width letters folded, Latin letters upper-cased. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Whose name it is: a person's name starts with a surname, read as one (曾 zēng, 单 shàn, 解 xiè). */
export type NameOf = 'person' | 'organisation';

/** A subject kind (PERSON, ENTERPRISE, …) as whose name it is. */
export function nameOf(subjectKind: string): NameOf {
  return subjectKind === 'PERSON' ? 'person' : 'organisation';
}

/** 张三 → "ZS", 曾国藩 → "ZGF" (person); letters and digits in a name keep their place, punctuation drops out. */
export function pinyinInitials(name: string, of: NameOf = 'organisation'): string {
  const letters = pinyin(normaliseName(name), {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    ...(of === 'person' ? { surname: 'head' as const } : {}),
  });
  return letters
    .join('')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** True when a query should be read as pinyin initials rather than as the start of a name. */
export function isInitialsQuery(query: string): boolean {
  return /^[A-Za-z]+$/.test(query.normalize('NFKC').replace(/\s+/g, ''));
}

/** The key an initials query is compared with: upper-case letters, no spaces. */
export function initialsQueryKey(query: string): string {
  return normaliseName(query);
}

export type InitialsOf = (name: string, of?: NameOf) => string;

/** Remembers initials per distinct name: list data and demo data repeat names a lot. */
export function createInitialsCache(limit = 200_000, compute: InitialsOf = pinyinInitials): InitialsOf {
  const cache = new Map<string, string>();
  return (name, of = 'organisation') => {
    const key = `${of === 'person' ? 'P' : 'O'}${normaliseName(name)}`;
    let initials = cache.get(key);
    if (initials === undefined) {
      if (cache.size >= limit) cache.clear();
      initials = compute(name, of);
      cache.set(key, initials);
    }
    return initials;
  };
}

/** A name search must be specific enough to name someone, not enumerate everyone (platform and terminal alike). */
export const NAME_QUERY_MIN_HAN = 2;
export const NAME_QUERY_MIN_INITIALS = 3;
export const NAME_QUERY_TOO_SHORT = '请至少输入两个汉字或三个拼音首字母';

const HAN = /\p{Script=Han}/gu;

/** True when a name-search query has fewer than two Chinese characters (or, as initials, fewer than three letters). */
export function isNameQueryTooShort(query: string): boolean {
  if (isInitialsQuery(query)) return initialsQueryKey(query).length < NAME_QUERY_MIN_INITIALS;
  return (query.match(HAN)?.length ?? 0) < NAME_QUERY_MIN_HAN;
}
