/**
 * Whether two platform addresses name the same platform: scheme, host, port and path, trailing slashes
 * ignored (so 'http://a/' and 'http://A:80' are one platform). The terminal secret goes only to the
 * platform that issued it, so the comparison must not be fooled by a second spelling of an address.
 */
// The WHATWG URL parser every host of this code has (Node, Chromium); shared code names no host's typings.
declare const URL: new (input: string) => { protocol: string; host: string; pathname: string };

export function samePlatform(a: string, b: string): boolean {
  const left = platformKey(a);
  return left !== null && left === platformKey(b);
}

function platformKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}
