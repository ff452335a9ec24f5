import type { z } from 'zod';
import { isAppUrl } from './appOrigin';

/** The part of Electron's IpcMainEvent / IpcMainInvokeEvent the guard looks at. */
export interface IpcSenderInfo {
  senderFrame: { url: string } | null | undefined;
}

export class IpcRejected extends Error {
  override readonly name = 'IpcRejected';
}

/** Only the app's own page may call the host: a frame on any other origin (or a destroyed one) is refused. */
export function isTrustedSender(event: IpcSenderInfo): boolean {
  return isAppUrl(event.senderFrame?.url);
}

/**
 * Wraps a channel implementation so that it runs only for a trusted sender and with arguments that
 * match the channel's zod schema. Anything else throws IpcRejected before the implementation is reached.
 */
export function guardIpc<Args extends readonly unknown[], Event extends IpcSenderInfo, Result>(
  channel: string,
  schema: z.ZodType<Args>,
  implementation: (event: Event, ...args: Args) => Result,
): (event: Event, ...args: unknown[]) => Result {
  return (event, ...args) => {
    if (!isTrustedSender(event)) {
      throw new IpcRejected(`拒绝来自非本应用页面的调用：${channel}`);
    }
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      throw new IpcRejected(`调用参数无效：${channel}`);
    }
    return implementation(event, ...parsed.data);
  };
}
