import { describe, expect, it } from 'vitest';
import { samePlatform } from './samePlatform';

describe('same platform', () => {
  it('ignores trailing slashes, the case of the host and a default port, but not scheme, host, port or path', () => {
    expect(samePlatform('https://credit.weihai.gov.cn/', 'https://credit.weihai.gov.cn')).toBe(true);
    expect(samePlatform('http://Credit.Weihai.gov.cn:80/api/', 'http://credit.weihai.gov.cn/api')).toBe(true);
    expect(samePlatform('https://credit.weihai.gov.cn', 'http://credit.weihai.gov.cn')).toBe(false);
    expect(samePlatform('https://credit.weihai.gov.cn', 'https://credit.weihai.gov.cn:8443')).toBe(false);
    expect(samePlatform('https://credit.weihai.gov.cn/a', 'https://credit.weihai.gov.cn/b')).toBe(false);
    expect(samePlatform('https://credit.weihai.gov.cn.evil.net', 'https://credit.weihai.gov.cn')).toBe(false);
    expect(samePlatform('not a url', 'not a url')).toBe(false);
  });
});
