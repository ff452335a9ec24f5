/** IndexedDB names. The origin must never change (docs/architecture.md), and neither may these. */
export const DEFAULT_DB_NAMES = { cache: 'credit-counter-cache', journal: 'credit-counter-journal' } as const;
