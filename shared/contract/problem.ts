import { z } from 'zod';

/** Machine-readable problem codes the client acts on. */
export const ProblemCode = z.enum([
  'bad_request',
  'purpose_required',
  /** The case number does not have the format the matter's catalogue entry defines. */
  'invalid_case_no',
  'invalid_identifier',
  'unauthorized',
  'forbidden',
  'not_found',
  'no_records',
  'resync',
  'seq_gap',
  'id_conflict',
  'seq_conflict',
  'business_rule',
  'client_outdated',
  'rate_limited',
  /** A name search with fewer than two Chinese characters or three pinyin initials. */
  'name_query_too_short',
  /** The operator has used up this hour's name searches (429, with Retry-After). */
  'name_search_budget',
  'enrolment_refused',
  /** A record names an operator the platform does not know, or one who never signed in on that terminal. */
  'unknown_operator',
  /** The platform has no record of this terminal (restored from a backup older than its enrolment). */
  'unknown_terminal',
  /** This terminal identity was handed over to a newer enrolment of the same PC. */
  'terminal_replaced',
  /** A hand-over without proof that the successor is the same PC (the predecessor's secret, or an IT administrator). */
  'handover_refused',
  'internal',
  'unavailable',
  'snapshot_building',
  'terminal_key_reused',
  /** POST /slips/lookup: what was typed is not a 核验码. */
  'bad_reference',
  /** POST /slips/lookup: the platform holds no printed slip with this 核验码. */
  'slip_not_found',
  /** POST /slips/lookup: the operator's lookups that found nothing this hour are used up (429, with Retry-After). */
  'slip_lookup_budget',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** RFC 9457 problem details, with the extensions platform API v1 uses. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  /** 409 seq_gap: the seq the platform expects next. */
  expectedSeq: z.number().int().optional(),
  /** 404 no_records: the data version the answer was based on. */
  dataVersion: z.string().optional(),
  /** 400 invalid_identifier: the parse error from shared/ids. */
  parseError: z
    .object({ code: z.string(), message: z.string(), position: z.number().optional(), expected: z.string().optional() })
    .optional(),
  /** 426: the lowest client version the platform accepts. */
  minimumVersion: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, code: ProblemCode, title: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:credit-counter:problem:${code}`, title, status, code, ...extra };
}
