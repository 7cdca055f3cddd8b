import { toASCII, toUnicode } from 'punycode';
import { getDomain, getDomainWithoutSuffix, getPublicSuffix } from 'tldts';

/** A page address reduced to what the verdict depends on. */
export interface ParsedTarget {
  /** The URL as given, or rebuilt from a bare host (`https://` assumed). */
  url: string;
  /** `http:` / `https:` / other; `undefined` when the input was a bare host. */
  scheme: string | undefined;
  /** Lower-case ASCII (punycode) host without a trailing dot. */
  host: string;
  /** The host in Unicode, for display and homoglyph checks. */
  unicodeHost: string;
  /** `doxy.me` for `clinic.doxy.me`; `undefined` for IPs and bare suffixes. */
  registrableDomain: string | undefined;
  isIp: boolean;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export function normalizeHost(host: string): string {
  const trimmed = host.trim().toLowerCase().replace(/\.+$/, '');
  // punycode.toASCII keeps ASCII labels and encodes Unicode ones, like the URL parser.
  return toASCII(trimmed);
}

export function hostToUnicode(host: string): string {
  try {
    return toUnicode(host);
  } catch {
    // A malformed xn-- label: show it as it is rather than guess.
    return host;
  }
}

export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[') || host.includes(':');
}

export function registrableDomainOf(host: string): string | undefined {
  if (isIpAddress(host)) return undefined;
  return getDomain(host) ?? undefined;
}

/** `doxy` for `clinic.doxy.me`: the label a brand lives in. */
export function domainNameOf(host: string): string | undefined {
  if (isIpAddress(host)) return undefined;
  return getDomainWithoutSuffix(host) ?? undefined;
}

export function publicSuffixOf(host: string): string | undefined {
  if (isIpAddress(host)) return undefined;
  return getPublicSuffix(host) ?? undefined;
}

export class TargetParseError extends Error {}

/**
 * Accepts a full URL or a bare hostname (as the command line and admins write them).
 * Throws TargetParseError with a readable reason for anything else.
 */
export function parseTarget(input: string): ParsedTarget {
  const text = input.trim();
  if (text === '') throw new TargetParseError('empty input');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    throw new TargetParseError(`not a URL or hostname: ${JSON.stringify(text)}`);
  }
  if (url.hostname === '') throw new TargetParseError(`no hostname in ${JSON.stringify(text)}`);
  const host = normalizeHost(url.hostname);
  return {
    url: url.href,
    scheme: hasScheme ? url.protocol : undefined,
    host,
    unicodeHost: hostToUnicode(host),
    registrableDomain: registrableDomainOf(host),
    isIp: isIpAddress(host),
  };
}

/** True when `host` is `domain` or one of its subdomains, on whole labels only. */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(domain) && host.charAt(host.length - domain.length - 1) === '.');
}
