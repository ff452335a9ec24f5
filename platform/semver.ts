/** Minimal semantic-version comparison for the X-Client-Version check (no pre-release ordering beyond "lower than release"). */
const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string | null;
}

export function parseVersion(text: string): Version | null {
  const m = SEMVER.exec(text.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ?? null };
}

export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === null) return 1; // 1.0.0 > 1.0.0-beta
  if (b.prerelease === null) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

/** A missing or unparseable version counts as too old. */
export function isAtLeast(version: string | undefined, minimum: string): boolean {
  const min = parseVersion(minimum);
  if (min === null) return true;
  const v = version === undefined ? null : parseVersion(version);
  return v !== null && compareVersions(v, min) >= 0;
}
