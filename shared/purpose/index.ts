/**
 * Purpose limitation (查询目的限定): a matter sees only what its catalogue entry asks for — the list
 * types it names, and of the rest of a profile only the industry-grade fields, the 海贝分 and the
 * commitments it asks for — and a case number must have the matter's format where it has one.
 * The platform applies this to every answer, and the terminal to its offline answers.
 */
import type { Matter, Profile } from '../contract';

/** The profile as this matter may see it. */
export function scopeProfile(profile: Profile, matter: Matter): Profile {
  const lists = new Set(matter.visibleListTypes);
  const parts = matter.visibleProfile;
  const gradeFields = new Set(parts?.gradeFields ?? []);
  return {
    ...profile,
    legalRepresentative: profile.legalRepresentative && {
      ...profile.legalRepresentative,
      entries: profile.legalRepresentative.entries.filter((e) => lists.has(e.listType)),
    },
    entries: profile.entries.filter((e) => lists.has(e.listType)),
    repairs: profile.repairs.filter((r) => lists.has(r.listType)),
    grades: profile.grades.filter((g) => gradeFields.has(g.field)),
    haibei: parts?.haibei === true ? profile.haibei : null,
    commitments: parts?.commitments === true ? profile.commitments : [],
  };
}

export type CaseNoCheck = { ok: true } | { ok: false; message: string };

/** The matter's case-number pattern as an anchored expression; null when it defines none. */
export function caseNoPattern(matter: Matter): RegExp | null {
  const format = matter.caseNoFormat;
  if (!format) return null;
  try {
    return new RegExp(`^(?:${format.pattern})$`, 'u');
  } catch {
    // A broken pattern in the catalogue matches nothing: no case number can be vouched for.
    return /(?!)/u;
  }
}

/** Whether a (trimmed) case number has the matter's format; the message says what the format is. */
export function checkCaseNo(matter: Matter, caseNo: string): CaseNoCheck {
  const pattern = caseNoPattern(matter);
  if (pattern === null || pattern.test(caseNo.trim())) return { ok: true };
  return { ok: false, message: `办件编号格式不对：“${matter.name}”的办件编号应形如 ${matter.caseNoFormat?.example ?? ''}` };
}
