import { parse } from 'tldts';
import { invisibleCharactersIn, revealInvisible } from './invisible-characters';
import { LINK_TEXT_MAX_LENGTH, MAX_LINKS_CHECKED, WRITTEN_LINK_SHOWN } from './link-limits';
import { notWebKindOf, type NotWebKind } from './link-schemes';

/** A web link found in a text, as the browser would open it. */
export interface WebLink {
  kind: 'web';
  /** The link as written in the text, each invisible character shown as `[U+200B]` (cut when very long). */
  written: string;
  /** The address the browser would open: what is judged. */
  url: string;
  /** Written without http:// or https://: read as https. */
  assumedHttps: boolean;
  /** `doxy.me` in `https://doxy.me@evil.example/`: a user name the browser ignores, written to look like the site. */
  userInfo?: string;
  /** Invisible characters in the link as written (`U+200B`): invisible-characters. */
  invisible: string[];
}

/** A link that leads to no site: `javascript:`, `data:`, `mailto:` … */
export interface NotWebLink {
  kind: 'not-web';
  written: string;
  /** Lower case, with its colon: `javascript:`. */
  scheme: string;
  notWeb: NotWebKind;
}

/** An http or https link no browser could open (no host, a host no DNS name can be). */
export interface UnreadableLink {
  kind: 'unreadable';
  written: string;
}

export type FoundLink = WebLink | NotWebLink | UnreadableLink;

/** Why a text gave nothing to judge. */
export type TextProblem =
  | { reason: 'empty' }
  | { reason: 'too-long'; length: number; max: number }
  /** Only email addresses: they are no links. */
  | { reason: 'email-address' }
  | { reason: 'no-link' };

export type LinkReading = { ok: true; links: FoundLink[]; more: number } | { ok: false; problem: TextProblem };

/** Whitespace ends a link; U+FEFF counts as whitespace in JavaScript but shows as nothing, so it stays in the link to be noticed. */
const SEPARATOR = /[^\S\uFEFF]+/u;
/** Quotes and brackets a link is written inside, and the sentence's own punctuation after it. */
const LEADING = /^["'`([{<«‹“‘„‚「『【〈《*_~]+/u;
const TRAILING = /["'`\]}>»›”’」』】〉》*_~.,;:!?。、，！？…]$/u;
/** A scheme at the start of a word; the bound keeps the regex from scanning a long word. */
const SCHEME = /^([a-z][a-z0-9+.-]{0,31}):(\/\/)?/i;
/** http: or https: inside a word ("Link:https://…", `href="https://…"`), not inside a longer scheme name. */
const WEB_SCHEME = /(?<![a-z0-9+.-])https?:/i;
/** Where a host ends as the URL parser reads it (a backslash counts as a slash in web links). */
const AUTHORITY_END = /[/?#\\]/;
/** A written host with a port, for a bare link: `doxy.me:8443`. Any other colon makes it no host. */
const HOST_AND_PORT = /^([^:]+)(?::\d{1,5})?$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}\.?$/;
/** Full stops a host may be written with (IDNA maps them to "."). */
const DOT = /[.\u3002\uFF0E\uFF61]/u;

/**
 * The links in a text a patient pasted: a link, or the whole message it came in ("Your visit
 * starts at 3pm: https://doxy.me/drsmith Reply STOP"). Each link in text order, once, the
 * first MAX_LINKS_CHECKED of them; `more` counts the rest. Nothing is opened or looked up:
 * the URL parser says where each would go, as the browser's own would.
 */
export function findLinks(text: string): LinkReading {
  if (text.length > LINK_TEXT_MAX_LENGTH) return { ok: false, problem: { reason: 'too-long', length: text.length, max: LINK_TEXT_MAX_LENGTH } };
  if (text.trim() === '') return { ok: false, problem: { reason: 'empty' } };
  const links: FoundLink[] = [];
  const seen = new Set<string>();
  let emailAddresses = 0;
  for (const word of text.split(SEPARATOR)) {
    const found = readWord(word);
    if (found === 'email') emailAddresses++;
    if (found === undefined || found === 'email') continue;
    const key = found.kind === 'web' ? found.url : found.written;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(found);
  }
  if (links.length === 0) return { ok: false, problem: { reason: emailAddresses > 0 ? 'email-address' : 'no-link' } };
  return { ok: true, links: links.slice(0, MAX_LINKS_CHECKED), more: Math.max(0, links.length - MAX_LINKS_CHECKED) };
}

/** One word of the text: a link, an email address, or nothing to judge. */
function readWord(word: string): FoundLink | 'email' | undefined {
  const stripped = word.replace(LEADING, '');
  const scheme = SCHEME.exec(stripped);
  if (scheme) {
    const name = `${scheme[1]!.toLowerCase()}:`;
    const notWeb = name === 'http:' || name === 'https:' ? undefined : notWebKindOf(name, scheme[2] !== undefined);
    if (notWeb !== undefined) return { kind: 'not-web', written: shown(trimEnd(stripped)), scheme: name, notWeb };
  }
  const web = WEB_SCHEME.exec(stripped);
  if (web) return readWebLink(trimEnd(stripped.slice(web.index)));
  return readBareLink(trimEnd(stripped));
}

/** A link written with http:// or https://: the URL parser decides where it goes. */
function readWebLink(written: string): WebLink | UnreadableLink {
  const url = parseUrl(written);
  if (url === undefined || url.hostname === '') return { kind: 'unreadable', written: shown(written) };
  return webLink(written, url, false);
}

/**
 * A link written without a scheme (`doxy.me/drsmith`), read as https. Only a word whose host
 * ends in a real top-level domain counts, so "Mr.Smith" or "e.g." in a message is no link;
 * `name@example.org` without a path is an email address.
 */
function readBareLink(written: string): WebLink | 'email' | undefined {
  const authorityEnd = written.search(AUTHORITY_END);
  const authority = authorityEnd < 0 ? written : written.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at >= 0 && authorityEnd < 0) return 'email';
  const host = HOST_AND_PORT.exec(authority.slice(at + 1))?.[1];
  if (host === undefined || !DOT.test(host)) return undefined;
  const url = parseUrl(`https://${written}`);
  if (url === undefined) return undefined;
  if (/^[\d.]+$/.test(url.hostname) ? !DOTTED_QUAD.test(host) : !hasKnownSuffix(url.hostname)) return undefined;
  return webLink(written, url, true);
}

function webLink(written: string, url: URL, assumedHttps: boolean): WebLink {
  const userInfo = [url.username, url.password].filter((part) => part !== '').map(decoded).join(':');
  return {
    kind: 'web',
    written: shown(written),
    url: url.href,
    assumedHttps,
    ...(userInfo === '' ? {} : { userInfo }),
    invisible: invisibleCharactersIn(written),
  };
}

/** A host under a public suffix the list knows (ICANN's or a private one such as github.io), with a name of its own under it. */
function hasKnownSuffix(hostname: string): boolean {
  const parsed = parse(hostname, { allowPrivateDomains: true });
  return (parsed.isIcann === true || parsed.isPrivate === true) && parsed.domain !== null;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The sentence's punctuation after a link; a closing bracket only when the link did not open one ("…/Foo_(bar)"). */
function trimEnd(text: string): string {
  const opened = count(text, '(');
  let closed = count(text, ')');
  let end = text.length;
  for (;;) {
    const last = text[end - 1];
    if (last === ')' && closed > opened) closed--;
    else if (last === undefined || !TRAILING.test(last)) break;
    end--;
  }
  return text.slice(0, end);
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** A link as the popup quotes it: where an invisible character was shows, and a very long link is cut. */
function shown(written: string): string {
  const visible = revealInvisible(written);
  return visible.length <= WRITTEN_LINK_SHOWN ? visible : `${visible.slice(0, WRITTEN_LINK_SHOWN)}…`;
}
