/**
 * The release manager's Ed25519 public key (SPKI PEM), built into the app: every self-update must carry a
 * signature made with the matching private key, which the release manager keeps outside the repository
 * (`npm run sign-update -- --generate-key <folder outside the repository>` creates the pair and prints this
 * value). null: no key has been set, so no build from this source updates itself.
 */
export const UPDATE_SIGNING_PUBLIC_KEY: string | null = null;
