/** i18n: the active catalogue (`t`, zh-CN or en-US by config `locale`) and date/age formatting. */
export { t, setCatalogue, setLocale, catalogueFor } from './catalogue';
export type { Locale, Messages, PartialMessages } from './catalogue';
export { describeError, describeFailure, describeNotice } from './errors';
export type { Failure } from './errors';
export { formatAge, formatDate, formatDateTime, formatAmount, formatClock, formatFileStamp } from './format';
