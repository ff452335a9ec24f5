import { afterEach, describe, expect, it } from 'vitest';
import { catalogueFor, setLocale, t } from './catalogue';
import { describeError, describeFailure, describeNotice } from './errors';
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

describe('failures and notices the core gives as codes', () => {
  it('words the failure behind a failure (its cause) inside the outer sentence', () => {
    const notRecorded = { code: 'check_not_recorded', message: 'quota-exceeded', params: { cause: 'quota-exceeded' } };
    expect(describeFailure(notRecorded)).toBe(
      '本次查询未能记入本机日志，结果不予显示。本机存储空间不足，新数据无法保存。已保存的记录不会丢失，请联系管理员清理磁盘空间。',
    );
  });

  it('a sentence the desktop host wrote itself is shown as it is, even for a code the catalogue words', () => {
    expect(describeFailure({ code: 'secret_missing', message: '主机自己的说明', ownWords: true })).toBe('主机自己的说明');
  });

  it('words a result notice from its data: the age of the cache, an instant in China time', () => {
    const offline = { code: 'offline_answer', params: { reason: 'unreachable', dataVersion: 'v7', ageSeconds: 600 } };
    expect(describeNotice(offline)).toBe('信用平台暂时无法连接，以下结果来自本机缓存（数据版本 v7，更新于 10 分钟前）');
    expect(describeNotice({ code: 'offline_answer', params: { reason: 'offline_session', dataVersion: '无' } })).toContain('更新于未知');
    expect(describeNotice({ code: 'cached_profile', params: { fetchedAt: '2026-03-01T06:05:00Z' } })).toBe(
      '评分、分级、承诺等信息来自 2026年3月1日 14:05 的在线查询结果',
    );
    // A warning a rule in shared/ words itself keeps its text.
    expect(describeNotice({ code: 'BIRTH_BEFORE_1900', message: '出生日期早于1900年' })).toBe('出生日期早于1900年');
    setLocale('en-US');
    expect(describeNotice(offline)).toBe(
      'The credit platform cannot be reached: this answer comes from the cache on this PC (data version v7, updated 10 minutes ago)',
    );
  });
});
