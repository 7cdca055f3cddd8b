import { toASCII, toUnicode } from 'punycode';
import { getDomain, parse } from 'tldts';
import { quoteInput } from './quote-input';

/** A page address reduced to what the verdict depends on. */
export interface ParsedTarget {
  /** The URL as given, or rebuilt from a bare host (`https://` assumed). */
  url: string;
  /** `http:` / `https:` / other; `undefined` when the input was a bare host. */
  scheme: string | undefined;
  /** Lower-case ASCII (punycode) host without a trailing dot. */
  host: string;
  /** `doxy.me` for `clinic.doxy.me`; `undefined` for IPs and bare suffixes. */
  registrableDomain: string | undefined;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Private suffixes count (github.io, blogspot.com, web.app): `d0xy.github.io` is then a
 * registrable domain of its own, as its owner is, and the lookalike rules see its name.
 */
const PSL_OPTIONS = { allowPrivateDomains: true } as const;

/**
 * For a host that is already parsed and normalised: tldts' own extraction and checks skipped.
 * One object made once: a fresh options object per call made tldts' option handling about ten
 * times slower than the parse itself (9 µs instead of 0.8 µs a host, bench/lookalike-speed.ts).
 */
const SPLIT_OPTIONS = { ...PSL_OPTIONS, extractHostname: false, detectIp: false, validateHostname: false, mixedInputs: false } as const;

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
  return getDomain(host, PSL_OPTIONS) ?? undefined;
}

export class TargetParseError extends Error {}

/** DNS limits (RFC 1035): a name of at most 253 characters in its ASCII form, 63 a label. */
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/**
 * Longest host part, as written, that parseTarget hands to the URL parser. Percent escapes
 * and characters IDNA maps away let a valid host be written longer than 253 characters, but
 * not sensibly longer than this; anything past it is refused before the URL parser and
 * punycode spend time on it (a 5 MB "hostname" costs them tens of milliseconds).
 */
const MAX_WRITTEN_HOST_LENGTH = 2048;

/** Length of the host part of `text` as written: after the scheme and any user info, up to the path. */
function writtenHostLength(text: string, hasScheme: boolean): number {
  const start = hasScheme ? text.indexOf('//') + 2 : 0;
  let end = text.length;
  for (const stop of ['/', '?', '#', '\\']) {
    const at = text.indexOf(stop, start);
    if (at >= 0 && at < end) end = at;
  }
  const userInfoEnd = text.lastIndexOf('@', end - 1);
  return end - (userInfoEnd >= start ? userInfoEnd + 1 : start);
}

/** A host longer than DNS allows is no address the extension could ever judge. */
function checkHostLength(host: string, text: string): void {
  if (isIpAddress(host)) return;
  if (host.length > MAX_HOST_LENGTH) {
    throw new TargetParseError(`hostname of ${host.length} characters, more than ${MAX_HOST_LENGTH}: ${quoteInput(text)}`);
  }
  const long = host.split('.').find((label) => label.length > MAX_LABEL_LENGTH);
  if (long !== undefined) {
    throw new TargetParseError(`hostname label of ${long.length} characters, more than ${MAX_LABEL_LENGTH}: ${quoteInput(text)}`);
  }
}

/**
 * Accepts a full URL or a bare hostname (as the command line and admins write them).
 * Throws TargetParseError with a readable reason for anything else, including a host longer
 * than DNS allows (253 characters, 63 a label, counted in punycode); never anything else.
 */
export function parseTarget(input: string): ParsedTarget {
  const text = input.trim();
  if (text === '') throw new TargetParseError('empty input');
  // Schemes are short: the bound keeps the regex from scanning a huge input to its end.
  const hasScheme = /^[a-z][a-z0-9+.-]{0,63}:\/\//i.test(text);
  const written = writtenHostLength(text, hasScheme);
  if (written > MAX_WRITTEN_HOST_LENGTH) {
    throw new TargetParseError(`hostname of ${written} characters, more than ${MAX_HOST_LENGTH}: ${quoteInput(text)}`);
  }
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    throw new TargetParseError(`not a URL or hostname: ${quoteInput(text)}`);
  }
  if (url.hostname === '') throw new TargetParseError(`no hostname in ${quoteInput(text)}`);
  let host: string;
  try {
    host = normalizeHost(url.hostname);
  } catch {
    // punycode refuses what the URL parser let through (an opaque host of a non-web scheme).
    throw new TargetParseError(`not a hostname: ${quoteInput(text)}`);
  }
  checkHostLength(host, text);
  return {
    url: url.href,
    scheme: hasScheme ? url.protocol : undefined,
    host,
    registrableDomain: registrableDomainOf(host),
  };
}

export interface HostParts {
  /** `doxy.me` */
  registrable: string;
  /** `doxy`: the label a brand lives in. */
  name: string;
  /** `me`, `co.uk` */
  suffix: string;
  /** `login.portal` for `login.portal.doxy.me`; empty for none. */
  subdomain: string;
}

/** The public-suffix split of a host in one parse; undefined for IPs and bare suffixes. */
export function splitHost(host: string): HostParts | undefined {
  if (isIpAddress(host)) return undefined;
  const parsed = parse(host, SPLIT_OPTIONS);
  if (!parsed.domain || !parsed.domainWithoutSuffix || !parsed.publicSuffix) return undefined;
  return { registrable: parsed.domain, name: parsed.domainWithoutSuffix, suffix: parsed.publicSuffix, subdomain: parsed.subdomain ?? '' };
}
