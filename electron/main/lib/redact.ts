/**
 * Log redaction: nothing that identifies an applicant (resident ID numbers, 15-digit legacy IDs,
 * unified social credit codes) and nothing that authenticates (terminal secret, bearer tokens,
 * passwords, enrolment codes) may reach the log file IT collects. Masked forms such as
 * 3710**********1237 are already safe and pass unchanged.
 */
export const REDACTED = '[已隐去]';

// Not preceded or followed by another letter/digit, so parts of longer tokens are caught by the token rule.
const RESIDENT_ID_18 = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const RESIDENT_ID_15 = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
// GB 32100: registration authority, type, 6-digit division code, 9-char organisation code, check.
const USCC = /(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUW-Y][0-9A-HJ-NP-RTUW-Y]\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Za-z])/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SENSITIVE_NAME =
  '(?:[a-z_-]*(?:secret|token|password|passwd|pwd|authorization|enrolment[_-]?code|enrollment[_-]?code|cookie|api[_-]?key|credential)[a-z_-]*)';
// key=value, key: value, "key": "value"
const SENSITIVE_PAIR = new RegExp(`(["']?${SENSITIVE_NAME}["']?\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s,;&}]+)`, 'gi');
// Long opaque strings mixing letters and digits (hex, base64, base64url) are treated as secrets.
// 40+ characters, so UUIDs (36) such as outbox mutation ids stay readable for support.
const OPAQUE = /(?<![A-Za-z0-9+/_-])(?=[A-Za-z+/_-]*\d)(?=[0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{40,}={0,2}/g;
const SENSITIVE_KEY = new RegExp(`^${SENSITIVE_NAME}$`, 'i');

/** Full-width digits and letters (Ｘ, ３) are normalised first so an ID typed in full width is caught too. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

export function redactText(text: string): string {
  return toHalfWidth(text)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SENSITIVE_PAIR, (_match, prefix: string) => `${prefix}${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(RESIDENT_ID_18, REDACTED)
    .replace(USCC, REDACTED)
    .replace(RESIDENT_ID_15, REDACTED)
    .replace(OPAQUE, REDACTED);
}

/** Redacts any value a log call may carry: strings, errors, arrays and plain objects (by key and by value). */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e14) return REDACTED;
  if (typeof value === 'bigint') return REDACTED;
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) ? REDACTED : redactValue(item, depth + 1);
  }
  return out;
}
