import { assessPage, type Verdict } from '../findings/assess';
import { louderLevel, type RiskLevel } from '../findings/risk-levels';
import { withStaleListFinding, type StaleList } from '../findings/stale-list';
import { hostToUnicode, TargetParseError } from '../hostname';
import type { Allowlist } from '../lists/allowlist';
import { findLinks, type NotWebLink, type TextProblem, type UnreadableLink, type WebLink } from './find-links';

/** A web link with the verdict on where it goes. */
export interface CheckedLink extends WebLink {
  /** The same verdict a page at that address gets from its address alone, as a visit link (assess' `visitLink`). */
  verdict: Verdict;
  /** The verdict's level, raised to caution when the link is disguised (linkLevel). */
  level: RiskLevel;
  /** The host as a person reads it (`dоxy.me` for `xn--dxy-sed.me`): the popup loads no punycode of its own. */
  shownHost: string;
}

export type LinkResult = CheckedLink | NotWebLink | UnreadableLink;

/** The popup's link check: each link of the text with its verdict, or why there was none to judge. */
export type LinkCheck = { ok: true; links: LinkResult[]; more: number } | { ok: false; problem: TextProblem };

/**
 * Judges the links in a pasted text with the lists in force, the way the page would be judged
 * once opened from its address alone: the same core, nothing opened, fetched or looked up.
 * `staleList`: the remote list in force has expired (background/allowlist-state).
 */
export function checkLinks(allowlist: Allowlist, text: string, { staleList }: { staleList?: StaleList | undefined } = {}): LinkCheck {
  const reading = findLinks(text);
  if (!reading.ok) return reading;
  return { ok: true, more: reading.more, links: reading.links.map((link) => (link.kind === 'web' ? judgeLink(allowlist, link, staleList) : link)) };
}

function judgeLink(allowlist: Allowlist, link: WebLink, staleList: StaleList | undefined): CheckedLink | UnreadableLink {
  let verdict: Verdict;
  try {
    verdict = withStaleListFinding(assessPage(allowlist, { url: link.url, visitLink: true }), staleList);
  } catch (error) {
    // A host longer than DNS allows: no browser could open it.
    if (error instanceof TargetParseError) return { kind: 'unreadable', written: link.written };
    throw error;
  }
  return { ...link, verdict, level: linkLevel(verdict.level, link), shownHost: hostToUnicode(verdict.host) };
}

/**
 * A user name before `@` and invisible characters make a link read as somewhere it does not
 * go. No link a clinic sends has either, so such a link is at least caution, whatever site it
 * leads to.
 */
export function linkLevel(level: RiskLevel, link: Pick<WebLink, 'userInfo' | 'invisible'>): RiskLevel {
  const disguised = link.userInfo !== undefined || link.invisible.length > 0;
  return disguised ? louderLevel(level, 'caution') : level;
}
