import { afterEach, describe, expect, it } from 'vitest';
import { catalogueFor, setLocale, t } from './catalogue';
import { zhCN } from './zhCN';

afterEach(() => setLocale('zh-CN'));

describe('catalogue by locale', () => {
  it('zh-CN is the complete Chinese catalogue', () => {
    expect(catalogueFor('zh-CN')).toBe(zhCN);
  });

  it('en-US words the main screens and keeps Chinese for what it leaves out', () => {
    setLocale('en-US');
    expect(t.login.submit).toBe('Log in');
    expect(t.result.bannerBlack).toBe('Dishonest: on a blacklist');
    expect(t.measures.refusal.reason_required('M')).toContain('reason is required');
    expect(t.time.minutesAgo(1)).toBe('1 minute ago');
    // Left out: the supervisor's screen stays in Chinese, whole groups and single keys alike.
    expect(t.supervisor.title).toBe(zhCN.supervisor.title);
    expect(t.result.haibeiRecord).toEqual(zhCN.result.haibeiRecord);
    expect(t.status.panelTitle).toBe(zhCN.status.panelTitle);
    // The Chinese catalogue itself is untouched.
    expect(zhCN.login.submit).toBe('登录');
  });
});
