/** IndexedDB names. The origin must never change, and neither may these. */
export const DEFAULT_DB_NAMES = { cache: 'credit-counter-cache', journal: 'credit-counter-journal' } as const;
