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
 * match the channel's zod schema, and so that only a reply matching the channel's output schema leaves
 * the main process (as the parsed copy: fields the schema does not name are dropped). Anything else
 * throws IpcRejected.
 */
export function guardIpc<Args extends readonly unknown[], Event extends IpcSenderInfo, Output>(
  channel: string,
  schemas: { input: z.ZodType<Args>; output: z.ZodType<Output> },
  implementation: (event: Event, ...args: Args) => Output | Promise<Output>,
): (event: Event, ...args: unknown[]) => Promise<Output> {
  return async (event, ...args) => {
    if (!isTrustedSender(event)) {
      throw new IpcRejected(`拒绝来自非本应用页面的调用：${channel}`);
    }
    const parsed = schemas.input.safeParse(args);
    if (!parsed.success) {
      throw new IpcRejected(`调用参数无效：${channel}`);
    }
    const reply = schemas.output.safeParse(await implementation(event, ...parsed.data));
    if (!reply.success) {
      throw new IpcRejected(`回复不符合约定，已拦截：${channel}`);
    }
    return reply.data;
  };
}
