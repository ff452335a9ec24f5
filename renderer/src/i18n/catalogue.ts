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

/** The active catalogue. Read it as `t.lookup.placeholder` or `t.measures.missingReason(title)`. */
export let t: Messages = zhCN;

export function setCatalogue(messages: Messages): void {
  t = messages;
}
