import { matchPlatform, type Allowlist } from '../lists/allowlist';
import type { LookalikeMatch } from '../lookalike/lookalike';

function pathOf(url: URL): string {
  return url.pathname.toLowerCase();
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
