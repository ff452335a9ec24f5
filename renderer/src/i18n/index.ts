/** i18n: the active catalogue (`t`) and Chinese date/age formatting. */
export { t, setCatalogue } from './catalogue';
export type { Messages } from './catalogue';
export { describeError } from './errors';
export { formatAge, formatDate, formatDateTime, formatAmount, formatClock, formatFileStamp } from './format';
