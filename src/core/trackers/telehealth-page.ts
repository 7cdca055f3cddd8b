import type { Verdict } from '../findings/assess';
import { callEmbedsOf } from '../findings/embeds';
import { looksLikeTelehealth } from '../findings/visit-findings';
import type { Allowlist } from '../lists/allowlist';
import type { CallState } from '../signals/call-state';
import type { PageSignals } from '../signals/page-signals';

/**
 * Whether trackers are spoken of (and, under the clinic's `block`, blocked) on a page: a
 * verified or known platform (any list), a look-alike that is a warning of its own (a
 * low-confidence resemblance alone is no telehealth page), a page in a call or embedding a
 * frame that can run one. Google Analytics is on most of the web: elsewhere, nothing is said.
 */
export function isTelehealthPage(
  allowlist: Allowlist,
  verdict: Pick<Verdict, 'platform' | 'findings'>,
  page: { signals?: PageSignals | undefined; call?: CallState | undefined },
): boolean {
  return looksLikeTelehealth(
    {
      pageVerified: verdict.platform?.verified === true,
      knownPlatform: verdict.platform !== undefined,
      lookalike: verdict.findings.some((finding) => finding.code === 'LOOKALIKE_DOMAIN' && finding.level !== 'neutral' && finding.frame === undefined),
      call: page.call,
    },
    callEmbedsOf(allowlist, page.signals?.iframes ?? []).length > 0,
  );
}
