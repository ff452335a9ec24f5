/**
 * The snapshot path of a rebuild: fetch the signed manifest, verify it with the platform key this
 * terminal trusts, store the blocks it does not hold yet, and make the snapshot the base of the
 * generation being rebuilt; the pull engine then continues with deltas after the snapshot's cursor.
 * No trusted key, or a platform that publishes no snapshots: the rebuild takes the API path.
 */
import type { RevokedTerminalKeysResponse, SnapshotManifestResponse } from '../../../../shared/contract';
import type { SnapshotTarget } from '../../data/packed/packedListStore';
import type { PlatformClient } from '../../api/platformClient';
import { downloadBlocks } from './downloadBlocks';
import { verifyManifest, type VerifiedManifest } from './verifyManifest';

export interface SnapshotPuller {
  /** Installs the newest snapshot into the rebuild generation; null = take the API path. */
  install(onRows: (rows: number, total: number) => void): Promise<{ cursor: string; epoch: string } | null>;
  /** The live overlay is past its threshold and the platform has a newer snapshot than the live one. */
  newerWanted(): Promise<boolean>;
}

export interface SnapshotPullDeps {
  client: Pick<PlatformClient, 'snapshotManifest' | 'snapshotBlock'> & Partial<Pick<PlatformClient, 'snapshotPack'>>;
  target: SnapshotTarget;
  /** The platform's public key (base64), or null when this terminal trusts none. */
  trustedKey: () => Promise<string | null>;
  signal?: AbortSignal;
  heartbeat?: () => void;
  concurrency?: number;
  /** The signed list of revoked terminal keys a verified manifest carries (kept for verifying slips offline). */
  onRevocations?: (signed: RevokedTerminalKeysResponse, platformKey: string) => Promise<unknown>;
}

export function createSnapshotPuller(deps: SnapshotPullDeps): SnapshotPuller {
  let fetched: { raw: SnapshotManifestResponse; verified: VerifiedManifest } | null | undefined;

  /** The platform's newest snapshot, verified (fetched once per run). */
  async function manifest(): Promise<{ raw: SnapshotManifestResponse; verified: VerifiedManifest } | null> {
    if (fetched !== undefined) return fetched;
    const key = await deps.trustedKey();
    if (!key) return (fetched = null);
    const answer = await deps.client.snapshotManifest(deps.signal);
    if (!answer.published) return (fetched = null);
    fetched = { raw: answer.manifest, verified: await verifyManifest(answer.manifest, key) };
    const revoked = fetched.verified.body.revokedTerminalKeys;
    // A list that cannot be kept (storage full) must not stop the lists from arriving.
    if (revoked && deps.onRevocations) await deps.onRevocations(revoked, key).catch(() => undefined);
    return fetched;
  }

  return {
    async install(onRows) {
      fetched = undefined; // a restarted rebuild asks again: the platform may have a newer one
      const current = await manifest();
      if (!current) return null;
      await deps.target.beginSnapshot(current.raw);
      const total = current.verified.body.entryCount;
      const dataRows = new Map(current.verified.body.sections.data.map((r) => [r.h, r.n]));
      let rows = 0;
      await downloadBlocks(current.verified, {
        client: deps.client,
        sink: {
          stored: (hashes) => deps.target.blocks.stored(hashes),
          put: async (blocks) => {
            await deps.target.blocks.put(blocks);
            for (const b of blocks) rows += dataRows.get(b.hash) ?? 0;
            deps.heartbeat?.();
            onRows(rows, total);
          },
        },
        ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      return deps.target.completeSnapshot(current.verified);
    },

    async newerWanted() {
      if (!(await deps.target.overlayPastThreshold())) return false;
      const current = await manifest();
      return current !== null && current.verified.body.dataVersion !== (await deps.target.liveSnapshotVersion());
    },
  };
}
