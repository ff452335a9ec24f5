import { describe, expect, it } from 'vitest';
import { nextUpdateCheckDelayMs, updateFeed } from './updatePolicy';

describe('update policy', () => {
  const packagedWindows = { isPackaged: true, platform: 'win32' as const, appImage: false };

  it('uses the intranet generic feed unless it is off', () => {
    expect(updateFeed({ autoUpdateUrl: 'https://updates.intra/credit-counter/' }, packagedWindows)).toEqual({
      provider: 'generic',
      url: 'https://updates.intra/credit-counter/',
      channel: 'latest',
    });
    expect(updateFeed({ autoUpdateUrl: 'off' }, packagedWindows)).toBeNull();
  });

  it('never updates development runs or deb installs (the package manager does)', () => {
    expect(updateFeed({ autoUpdateUrl: 'https://u/' }, { ...packagedWindows, isPackaged: false })).toBeNull();
    expect(updateFeed({ autoUpdateUrl: 'https://u/' }, { isPackaged: true, platform: 'linux', appImage: false })).toBeNull();
    expect(updateFeed({ autoUpdateUrl: 'https://u/' }, { isPackaged: true, platform: 'linux', appImage: true })).not.toBeNull();
  });

  it('spreads checks between 4 and 5 hours', () => {
    expect(nextUpdateCheckDelayMs(() => 0)).toBe(4 * 3_600_000);
    expect(nextUpdateCheckDelayMs(() => 0.999_999)).toBeLessThan(5 * 3_600_000);
  });
});
