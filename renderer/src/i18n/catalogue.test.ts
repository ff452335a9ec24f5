import { afterEach, describe, expect, it } from 'vitest';
import { catalogueFor, setLocale, t } from './catalogue';
import { describeError, describeFailure } from './errors';
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

describe('failures worded by code', () => {
  it('words a core refusal from its code and data, in the active language', () => {
    const refusal = {
      code: 'feedback_exists',
      message: 'feedback_exists',
      params: { measureTitle: '限制参评', decidedAt: '2026-12-02', decision: 'APPLIED' },
    };
    expect(describeFailure(refusal)).toBe('措施“限制参评”的反馈已于 2026-12-02 提交（已实施），不能修改');
    expect(describeFailure({ code: 'reason_required', message: 'reason_required', params: { measureTitle: '限制参评' } })).toContain(
      '必须填写原因',
    );
    setLocale('en-US');
    expect(describeFailure({ code: 'reason_required', message: 'reason_required', params: { measureTitle: 'M' } })).toBe(
      'The measure “M” was not applied: the reason is required',
    );
  });

  it('keeps the platform’s own text for a code the catalogue does not word', () => {
    expect(describeFailure({ code: 'invalid_case_no', message: '办件编号格式不符' })).toBe('办件编号格式不符');
  });

  it('tells a carried failure from an unexpected error without reading its characters', () => {
    expect(describeError({ userError: { code: 'check_not_found', message: 'x' } })).toBe('找不到该核查记录');
    expect(describeError(new Error('boom'))).toBe('发生意外错误：boom');
    expect(describeError(new Error('中文的内部错误'))).toBe('发生意外错误：中文的内部错误');
  });
});
