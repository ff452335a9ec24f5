/**
 * The renderer's ground floor: the value types every layer speaks (data, sync, the API client, the
 * services and the screens). It imports nothing of the renderer, only `shared/`.
 */
export type { AuditVerification } from './audit';
export type { Check, Notice } from './check';
export type { MessageParams, Outcome, UserFacingError } from './outcome';
export { codedError } from './outcome';
export type { Purpose } from './purpose';
export type { StorageState, SyncStatus } from './syncStatus';
export type { TerminalIdentity } from './terminal';
