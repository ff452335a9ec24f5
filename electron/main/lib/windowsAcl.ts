/**
 * Who may change a file on Windows, decided from its security descriptor in SDDL — the text
 * `(Get-Acl -LiteralPath <path>).Sddl` prints, which names accounts by well-known SIDs and aliases
 * (BA, SY, BU…) whatever the display language. icacls's output is never parsed: it is localised.
 *
 * The rule is deliberately simple and errs on the side of refusing: the owner must be an administrators
 * account or the system, and no allow entry that applies to the object may give anyone else any right that
 * changes, deletes or re-permissions it. Deny entries are not weighed (a deny that covers the grant is rare
 * and easy to replace by removing the grant).
 */

export interface AccessEntry {
  /** A (allow), D (deny), XA/XD (conditional), OA/OD (object) … as written. */
  type: string;
  /** OI, CI, NP, IO, ID … */
  flags: string[];
  mask: number;
  /** The trustee: an SDDL alias (BA, SY…) or a SID string (S-1-…), upper-cased. */
  sid: string;
}

export interface SecurityDescriptor {
  owner: string | null;
  /** null: no DACL at all ("NO_ACCESS_CONTROL" or none given), which lets everyone do everything. */
  dacl: AccessEntry[] | null;
}

export class SddlError extends Error {
  override readonly name = 'SddlError';
}

const RIGHT_CODES: Record<string, number> = {
  GA: 0x10000000,
  GR: 0x80000000,
  GW: 0x40000000,
  GX: 0x20000000,
  RC: 0x00020000,
  SD: 0x00010000,
  WD: 0x00040000,
  WO: 0x00080000,
  // Directory-service letters reuse the low bits, which are the file rights for a file or folder.
  CC: 0x1,
  DC: 0x2,
  LC: 0x4,
  SW: 0x8,
  RP: 0x10,
  WP: 0x20,
  DT: 0x40,
  LO: 0x80,
  CR: 0x100,
  FA: 0x001f01ff,
  FR: 0x00120089,
  FW: 0x00120116,
  FX: 0x001200a0,
  KA: 0x000f003f,
  KR: 0x00020019,
  KW: 0x00020006,
  KX: 0x00020019,
};

/**
 * Rights that change the object: write data / add file (0x2), append / add subfolder (0x4), write
 * extended attributes (0x10), delete child (0x40), write attributes (0x100), DELETE, WRITE_DAC,
 * WRITE_OWNER, MAXIMUM_ALLOWED, GENERIC_ALL and GENERIC_WRITE.
 */
export const MODIFYING_RIGHTS =
  0x2 | 0x4 | 0x10 | 0x40 | 0x100 | 0x00010000 | 0x00040000 | 0x00080000 | 0x02000000 | 0x10000000 | 0x40000000;

const ALIAS_SIDS: Record<string, string> = {
  SY: 'S-1-5-18',
  BA: 'S-1-5-32-544',
  BU: 'S-1-5-32-545',
  BG: 'S-1-5-32-546',
  PU: 'S-1-5-32-547',
  AU: 'S-1-5-11',
  IU: 'S-1-5-4',
  WD: 'S-1-1-0',
  AN: 'S-1-5-7',
  CO: 'S-1-3-0',
  CG: 'S-1-3-1',
  OW: 'S-1-3-4',
  LS: 'S-1-5-19',
  NS: 'S-1-5-20',
  AC: 'S-1-15-2-1',
};

const TRUSTED_INSTALLER = 'S-1-5-80-956008885-3425868253-1451283380-2612590291';

/** The system, the local Administrators group, TrustedInstaller, and the machine's or domain's administrator accounts and groups. */
export function isAdministrativeSid(sid: string): boolean {
  const full = ALIAS_SIDS[sid] ?? sid;
  if (full === 'S-1-5-18' || full === 'S-1-5-32-544' || full === TRUSTED_INSTALLER) return true;
  // LA: the local Administrator account; DA / EA: Domain Admins / Enterprise Admins (relative to a domain).
  if (sid === 'LA' || sid === 'DA' || sid === 'EA') return true;
  return /^S-1-5-21-\d+-\d+-\d+-(500|512|519)$/.test(full);
}

/** CREATOR OWNER / CREATOR GROUP only mean something in inheritable entries: no token carries them. */
function isCreatorPlaceholder(sid: string): boolean {
  const full = ALIAS_SIDS[sid] ?? sid;
  return full === 'S-1-3-0' || full === 'S-1-3-1';
}

function parseRights(text: string): number {
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  if (text.length % 2 !== 0) throw new SddlError(`无法识别的权限：${text}`);
  let mask = 0;
  for (let i = 0; i < text.length; i += 2) {
    const code = text.slice(i, i + 2).toUpperCase();
    const bits = RIGHT_CODES[code];
    if (bits === undefined) throw new SddlError(`无法识别的权限：${code}`);
    mask |= bits;
  }
  return mask >>> 0;
}

function parseFlags(text: string): string[] {
  if (text.length % 2 !== 0) throw new SddlError(`无法识别的继承标志：${text}`);
  const flags: string[] = [];
  for (let i = 0; i < text.length; i += 2) flags.push(text.slice(i, i + 2).toUpperCase());
  return flags;
}

/** Splits "(…)(…(…))…" into the ACE bodies, keeping the parentheses of conditional expressions. */
function splitAces(text: string): string[] {
  const aces: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (char === ')') {
      depth--;
      if (depth < 0) throw new SddlError('括号不匹配');
      if (depth === 0) aces.push(text.slice(start, i));
    } else if (depth === 0) {
      throw new SddlError(`访问控制项之外的字符：${char}`);
    }
  }
  if (depth !== 0) throw new SddlError('括号不匹配');
  return aces;
}

function parseAce(body: string): AccessEntry {
  const parts = body.split(';');
  if (parts.length < 6) throw new SddlError(`访问控制项不完整：(${body})`);
  const [type = '', flags = '', rights = '', , , sid = ''] = parts;
  if (!/^[A-Z]{1,2}$/i.test(type) || !/^(S-1-[\d-]+|[A-Z]{2})$/i.test(sid)) throw new SddlError(`无法识别的访问控制项：(${body})`);
  return { type: type.toUpperCase(), flags: parseFlags(flags), mask: parseRights(rights), sid: sid.toUpperCase() };
}

/** Parses the owner and the DACL of an SDDL string; the group and the SACL are not needed. */
export function parseSddl(sddl: string): SecurityDescriptor {
  const text = sddl.trim();
  const match = /^(?:O:(?<owner>[^:]+?))?(?:G:(?<group>[^:]+?))?(?:D:(?<dacl>.*?))?(?:S:(?<sacl>[^:]*))?$/s.exec(text);
  if (!text || !match?.groups) throw new SddlError('不是有效的安全描述符');
  const { owner, dacl } = match.groups;
  if (owner !== undefined && !/^(S-1-[\d-]+|[A-Z]{2})$/i.test(owner)) throw new SddlError(`无法识别的所有者：${owner}`);
  if (dacl === undefined) return { owner: owner?.toUpperCase() ?? null, dacl: null };
  const aceStart = dacl.indexOf('(');
  const controlFlags = aceStart === -1 ? dacl : dacl.slice(0, aceStart);
  if (!/^(P|AI|AR|NO_ACCESS_CONTROL)*$/.test(controlFlags)) throw new SddlError(`无法识别的 DACL 标志：${controlFlags}`);
  if (controlFlags.includes('NO_ACCESS_CONTROL')) return { owner: owner?.toUpperCase() ?? null, dacl: null };
  const entries = aceStart === -1 ? [] : splitAces(dacl.slice(aceStart)).map(parseAce);
  return { owner: owner?.toUpperCase() ?? null, dacl: entries };
}

/** Accounts other than administrators that may change, delete or re-permission the object. */
export function nonAdministrativeWriters(descriptor: SecurityDescriptor): string[] {
  if (descriptor.dacl === null) return ['WD'];
  const ownerIsAdministrative = descriptor.owner !== null && isAdministrativeSid(descriptor.owner);
  const writers = new Set<string>();
  for (const entry of descriptor.dacl) {
    const allows = entry.type === 'A' || entry.type === 'XA' || entry.type === 'OA' || entry.type === 'ZA';
    if (!allows || entry.flags.includes('IO')) continue;
    if ((entry.mask & MODIFYING_RIGHTS) === 0) continue;
    if (isAdministrativeSid(entry.sid) || isCreatorPlaceholder(entry.sid)) continue;
    // OWNER RIGHTS stands for whoever owns the object.
    if (entry.sid === 'OW' || entry.sid === 'S-1-3-4') {
      if (ownerIsAdministrative) continue;
    }
    writers.add(entry.sid);
  }
  return [...writers];
}

export type AclVerdict = { trusted: true } | { trusted: false; reason: string };

/** The owner must be administrative (an owner may always rewrite the ACL) and nobody else may write. */
export function judgeSecurityDescriptor(sddl: string): AclVerdict {
  let descriptor: SecurityDescriptor;
  try {
    descriptor = parseSddl(sddl);
  } catch (error) {
    return { trusted: false, reason: `无法解析其权限（${error instanceof Error ? error.message : String(error)}）` };
  }
  if (descriptor.owner === null || !isAdministrativeSid(descriptor.owner)) {
    return { trusted: false, reason: `所有者 ${descriptor.owner ?? '（无）'} 不是 Administrators 或 SYSTEM` };
  }
  const writers = nonAdministrativeWriters(descriptor);
  if (writers.length > 0) {
    return { trusted: false, reason: `${writers.map(describeSid).join('、')} 可以修改` };
  }
  return { trusted: true };
}

const SID_NAMES: Record<string, string> = {
  BU: 'Users',
  AU: 'Authenticated Users',
  WD: 'Everyone',
  IU: 'INTERACTIVE',
  BG: 'Guests',
  PU: 'Power Users',
  AN: 'ANONYMOUS LOGON',
  OW: 'OWNER RIGHTS',
};

function describeSid(sid: string): string {
  const name = SID_NAMES[sid];
  return name ? `${name}（${ALIAS_SIDS[sid] ?? sid}）` : sid;
}
