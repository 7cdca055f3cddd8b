import type { LookalikeRule } from '../src/core/lookalike/lookalike-rules';

/**
 * Hosts that play one lookalike trick each on a copy of the Doxy.me login, and real-looking
 * names close to catalog names that must stay quiet. They share two pages in
 * demo/sites/_shared/ instead of a folder each.
 */
export const LOOKALIKE_TRICKS: readonly { host: string; rule: LookalikeRule; trick: string }[] = [
  { host: 'd0xy.me', rule: 'digit-for-letter', trick: 'a zero for the o' },
  { host: 'xn--dxy-sed.me', rule: 'mixed-script', trick: 'a Cyrillic о among Latin letters (dоxy.me)' },
  { host: 'cloxy.me', rule: 'ascii-lookalike', trick: '"cl" for "d"' },
  { host: 'dxoy.me', rule: 'transposition', trick: 'two letters swapped' },
  { host: 'do.xy.me', rule: 'dot-insertion', trick: 'a dot inside the name' },
  { host: 'doxy.com', rule: 'tld-swap', trick: 'the name under .com' },
  { host: 'doxy.me.example.net', rule: 'target-embedding', trick: 'the real address as a subdomain' },
  { host: 'doxy-login.net', rule: 'combosquatting', trick: 'the brand with "login"' },
  { host: 'd0xy.github.io', rule: 'digit-for-letter', trick: 'a free-hosting subdomain' },
];

/**
 * Look-alikes under a public suffix that a careless admin list might name whole (`co.uk`,
 * `herokuapp.com`): the extension must refuse such an entry and still guard these.
 */
export const UNDER_PUBLIC_SUFFIX: readonly string[] = ['d0xy.co.uk', 'd0xy.herokuapp.com'];

/** Near names of catalog platforms that belong to someone else. */
export const BENIGN_NEAR_NAMES: readonly string[] = ['zoominfo.com', 'doxygen.nl', 'klarna.com', 'notdoxy.me'];

/**
 * Names that resemble a catalog name only weakly (a letter added at the end of a short name):
 * noted without a warning on an ordinary page, a warning where a password is asked for.
 */
export const LOW_CONFIDENCE_NEAR_NAMES: readonly { host: string; target: string }[] = [{ host: 'doxyq.me', target: 'doxy.me' }];

/** The shared page a host gets at a path, if any: `_shared/<page>.html`. */
export function sharedPageFor(host: string, pathname: string): string | undefined {
  const lowConfidence = LOW_CONFIDENCE_NEAR_NAMES.some((near) => near.host === host);
  if (pathname === '/' && lowConfidence) return 'ordinary-page';
  if (pathname === '/account/verify' && lowConfidence) return 'disguised-password';
  if (pathname === '/account/verify-again' && lowConfidence) return 'disguised-password-rewritten';
  if (pathname === '/account/verify-hidden' && lowConfidence) return 'disguised-password-hidden';
  if (pathname !== '/login') return undefined;
  if (LOOKALIKE_TRICKS.some((trick) => trick.host === host) || UNDER_PUBLIC_SUFFIX.includes(host) || lowConfidence) return 'lookalike-login';
  if (BENIGN_NEAR_NAMES.includes(host)) return 'ordinary-login';
  return undefined;
}
