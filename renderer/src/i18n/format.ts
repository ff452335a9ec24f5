/**
 * The one place times and dates become text. Every instant is shown in China time (UTC+8), whatever
 * time zone the PC is set to: the counter, the platform and the printed slip must agree.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';
import { CHINA_UTC_OFFSET_MINUTES, isIsoDate } from '../../../shared/dates';
import { t } from './catalogue';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/** The instant as a dayjs in China time, or null when it is not a time at all. */
function inChina(value: string | Date): dayjs.Dayjs | null {
  const d = dayjs(value);
  return d.isValid() ? d.utcOffset(CHINA_UTC_OFFSET_MINUTES) : null;
}

/** 2026年3月1日 14:05 (China time). */
export function formatDateTime(value: string | Date | null | undefined, withSeconds = false): string {
  if (value === null || value === undefined) return '—';
  const d = inChina(value);
  return d ? d.format(withSeconds ? t.time.dateTimeSecondsFormat : t.time.dateTimeFormat) : String(value);
}

/** 2026年3月1日, for calendar dates (YYYY-MM-DD) as published by authorities; an instant is dated in China time. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  // A calendar date names a day, not an instant: no zone may move it.
  if (isIsoDate(value)) {
    return dayjs.utc(value).format(t.time.dateFormat);
  }
  const d = inChina(value);
  return d ? d.format(t.time.dateFormat) : value;
}

/** 3月1日 14:05, for the status bar clock (China time). */
export function formatClock(value: Date): string {
  return inChina(value)?.format(t.time.clockFormat) ?? '—';
}

/** 20260301-140502, China time: a stamp for file names the clerk sees. */
export function formatFileStamp(value: Date): string {
  return inChina(value)?.format('YYYYMMDD-HHmmss') ?? 'unknown';
}

/** Age of data from seconds: 刚刚更新 / 5 分钟前 / 3 小时前 / 2 天前. */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return t.result.dataAgeUnknown;
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return t.time.justNow;
  if (s < 3600) return t.time.minutesAgo(Math.floor(s / 60));
  // Up to two days in hours: "25 小时前" says more than "1 天前" next to a 24-hour limit.
  if (s < 2 * 86_400) return t.time.hoursAgo(Math.floor(s / 3600));
  return t.time.daysAgo(Math.floor(s / 86_400));
}

export function formatAmount(amount: number | null): string {
  if (amount === null) return '—';
  return t.time.amount(amount.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 }));
}
