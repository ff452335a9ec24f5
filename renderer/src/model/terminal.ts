/** Who this PC is to the platform: the enrolled terminal. */
export interface TerminalIdentity {
  terminalId: string;
  terminalName: string;
  platformUrl: string;
  enrolledAt: string;
  /**
   * Earlier identities of this PC, oldest first (each re-enrolment named the one before it): this
   * terminal delivers their queued records under their original terminal id and seq.
   */
  predecessors?: string[];
  /** The platform's snapshot signing key received at enrolment (base64 raw Ed25519). */
  platformPublicKey?: string;
}
