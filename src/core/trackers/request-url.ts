/**
 * The host and path of a request URL, read by hand: the classifier runs on every catalog
 * request of a page and on every line of a HAR file, and `new URL` alone costs more than the
 * whole classification (bench/tracker-speed.ts). Only http(s) and ws(s) URLs have an endpoint;
 * the query and fragment are dropped here and never kept.
 */
export interface RequestAddress {
  /** Lower-case, without port or trailing dot. */
  host: string;
  /** From the first `/` after the host, up to the query; `/` when empty. */
  path: string;
}

const SCHEMES = ['https://', 'http://', 'wss://', 'ws://'];

export function requestAddressOf(url: string): RequestAddress | undefined {
  let start = -1;
  for (const scheme of SCHEMES) {
    if (url.length > scheme.length && url.slice(0, scheme.length).toLowerCase() === scheme) {
      start = scheme.length;
      break;
    }
  }
  if (start === -1) return undefined;
  let end = start;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    // '/', '?', '#', '\' end the authority (the URL parser reads '\' as '/' in http URLs).
    if (c === 47 || c === 63 || c === 35 || c === 92) break;
    end++;
  }
  let authority = url.slice(start, end);
  // Credentials in the address (user:pass@host) are not part of the host.
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  let host = authority;
  if (host.startsWith('[')) return undefined; // an IPv6 literal: no catalog endpoint is one
  const colon = host.indexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  host = host.toLowerCase();
  if (host.endsWith('.')) host = host.replace(/\.+$/, '');
  if (host.length === 0) return undefined;
  let pathEnd = end;
  while (pathEnd < url.length) {
    const c = url.charCodeAt(pathEnd);
    if (c === 63 || c === 35) break;
    pathEnd++;
  }
  const rawPath = url.slice(end, pathEnd).replace(/\\/g, '/');
  return { host, path: rawPath.length === 0 ? '/' : rawPath };
}
