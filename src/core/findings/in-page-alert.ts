import { levelOf, type Verdict } from './assess';
import { hideTrustedLookalikes } from './trusted-sites';

/**
 * What the in-page alert shows of a tab's verdict: everything but look-alike findings about
 * sites the user chose to trust (trusted-sites), but a weak new password (it has its own note,
 * beside its field: content/strength-note), and but trackers. Trackers are on most pages
 * of a site that has them; an alert at every page load would teach patients to close it
 * unread. They are on the badge and in the popup, and come into the page once, as a caution,
 * when the user starts typing (background/tracker-caution).
 */
export function inPageAlertOf(verdict: Verdict, isTrusted: (host: string) => boolean): Verdict {
  const shown = hideTrustedLookalikes(verdict, isTrusted);
  const findings = shown.findings.filter((finding) => finding.code !== 'THIRD_PARTY_TRACKER' && finding.code !== 'WEAK_PASSWORD');
  if (findings.length === shown.findings.length) return shown;
  return { ...shown, findings, level: levelOf(shown.platform, findings) };
}
