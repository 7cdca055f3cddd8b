/**
 * A catalog endpoint: `host` or `host/path` (assets/trackers.json). The host covers itself and
 * its subdomains on whole labels, as allowlist entries do; the path covers itself and what is
 * below it on a `/` boundary (`/tr` is `/tr` and `/tr/…`, never `/track`), `*` standing for one
 * segment. Queries never count: what a page sends in them is what this guard must not keep.
 */
export interface EndpointPattern {
  /** The pattern as the catalog writes it. */
  text: string;
  host: string;
  /** Without the leading `/`; undefined for a host-only endpoint. */
  path: string | undefined;
  /** Tests a request path (with its leading `/`, without query); absent for host-only endpoints. */
  pathTest: RegExp | undefined;
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;
const SEGMENT = /^(?:\*|[A-Za-z0-9._~!$&'()+,;=:@%-]+)$/;

export class EndpointPatternError extends Error {}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function parseEndpointPattern(text: string): EndpointPattern {
  const slash = text.indexOf('/');
  const host = slash === -1 ? text : text.slice(0, slash);
  const path = slash === -1 ? undefined : text.slice(slash + 1);
  if (!HOST.test(host)) throw new EndpointPatternError(`"${text}": the host must be a lower-case hostname like "connect.facebook.net"`);
  if (path === undefined) return { text, host, path, pathTest: undefined };
  const segments = path.split('/');
  if (segments.some((segment) => !SEGMENT.test(segment))) {
    throw new EndpointPatternError(`"${text}": the path must be segments of URL characters or "*" (one segment), with no query, no empty segment and no trailing "/"`);
  }
  const body = segments.map((segment) => (segment === '*' ? '[^/]+' : escapeRegExp(segment))).join('/');
  return { text, host, path, pathTest: new RegExp(`^/${body}(?:/|$)`) };
}

/** Whether `host` is the pattern's host or one of its subdomains. */
export function hostIsUnder(host: string, base: string): boolean {
  return host === base || (host.length > base.length && host.endsWith(base) && host.charCodeAt(host.length - base.length - 1) === 46 /* . */);
}
