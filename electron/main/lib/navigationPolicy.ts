import { isAppUrl } from './appOrigin';

/**
 * Navigation stays inside the app origin; everything else (external sites, file:, javascript:,
 * data:) is denied. Nothing is handed to the OS browser either: a terminal opens no links.
 */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** New windows are never created, whatever the URL (window.open, target=_blank, middle-click). */
export function mayOpenWindow(_url: string): false {
  return false;
}
