import { assessPage, type Verdict } from '../core/assess';
import { frameFindings } from '../core/frame-findings';
import { guardTargetFor, guardUnderPolicy, type GuardTarget } from '../core/guard-target';
import type { PageSignals } from '../core/page-signals';
import { hideTrustedLookalikes } from '../core/trusted-sites';
import type { Dismissal, PageReport } from '../protocol/messages';
import type { ContentSender } from '../protocol/router';
import { allowlistReady, getAllowlist } from './allowlist-state';
import { askTabsShowingHostToReport, askToReport } from './ask-to-report';
import { addDismissal, trustedHosts } from './dismissal-store';
import { getSettings, settingsReady } from './settings-store';
import { isAssessedUrl, onFrameReport, onPageSignals } from './tab-verdicts';

/** A verdict for an address the browser reported; undefined for pages the extension doesn't judge. */
function verdictFor(url: string, signals?: PageSignals): Verdict | undefined {
  return isAssessedUrl(url) ? assessPage(getAllowlist(), { url, signals }) : undefined;
}

/** The guard this sender's frame gets, from the frame's and the tab's addresses alone. */
function guardFor(sender: ContentSender, frame: Verdict | undefined): GuardTarget | undefined {
  if (!frame) return undefined;
  return guardTargetFor(frame, sender.frameId === 0 ? frame : verdictFor(sender.tabUrl));
}

/**
 * A frame's `page-signals`. The top frame's report makes the tab's verdict and gets the
 * in-page alert; any other frame is judged by its own address (and its tab's), may add
 * look-alike findings to the tab, and gets only its password-field guard.
 */
export async function onPageReport(sender: ContentSender, signals: PageSignals): Promise<PageReport> {
  // Frames are judged here, outside tab-verdicts: they too wait for the stored lists after a wake-up.
  await allowlistReady();
  const action = getSettings().passwordOnLookalike;
  const trusted = await trustedHosts();
  // Under "block" the user's earlier trust no longer counts, for the alert as for the guard.
  const isTrusted = (host: string): boolean => action !== 'block' && trusted.has(host);
  const armIfDistrusted = (guard: GuardTarget | undefined): GuardTarget | null => guardUnderPolicy(guard, action, isTrusted);

  if (sender.frameId === 0) {
    const state = await onPageSignals(sender.tabId, sender.tabUrl, signals);
    if (!state) return { alert: null, guard: null };
    return {
      alert: hideTrustedLookalikes(state.verdict, isTrusted),
      guard: armIfDistrusted(guardFor(sender, state.verdict)),
    };
  }

  const frame = verdictFor(sender.frameUrl, signals);
  const tab = verdictFor(sender.tabUrl);
  if (frame && tab) {
    const findings = frameFindings(frame, tab, signals.passwordFields);
    const changed = await onFrameReport(sender.tabId, { frameId: sender.frameId, frameUrl: sender.frameUrl, tabUrl: sender.tabUrl, findings });
    // The top frame shows the tab's alert: it has to hear about what this frame added.
    if (changed) void askToReport(sender.tabId, { frameId: 0 });
  }
  return { alert: null, guard: armIfDistrusted(guardFor(sender, frame)) };
}

/**
 * "I trust this site", from the guard's overlay. The site is the look-alike this frame is
 * guarded against, worked out again from the addresses the browser reports: a page can
 * never have some other host trusted.
 */
export async function onDismissLookalikeGuard(sender: ContentSender): Promise<Dismissal> {
  await settingsReady();
  const guard = guardFor(sender, verdictFor(sender.frameUrl));
  if (!guard) throw new Error('nothing to dismiss: this frame is not on a look-alike site');
  if (getSettings().passwordOnLookalike === 'block') throw new Error("the clinic's policy does not let users trust look-alike sites");
  const dismissal = await addDismissal(guard.site, guard.target);
  void askTabsShowingHostToReport(guard.site);
  return dismissal;
}
