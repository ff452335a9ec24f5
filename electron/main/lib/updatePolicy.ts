import type { ConfigValues } from '../../../shared/config/schema';

export type UpdateFeed = { provider: 'generic'; url: string; channel: 'latest' };

/**
 * Updates come only from the intranet feed IT configured (generic provider: latest.yml,
 * latest-linux.yml and the installers on any web server), never from the internet, and never for
 * development runs or AppImage-less Linux installs (deb updates go through the package manager).
 */
export function updateFeed(
  config: Pick<ConfigValues, 'autoUpdateUrl'>,
  host: { isPackaged: boolean; platform: 'win32' | 'linux'; appImage: boolean },
): UpdateFeed | null {
  if (config.autoUpdateUrl === 'off' || !host.isPackaged) return null;
  if (host.platform === 'linux' && !host.appImage) return null;
  return { provider: 'generic', url: config.autoUpdateUrl, channel: 'latest' };
}

/** Checks every few hours, spread over the hour so a thousand terminals do not ask at once. */
export function nextUpdateCheckDelayMs(random: () => number = Math.random): number {
  const base = 4 * 60 * 60 * 1000;
  return base + Math.floor(random() * 60 * 60 * 1000);
}
