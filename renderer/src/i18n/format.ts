import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { t } from './catalogue';

dayjs.locale('zh-cn');

/** 2026年3月1日 14:05 (terminal's local time). */
export function formatDateTime(value: string | Date | null | undefined, withSeconds = false): string {
  if (value === null || value === undefined) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(withSeconds ? t.time.dateTimeSecondsFormat : t.time.dateTimeFormat) : String(value);
}

/** 2026年3月1日, for calendar dates (YYYY-MM-DD) as published by authorities. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(t.time.dateFormat) : value;
}

/** 3月1日 14:05, for the status bar clock. */
export function formatClock(value: Date): string {
  return dayjs(value).format(t.time.clockFormat);
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
