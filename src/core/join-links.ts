import { matchPlatform, type Allowlist, type Platform } from './allowlist';
import type { LookalikeMatch } from './lookalike';

/** A page address that is a meeting's join link on a known platform. */
export interface JoinLink {
  platform: Platform;
  /** The listed domain the link's host falls under. */
  domain: string;
}

function pathOf(url: URL): string {
  return url.pathname.toLowerCase();
}

/** zoom.us/j/123…, meet.google.com/abc-defg-hij, doxy.me/room: the catalog's join patterns. */
export function recogniseJoinLink(allowlist: Allowlist, url: URL): JoinLink | undefined {
  const match = matchPlatform(allowlist, url.hostname);
  if (!match) return undefined;
  const address = `${url.hostname}${pathOf(url)}`;
  return match.platform.joinPatterns.some((pattern) => pattern.test(address)) ? { platform: match.platform, domain: match.domain } : undefined;
}

/**
 * A join link on a lookalike host: the path would be a meeting of the platform the host
 * imitates (zoom-us.net/j/123456789 reads as a Zoom meeting). Tested by putting the real
 * domain in front of the path, so the platform's own patterns decide.
 */
export function isLookalikeJoinLink(allowlist: Allowlist, url: URL, lookalike: Pick<LookalikeMatch, 'target'>): boolean {
  const imitated = matchPlatform(allowlist, lookalike.target)?.platform;
  if (!imitated) return false;
  const address = `${lookalike.target}${pathOf(url)}`;
  return imitated.joinPatterns.some((pattern) => pattern.test(address));
}
