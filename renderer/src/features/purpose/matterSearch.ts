/**
 * Finding a matter as a clerk types it: by code, by the words of its name in their order even with words
 * left out ("劳动模范评选" finds "劳动模范、道德模范评选"), and by pinyin initials ("LDMF"). Names use the
 * same pinyin initials as the name search.
 */
import { normaliseName, pinyinInitials } from '../../../../shared/names';

export interface MatterSearchKey {
  code: string;
  /** The name without spaces and punctuation, so "、" or "（" never stands between two words. */
  name: string;
  initials: string;
}

/** Letters, digits and Chinese characters only, Latin letters upper-cased. */
function bare(text: string): string {
  return normaliseName(text).replace(/[^\p{L}\p{N}]/gu, '');
}

export function matterSearchKey(matter: { code: string; name: string }): MatterSearchKey {
  return { code: bare(matter.code), name: bare(matter.name), initials: pinyinInitials(matter.name) };
}

/** True when every character of `query` occurs in `text`, in order (other characters may stand between). */
function inOrder(query: string, text: string): boolean {
  let at = 0;
  for (const ch of text) {
    if (ch === query[at]) at += 1;
    if (at === query.length) return true;
  }
  return at === query.length;
}

/**
 * How well a matter answers a query, lower is better; null when it does not match. Whole-piece matches
 * (the code or a run of the name) come before words picked out of the name, which come before initials.
 */
export function matterMatchRank(key: MatterSearchKey, query: string): number | null {
  const q = bare(query);
  if (q === '') return 0;
  if (key.code === q) return 0;
  if (key.code.includes(q) || key.name.includes(q)) return 1;
  if (inOrder(q, key.name)) return 2;
  if (/^[A-Z]+$/.test(q)) {
    if (key.initials.startsWith(q)) return 3;
    if (key.initials.includes(q)) return 4;
    if (inOrder(q, key.initials)) return 5;
  }
  return null;
}
