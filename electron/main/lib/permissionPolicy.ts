/**
 * Every Chromium permission (camera, geolocation, notifications, clipboard read, HID, serial, …) is
 * denied, requested or merely checked. The ID card readers our clerks use type into the focused field
 * like a keyboard, so the app needs no device permission.
 */
export function mayGrantPermission(_permission: string, _requestingUrl: string | undefined): false {
  return false;
}
