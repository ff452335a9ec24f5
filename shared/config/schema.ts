import { z } from 'zod';

function isAbsolutePath(path: string): boolean {
  // C:\… or \\server\share\… on Windows, /… on Linux; shared/ has no path module.
  return /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]+\\[^\\]+/.test(path) || path.startsWith('/');
}

/**
 * Terminal configuration that IT manages. Every key is optional in a source;
 * the effective configuration merges sources by precedence and remembers where each key came from.
 */
export const ConfigValues = z.object({
  /** Base URL of the credit platform, e.g. https://credit.weihai.gov.cn (API under /api/v1). */
  platformUrl: z.url({ protocol: /^https?$/ }),
  terminalName: z.string().trim().max(64),
  /** Proxy rules passed to Chromium (e.g. "http=proxy.local:8080"), empty = system. */
  proxy: z.string(),
  lockTimeoutMinutes: z.number().int().min(1).max(240),
  /** After this many hours without a successful pull, every result carries a staleness warning. */
  stalenessLimitHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  offlineUnlockHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14),
  /**
   * Days the terminal keeps records the platform acknowledged, so it can send them again to a
   * platform that lost them (restored from a backup, a power cut after answering).
   */
  deliveredRetentionDays: z.number().int().min(1).max(90),
  kiosk: z.boolean(),
  /** Intranet URL of the update feed (https only: an installer runs from it), or "off". */
  autoUpdateUrl: z.union([z.literal('off'), z.url({ protocol: /^https$/ })]),
  /** Linux only: allow keeping the terminal secret without an OS keyring (plain-text fallback). */
  allowPlaintextSecretStorage: z.boolean(),
  /** Support only: open the developer tools in a packaged build (they are off otherwise). */
  allowDevTools: z.boolean(),
  /** Where saved check slips (PDF, with personal data) go; empty = Documents\核查单. An absolute path. */
  slipFolder: z.union([z.literal(''), z.string().max(260).refine(isAbsolutePath, '必须是绝对路径')]),
  /** Saved check slips older than this many days are deleted when the app starts. */
  slipRetentionDays: z.number().int().min(1).max(3650),
  /**
   * The platform's Ed25519 public key (base64 of the raw 32 bytes) that must have signed every list
   * snapshot; empty = the key received at enrolment. A trust anchor: never from the command line.
   */
  platformPublicKey: z.union([z.literal(''), z.string().regex(/^[A-Za-z0-9+/]{43}=$/)]),
  /** The language of the screens: zh-CN (the default, complete) or en-US (the main screens; the rest stays Chinese). */
  locale: z.enum(['zh-CN', 'en-US']),
});
export type ConfigValues = z.infer<typeof ConfigValues>;
export type ConfigKey = keyof ConfigValues;

export const PartialConfig = ConfigValues.partial().strict();
export type PartialConfig = z.infer<typeof PartialConfig>;

export const CONFIG_DEFAULTS: ConfigValues = {
  platformUrl: 'http://127.0.0.1:8787',
  terminalName: '',
  proxy: '',
  lockTimeoutMinutes: 10,
  stalenessLimitHours: 24,
  offlineUnlockHours: 72,
  deliveredRetentionDays: 7,
  kiosk: false,
  autoUpdateUrl: 'off',
  allowPlaintextSecretStorage: false,
  allowDevTools: false,
  slipFolder: '',
  slipRetentionDays: 30,
  platformPublicKey: '',
  locale: 'zh-CN',
};

/** Sources in increasing precedence. */
export const ConfigSource = z.enum(['default', 'beside-executable', 'command-line', 'machine', 'policy', 'web']);
export type ConfigSource = z.infer<typeof ConfigSource>;

/**
 * Keys set by these sources are managed by IT: nothing overrides them and they are read-only in the UI.
 * Only sources a standard user cannot write count (an ACL- or root-protected machine file, Group Policy).
 */
export const MANAGED_SOURCES: readonly ConfigSource[] = ['machine', 'policy'];

/**
 * Keys that decide where data and secrets go, what code runs and how the terminal is locked down:
 * a packaged app never takes them from the command line (anyone who can edit a shortcut could).
 */
export const SECURITY_KEYS: ReadonlySet<ConfigKey> = new Set<ConfigKey>([
  'platformUrl',
  'proxy',
  'lockTimeoutMinutes',
  'stalenessLimitHours',
  'offlineUnlockHours',
  'kiosk',
  'autoUpdateUrl',
  'allowPlaintextSecretStorage',
  'allowDevTools',
  'slipFolder',
  'slipRetentionDays',
  'deliveredRetentionDays',
  'platformPublicKey',
]);

/**
 * Keys that weaken a protection or anchor trust (the snapshot signing key): accepted from managed
 * sources only — a file a standard user can write must not choose whose lists the terminal believes.
 */
export const MANAGED_ONLY_KEYS: ReadonlySet<ConfigKey> = new Set<ConfigKey>([
  'allowPlaintextSecretStorage',
  'allowDevTools',
  'platformPublicKey',
]);

export interface EffectiveConfig {
  values: ConfigValues;
  sources: Record<ConfigKey, ConfigSource>;
  /** Problems found while reading sources (Chinese), e.g. an ignored insecure file. */
  problems: string[];
}
