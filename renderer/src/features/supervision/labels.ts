/** Chinese labels of the city's supervision dashboard and the fleet view. */
import type { CheckResult, FleetFlag, LatencyBucket } from '../../../../shared/contract';

export const SUPERVISION_NAV = { cityboard: '督查看板', fleet: '终端运维' } as const;

export const RESULT_LABELS: Record<CheckResult, string> = {
  CLEAN: '无记录',
  BLACK: '黑名单',
  RED: '红名单',
  BOTH: '红黑均有',
  WARNING: '警示',
};
export const RESULT_COLORS: Record<CheckResult, string> = {
  CLEAN: '#8c8c8c',
  BLACK: '#cf1322',
  RED: '#389e0d',
  BOTH: '#d46b08',
  WARNING: '#d4b106',
};

export const DECISION_LABELS = {
  APPLIED: '已实施',
  NOT_APPLIED: '未实施',
  OTHER_MEASURE: '采取其他措施',
  DEFERRED: '暂缓决定',
  OPEN: '未反馈',
} as const;

export const LATENCY_LABELS: Record<LatencyBucket, string> = { lt1h: '1小时内', lt1d: '1天内', lt3d: '3天内', ge3d: '3天及以上' };

export const FLAG_LABELS: Record<FleetFlag, string> = {
  no_contact: '超过一天未联系',
  stale_data: '数据过旧',
  outbox_growing: '待上传持续增加',
  dead_letters: '有死信',
  clock_skew: '时钟偏差超过5分钟',
  outdated_version: '版本过旧',
};

export const KIND_LABELS: Record<string, string> = { check: '核查', feedback: '反馈', commitment: '承诺', audit: '审计' };
