import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium';

function fakeExecutable(dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH over everything else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-chromium-'));
    const explicit = fakeExecutable(dir, 'my-chromium');
    expect(findChromium({ CHROMIUM_PATH: explicit, PATH: dir })).toBe(explicit);
  });

  it('refuses a CHROMIUM_PATH that is not executable, saying how to install one', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium', PATH: '' })).toThrow(/apt-get install -y chromium/);
  });

  it('finds google-chrome on PATH when nothing else exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-chrome-'));
    const chrome = fakeExecutable(dir, 'google-chrome');
    const found = findChromium({ PATH: dir });
    // /usr/bin/chromium wins where it is installed (it comes first in the order).
    expect([chrome, '/usr/bin/chromium']).toContain(found);
  });
});
