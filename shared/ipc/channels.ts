import { z } from 'zod';
import { ConfigSource, ConfigValues, type ConfigKey } from '../config/schema';
import { CreateSessionRequest, EnrolTerminalRequest, EnrolTerminalResponse, HandOverConfirmation, Predecessor } from '../contract';
import { IPC_CHANNEL_NAMES as NAMES } from './channelNames';

const CONFIG_KEY = z.enum(Object.keys(ConfigValues.shape) as [ConfigKey, ...ConfigKey[]]);

export const EffectiveConfigSchema = z.object({
  values: ConfigValues,
  sources: z.record(CONFIG_KEY, ConfigSource),
  problems: z.array(z.string()),
});

const PlatformUrlArg = z.string().min(1).max(2_048);

/** POST /sessions as the page asks for it: everything but the terminal secret, which the host adds. */
export const HostSessionRequest = z
  .object({
    /** The platform the terminal was enrolled with; the host sends the secret only there. */
    platformUrl: PlatformUrlArg,
    terminalId: z.string().min(1).max(200),
    operatorId: z.string().min(1).max(100),
    password: z.string().min(1).max(512),
    /** This terminal's sessions signed out while the platform could not hear it: the login revokes them. */
    revokeSessions: CreateSessionRequest.shape.revokeSessions,
  })
  .strict();
export type HostSessionRequest = z.infer<typeof HostSessionRequest>;

/**
 * POST /terminals as the page asks for it. A re-enrolment names the predecessor without its secret:
 * the host adds the secret itself, and only for the platform that issued it (a page that sends one is refused).
 */
export const HostEnrolRequest = EnrolTerminalRequest.extend({
  enrolmentCode: z.string().min(1).max(200),
  predecessor: Predecessor.omit({ terminalSecret: true }).strict().optional(),
  itOperator: HandOverConfirmation.strict().optional(),
}).strict();
export type HostEnrolRequest = z.infer<typeof HostEnrolRequest>;

/** The body of a successful enrolment as the host hands it on: everything the platform answered but the secret. */
export const HostEnrolledTerminal = EnrolTerminalResponse.omit({ terminalSecret: true }).strict();
export type HostEnrolledTerminal = z.infer<typeof HostEnrolledTerminal>;

/**
 * Which enrolment the host's vault holds a secret for (never the secret): the page compares it with the
 * identity its journal recorded, so an enrolment cut short between the two writes is completed at the
 * next start. Null fields: a secret stored by a release that did not record whose it is.
 */
export const HostStoredTerminal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('present'), terminalId: z.string().max(200).nullable(), platformUrl: z.string().max(2_048).nullable() }),
  z.object({ kind: z.literal('absent') }),
  z.object({ kind: z.literal('undecryptable'), message: z.string().max(2_000) }),
]);
export type HostStoredTerminal = z.infer<typeof HostStoredTerminal>;

/** What IT does when the terminal's own credentials fail: a re-enrolment names the old identity and takes over. */
export const REENROL_ADVICE = '请 IT 在本机重新注册终端：新注册会接替原终端，本机未上传的记录随后以原终端身份自动上传，不会丢失。';

/**
 * What the host answers for a platform call it made with the terminal secret: the platform's HTTP answer
 * as received (the page checks it against the contract like any other answer), no answer at all, or a
 * refusal by the host before anything was sent.
 */
export const TerminalCallAnswer = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answered'),
    status: z.number().int().min(100).max(599),
    body: z.string().max(1_000_000),
    /** Date and Retry-After headers: the clock-skew check and rate limiting need them. */
    date: z.string().max(100).nullable(),
    retryAfter: z.string().max(100).nullable(),
  }),
  z.object({ kind: z.literal('unreachable'), reason: z.enum(['network', 'timeout']), message: z.string().max(2_000) }),
  z.object({
    kind: z.literal('refused'),
    code: z.enum(['secret_missing', 'secret_undecryptable', 'secret_not_stored', 'terminal_mismatch', 'platform_not_allowed']),
    message: z.string().max(2_000),
  }),
]);
export type TerminalCallAnswer = z.infer<typeof TerminalCallAnswer>;

export const PrintResult = z.union([
  z.object({ ok: z.literal(true), path: z.string().max(4_096).optional() }),
  z.object({ ok: z.literal(false), message: z.string().max(2_000) }),
]);
export type PrintResult = z.infer<typeof PrintResult>;

export const SavedFileResult = z.union([
  z.object({ ok: z.literal(true), fileName: z.string().max(260), path: z.string().max(4_096).optional() }),
  z.object({ ok: z.literal(false), message: z.string().max(2_000) }),
]);
export type SavedFileResult = z.infer<typeof SavedFileResult>;

/** Standard padded base64, bounded (a key, a signature, a statement's signing bytes). */
const Base64Text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);

/** The slip key's public half (raw Ed25519, base64), or why there is none. */
export const SlipKeyAnswer = z.union([
  z.object({ ok: z.literal(true), publicKey: Base64Text(44) }),
  z.object({ ok: z.literal(false), message: z.string().max(2_000) }),
]);
export type SlipKeyAnswer = z.infer<typeof SlipKeyAnswer>;

/** The Ed25519 signature (base64) over a check statement's signing bytes, or why it was refused. */
export const SlipSignAnswer = z.union([
  z.object({ ok: z.literal(true), signature: Base64Text(88) }),
  z.object({ ok: z.literal(false), message: z.string().max(2_000) }),
]);
export type SlipSignAnswer = z.infer<typeof SlipSignAnswer>;

/**
 * Typed IPC channels between preload and main. The main process checks each call's arguments with
 * `input` and its own reply with `output` before the reply leaves it. There is no channel that reads
 * the terminal secret or the slip key: they never leave the main process.
 */
export const IpcChannels = {
  getConfig: { channel: NAMES.getConfig, input: z.tuple([]), output: EffectiveConfigSchema },
  enrolTerminal: {
    channel: NAMES.enrolTerminal,
    input: z.tuple([PlatformUrlArg, HostEnrolRequest]),
    output: TerminalCallAnswer,
  },
  createSession: { channel: NAMES.createSession, input: z.tuple([HostSessionRequest]), output: TerminalCallAnswer },
  clearTerminalSecret: { channel: NAMES.clearTerminalSecret, input: z.tuple([]), output: z.undefined() },
  printSlip: { channel: NAMES.printSlip, input: z.tuple([z.enum(['pdf', 'printer'])]), output: PrintResult },
  enrolledTerminal: { channel: NAMES.enrolledTerminal, input: z.tuple([]), output: HostStoredTerminal },
  saveJournalExport: {
    channel: NAMES.saveJournalExport,
    input: z.tuple([
      z
        .string()
        .min(2)
        .max(64 * 1024 * 1024),
    ]),
    output: SavedFileResult,
  },
  /** The slip key lives and signs in the main process: the page asks for a new key, adopts it, asks for signatures. */
  createSlipKey: { channel: NAMES.createSlipKey, input: z.tuple([]), output: SlipKeyAnswer },
  adoptSlipKey: { channel: NAMES.adoptSlipKey, input: z.tuple([Base64Text(44)]), output: SlipKeyAnswer },
  signSlipStatement: { channel: NAMES.signSlipStatement, input: z.tuple([Base64Text(8_192).min(4)]), output: SlipSignAnswer },
  log: { channel: NAMES.log, input: z.tuple([z.enum(['info', 'warn', 'error']), z.string().max(2_000)]), output: z.undefined() },
} as const;
export type IpcChannelName = keyof typeof IpcChannels;
