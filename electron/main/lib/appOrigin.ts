/**
 * The renderer's one origin. IndexedDB data (cache and the precious journal) belongs to the origin,
 * so scheme and host must never change between versions (docs/architecture.md).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'credit-counter';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** True when `url` is on the app origin: scheme app:, host credit-counter, no credentials or port. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
