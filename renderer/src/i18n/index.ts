/** i18n: the active catalogue (`t`, zh-CN or en-US by config `locale`) and date/age formatting. */
export { t, setCatalogue, setLocale, catalogueFor } from './catalogue';
export type { Locale, Messages, PartialMessages } from './catalogue';
export { describeError } from './errors';
export { formatAge, formatDate, formatDateTime, formatAmount, formatClock, formatFileStamp } from './format';
