import type { ConfigValues } from '../../../shared/config/schema';
import { enUS } from './enUS';
import { zhCN } from './zhCN';

/**
 * The catalogue's shape with literal strings widened, so another language can implement it:
 * `export const enUS: Messages = { ... }` and `setCatalogue(enUS)`.
 */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends ReadonlyArray<infer E>
      ? ReadonlyArray<Widen<E>>
      : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof zhCN>;

/** A catalogue that words part of the screens; what it leaves out is shown from zh-CN. */
export type PartialMessages<T = Messages> = T extends string | ((...args: never[]) => string) | ReadonlyArray<unknown>
  ? T
  : { [K in keyof T]?: PartialMessages<T[K]> };

export type Locale = ConfigValues['locale'];

/** The active catalogue. Read it as `t.lookup.placeholder` or `t.measures.refusal.reason_required(title)`. */
export let t: Messages = zhCN;

export function setCatalogue(messages: Messages): void {
  t = messages;
}

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `over` laid over `base`, group by group: every key `over` leaves out keeps base's wording. */
export function overlay<T>(base: T, over: PartialMessages<T> | undefined): T {
  if (!isGroup(base) || !isGroup(over)) return (over ?? base) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) merged[key] = overlay((base as Record<string, unknown>)[key], value as never);
  }
  return merged as T;
}

/** The catalogue of a locale (config `locale`): zh-CN is complete, en-US words the main screens over it. */
export function catalogueFor(locale: Locale): Messages {
  return locale === 'en-US' ? overlay<Messages>(zhCN, enUS) : zhCN;
}

/** Chooses the screens' language once at start, before anything is drawn. */
export function setLocale(locale: Locale): void {
  setCatalogue(catalogueFor(locale));
}
