/**
 * Log redaction: nothing that identifies an applicant (resident ID numbers, 15-digit legacy IDs,
 * unified social credit codes) and nothing that authenticates (terminal secret, bearer tokens,
 * passwords, enrolment codes) may reach the log file IT collects; and no message may start a line of
 * its own. Masked forms such as 3710**********1237 are already safe and pass unchanged.
 *
 * Identifiers are found by a scanner rather than by whole-token patterns, because people and programs
 * write them in many ways: next to letters (ID371002…), inside URLs (subjects%2F3710…), in groups with
 * spaces or dashes, cut short, in full width, and credit codes with O or I typed for 0 or 1.
 */
export const REDACTED = '[已隐去]';

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SENSITIVE_NAME =
  '(?:[a-z_-]*(?:secret|token|password|passwd|pwd|authorization|enrol(?:l)?ment[\\s_-]?code|cookie|api[_-]?key|credential)[a-z_-]*|密码|口令|密钥|登记码|令牌|凭据|授权码)';
// key=value, key: value, key：value, "key": "value", and "password value" (a bare space).
const SENSITIVE_PAIR = new RegExp(
  `(["']?${SENSITIVE_NAME}["']?(?:\\s*[:=：＝]\\s*|\\s+))("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s,;&}，。；]+)`,
  'gi',
);
// Long opaque strings mixing letters and digits (hex, base64, base64url) are treated as secrets.
// 40+ characters, so UUIDs (36) such as outbox mutation ids stay readable for support.
const OPAQUE = /(?<![A-Za-z0-9+/_-])(?=[A-Za-z+/_-]*\d)(?=[0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{40,}={0,2}/g;
const SENSITIVE_KEY = new RegExp(`^${SENSITIVE_NAME}$`, 'i');
// Mutation and check ids: kept readable, and never read as part of an identifier.
const UUID = /(?<![0-9A-Za-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z])/gi;

/** Full-width digits and letters (Ｘ, ３) are normalised first so an ID typed in full width is caught too. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

const ALNUM = /[0-9A-Za-z]/;
// What may stand between the parts of one written identifier: white space (any), dashes of every kind
// (the full-width － a Chinese input method types included), underscores, plus signs and '%20' (a space in a
// URL), control characters and invisible format characters (zero-width spaces, soft hyphens, invisible
// separators). At most MAX_GAP of them.
const SEPARATOR = /[\s\p{Cc}\p{Cf}\p{Pd}\p{Pc}+\u2212\uff0b]/u;
const MAX_GAP = 3;
const MIN_ID_DIGITS = 15;
const USCC_LENGTH = 18;

/** Alphanumeric characters that belong together, with their positions in the text. */
interface Chain {
  chars: string;
  positions: number[];
}

function chainsOf(text: string, skip: boolean[]): Chain[] {
  const chains: Chain[] = [];
  let current: Chain | null = null;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (!skip[i] && ALNUM.test(char)) {
      if (!current || gap > MAX_GAP) {
        current = { chars: '', positions: [] };
        chains.push(current);
      }
      current.chars += char;
      current.positions.push(i);
      gap = 0;
    } else if (current && !skip[i] && text.startsWith('%20', i)) {
      gap += 1;
      i += 2;
    } else if (current && !skip[i] && SEPARATOR.test(char)) {
      gap += 1;
    } else {
      current = null;
      gap = 0;
    }
  }
  return chains;
}

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** Spans [start, end) of the text that hold an identifier. */
function identifierSpans(text: string): [number, number][] {
  const skip: boolean[] = new Array<boolean>(text.length).fill(false);
  for (const match of text.matchAll(UUID)) for (let i = match.index; i < match.index + match[0].length; i++) skip[i] = true;
  const spans: [number, number][] = [];
  for (const { chars, positions } of chainsOf(text, skip)) {
    const at = (index: number) => positions[index] ?? 0;
    // Resident IDs and their fragments: 15 or more digits in one chain, with a following check X.
    const long: [number, number][] = [];
    for (const match of chars.matchAll(/\d+/g)) {
      if (match[0].length < MIN_ID_DIGITS) continue;
      let last = match.index + match[0].length - 1;
      if (/[Xx]/.test(chars.charAt(last + 1))) last += 1;
      long.push([match.index, last]);
      spans.push([at(match.index), at(last) + 1]);
    }
    // Credit codes: 18 characters whose 3rd–8th are the division code (digits, or O/I/L typed for them); the
    // other twelve may all be letters, so six digits are enough.
    for (let i = 0; i + USCC_LENGTH <= chars.length; i++) {
      const last = i + USCC_LENGTH - 1;
      if (long.some(([start, end]) => start <= last && end >= i)) continue;
      const window = chars.slice(i, i + USCC_LENGTH);
      const division = window.slice(2, 8);
      if (!/^[0-9OoIiLl]{6}$/.test(division) || digitCount(division) < 4) continue;
      if (digitCount(window) < 6 || !/[A-Za-z]/.test(window)) continue;
      spans.push([at(i), at(last) + 1]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous && span[0] <= previous[1]) previous[1] = Math.max(previous[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

function redactIdentifiers(text: string): string {
  let out = '';
  let from = 0;
  for (const [start, end] of identifierSpans(text)) {
    out += text.slice(from, start) + REDACTED;
    from = end;
  }
  return out + text.slice(from);
}

/**
 * Line breaks, other control characters, and the Unicode line separators and direction overrides are
 * written as escapes, so a message can neither start a forged log line nor hide text.
 */
export function escapeControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this must match
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function redactText(text: string): string {
  const secretsRemoved = toHalfWidth(text)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SENSITIVE_PAIR, (_match, prefix: string) => `${prefix}${REDACTED}`)
    .replace(JWT, REDACTED);
  return escapeControlCharacters(redactIdentifiers(secretsRemoved).replace(OPAQUE, REDACTED));
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
    // Keys are text too: a map of results by subject would otherwise log every ID number in clear.
    out[redactText(key)] = SENSITIVE_KEY.test(key) ? REDACTED : redactValue(item, depth + 1);
  }
  return out;
}
