import { z } from 'zod';

/** Typed IPC channels between preload and main. Each handler validates its input with these schemas. */
export const IpcChannels = {
  getConfig: { channel: 'cc:config:get', input: z.tuple([]) },
  readTerminalSecret: { channel: 'cc:secret:read', input: z.tuple([]) },
  writeTerminalSecret: { channel: 'cc:secret:write', input: z.tuple([z.string().min(16).max(512), z.string().min(1).max(64)]) },
  clearTerminalSecret: { channel: 'cc:secret:clear', input: z.tuple([]) },
  printSlip: { channel: 'cc:print', input: z.tuple([z.enum(['pdf', 'printer'])]) },
  saveJournalExport: {
    channel: 'cc:journal:export',
    input: z.tuple([
      z
        .string()
        .min(2)
        .max(64 * 1024 * 1024),
    ]),
  },
  log: { channel: 'cc:log', input: z.tuple([z.enum(['info', 'warn', 'error']), z.string().max(2_000)]) },
} as const;
export type IpcChannelName = keyof typeof IpcChannels;
