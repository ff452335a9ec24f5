/**
 * The operator session in memory. The platform token never goes to disk in the renderer
 * (docs/architecture.md); a reload means logging in again (or unlocking offline).
 */
import type { Operator } from '../../../shared/contract';
import type { Session } from './contracts';

export class SessionHolder {
  private session: Session | null = null;
  private token: string | null = null;
  private tokenExpiresAt: number | null = null;
  /** Names the platform session for its revocation at logout (not a credential). */
  private sessionId: string | null = null;
  private locked = false;

  constructor(private readonly now: () => Date) {}

  start(
    operator: Operator,
    mode: Session['mode'],
    token: string | null,
    expiresAt: string | null,
    sessionId: string | null = null,
  ): Session {
    this.session = { operator, mode, startedAt: this.now().toISOString() };
    this.token = token;
    this.sessionId = sessionId;
    this.tokenExpiresAt = expiresAt ? Date.parse(expiresAt) : null;
    this.locked = false;
    return this.session;
  }

  /** null while locked or logged out. */
  current(): Session | null {
    return this.locked ? null : this.session;
  }

  /** The operator of the session, locked or not (unlock is for the same operator). */
  operator(): Operator | null {
    return this.session?.operator ?? null;
  }

  /** An expired token is dropped like a refused one: the session shows offline and offers 联网登录. */
  platformToken(): string | null {
    if (this.token && this.tokenExpiresAt !== null && this.tokenExpiresAt <= this.now().getTime()) this.dropToken();
    return this.token;
  }

  /** The platform session a logout should end (its id and token), while its token is held. */
  platformSession(): { sessionId: string; token: string } | null {
    const token = this.platformToken();
    return token !== null && this.sessionId !== null ? { sessionId: this.sessionId, token } : null;
  }

  dropToken(): void {
    this.token = null;
    this.tokenExpiresAt = null;
    this.sessionId = null;
    if (this.session) this.session = { ...this.session, mode: 'offline' };
  }

  lock(): void {
    if (this.session) this.locked = true;
  }

  isLocked(): boolean {
    return this.locked;
  }

  end(): void {
    this.session = null;
    this.token = null;
    this.tokenExpiresAt = null;
    this.sessionId = null;
    this.locked = false;
  }
}
