import { z } from 'zod';

/**
 * Terminal configuration that IT manages (DESIGN.md §6). Every key is optional in a source;
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
  kiosk: z.boolean(),
  /** Intranet URL of the update feed, or "off". */
  autoUpdateUrl: z.union([z.literal('off'), z.url({ protocol: /^https?$/ })]),
  /** Linux only: allow keeping the terminal secret without an OS keyring (plain-text fallback). */
  allowPlaintextSecretStorage: z.boolean(),
  /**
   * The platform's Ed25519 public key (base64 of the raw 32 bytes) that must have signed every list
   * snapshot; empty = the key received at enrolment. A trust anchor: never from the command line.
   */
  platformPublicKey: z.union([z.literal(''), z.string().regex(/^[A-Za-z0-9+/]{43}=$/)]),
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
  kiosk: false,
  autoUpdateUrl: 'off',
  allowPlaintextSecretStorage: false,
  platformPublicKey: '',
};

/** Keys that only IT's files and policy may set: trust anchors a command line must not change. */
export const NOT_FROM_COMMAND_LINE: readonly ConfigKey[] = ['platformPublicKey'];

/** Sources in increasing precedence. */
export const ConfigSource = z.enum(['default', 'beside-executable', 'machine', 'policy', 'command-line', 'web']);
export type ConfigSource = z.infer<typeof ConfigSource>;

/** Keys set by these sources are managed by IT and read-only in the UI. */
export const MANAGED_SOURCES: readonly ConfigSource[] = ['machine', 'policy', 'command-line'];

export interface EffectiveConfig {
  values: ConfigValues;
  sources: Record<ConfigKey, ConfigSource>;
  /** Problems found while reading sources (Chinese), e.g. an ignored insecure file. */
  problems: string[];
}
