import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../../shared/config/schema';
import { fetchWebConfig, mergeWebConfig } from './webConfig';

describe('web configuration', () => {
  it('merges config.json over the defaults and marks its keys as coming from the web', () => {
    const config = mergeWebConfig({ platformUrl: 'https://credit.weihai.example', stalenessLimitHours: 12 });
    expect(config.values).toEqual({ ...CONFIG_DEFAULTS, platformUrl: 'https://credit.weihai.example', stalenessLimitHours: 12 });
    expect(config.sources.platformUrl).toBe('web');
    expect(config.sources.kiosk).toBe('default');
    expect(config.problems).toEqual([]);
  });

  it('ignores an invalid file as a whole and says why, in Chinese', () => {
    const config = mergeWebConfig({ platformUrl: 'ftp://nope', unknownKey: 1 });
    expect(config.values).toEqual(CONFIG_DEFAULTS);
    expect(config.problems[0]).toContain('config.json 有误');
  });

  it('treats a missing file as "defaults" and a broken one as a problem', async () => {
    const missing = await fetchWebConfig('http://x/config.json', async () => new Response('', { status: 404 }));
    expect(missing).toMatchObject({ values: CONFIG_DEFAULTS, problems: [] });
    const broken = await fetchWebConfig('http://x/config.json', async () => new Response('{', { status: 200 }));
    expect(broken.problems[0]).toContain('不是有效的 JSON');
    const offline = await fetchWebConfig('http://x/config.json', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline.values).toEqual(CONFIG_DEFAULTS);
  });
});
