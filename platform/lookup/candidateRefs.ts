/**
 * Opaque, short-lived handles for name-search candidates: the clear identifier
 * never leaves the platform in a name-search answer. A ref is only good for the terminal it was
 * issued to and for REF_TTL_MS; POST /subjects/lookup {ref} resolves it. Kept in memory: a restart
 * simply makes the clerk search again.
 *
 * Every ref lives equally long, so the map's insertion order is also expiry order: issuing drops
 * expired refs from the front only (amortised O(1)), and past `maxRefs` the oldest live ref goes
 * (its clerk searches again), so a flood of name searches cannot grow the map without bound.
 */
import { randomBytes } from 'node:crypto';

export const REF_TTL_MS = 10 * 60_000;
/** 1,000 terminals × 20 candidates × 10 searches in ten minutes fit; the budget per operator is far lower. */
export const DEFAULT_MAX_REFS = 200_000;

interface Issued {
  identifier: string;
  terminalId: string;
  expiresAt: number;
}

export class CandidateRefs {
  private readonly refs = new Map<string, Issued>();

  constructor(
    private readonly now: () => Date,
    private readonly maxRefs = DEFAULT_MAX_REFS,
  ) {}

  get size(): number {
    return this.refs.size;
  }

  issue(identifier: string, terminalId: string): string {
    const at = this.now().getTime();
    for (const [ref, issued] of this.refs) {
      if (issued.expiresAt > at && this.refs.size < this.maxRefs) break;
      this.refs.delete(ref);
    }
    const ref = `ref_${randomBytes(16).toString('base64url')}`;
    this.refs.set(ref, { identifier, terminalId, expiresAt: at + REF_TTL_MS });
    return ref;
  }

  /** The identifier behind a ref issued to this terminal and not yet expired, else null. */
  resolve(ref: string, terminalId: string | null): string | null {
    const issued = this.refs.get(ref);
    if (!issued || issued.terminalId !== terminalId) return null;
    if (issued.expiresAt <= this.now().getTime()) {
      this.refs.delete(ref);
      return null;
    }
    return issued.identifier;
  }
}
