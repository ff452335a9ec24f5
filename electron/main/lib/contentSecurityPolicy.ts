/**
 * The renderer's Content-Security-Policy, sent as a header on every app:// response.
 *
 * style-src needs 'unsafe-inline': antd 6 styles its components with CSS-in-JS (@ant-design/cssinjs),
 * which injects <style> elements at run time; without it every component renders unstyled. Scripts stay
 * 'self' only, so injected markup still cannot run code, and object-src/base-uri/frame-ancestors close
 * the other classic injection routes.
 */
export function buildContentSecurityPolicy(platformUrl: string): string {
  const connect = ["'self'", originOf(platformUrl)].filter((source): source is string => source !== undefined);
  return [
    "default-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Origin (scheme://host[:port]) of an http(s) URL, or undefined for anything else. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.origin;
  } catch {
    return undefined;
  }
}
