import browser from 'webextension-polyfill';
import { trackerBlockRules, type BlockRule } from '../core/trackers/blocking-rules';
import { builtInTrackerCatalog } from '../core/trackers/tracker-catalog';
import { getAllowlist, listsLoaded } from './allowlist-state';
import { getSettings } from './policy-settings';

/**
 * The clinic's `actions.trackers: "block"`, with declarativeNetRequest rules in two scopes:
 *
 * - dynamic rules for requests started by pages on every listed domain (the catalog's, the
 *   clinic's, the remote list's, the user's): in force before such a page has run, so its first
 *   pixel is blocked too;
 * - session rules for the tabs judged telehealth pages otherwise (a look-alike, a page in a call
 *   or framing one) and for every frame of a listed page's tab (a form vendor's frame is its own
 *   initiator): in force from the moment the verdict is made.
 *
 * Under `warn` and `off` there are no rules. Rule updates run one at a time.
 */
const LIST_RULES_FROM = 1_000;
const TAB_RULES_FROM = 2_000;

let queue: Promise<void> = Promise.resolve();
function inOrder(update: () => Promise<void>): Promise<void> {
  queue = queue.then(update).catch((error: unknown) => {
    console.error('Telehealth Guard: could not update the tracker blocking rules:', error);
  });
  return queue;
}

const dnr = (): typeof browser.declarativeNetRequest => browser.declarativeNetRequest;

// Nothing to remove and nothing to add (every start under "warn"): no update at all.
async function replaceDynamic(rules: BlockRule[]): Promise<void> {
  const existing = await dnr().getDynamicRules();
  if (existing.length === 0 && rules.length === 0) return;
  await dnr().updateDynamicRules({ removeRuleIds: existing.map((rule) => rule.id), addRules: rules });
}

async function replaceSession(rules: BlockRule[]): Promise<void> {
  const existing = await dnr().getSessionRules();
  if (existing.length === 0 && rules.length === 0) return;
  await dnr().updateSessionRules({ removeRuleIds: existing.map((rule) => rule.id), addRules: rules });
}

/** The tabs the session rules cover now (the browser keeps them across worker restarts). */
async function blockedTabs(): Promise<Set<number>> {
  const rules = await dnr().getSessionRules();
  return new Set(rules[0]?.condition.tabIds ?? []);
}

/** Every domain on the lists in force, as declarativeNetRequest takes initiator domains. */
function listedDomains(): string[] {
  return [...getAllowlist().byDomain.keys()].sort();
}

/** The policy or the lists changed (and at the worker's start): the rules follow. */
export function syncTrackerBlocking(): Promise<void> {
  return inOrder(async () => {
    // The rules in force stay until the stored policy is in: a worker woken with storage slow to
    // answer would otherwise take them down on the default ("warn") and put them back later.
    await listsLoaded();
    if (getSettings().trackers !== 'block') {
      await Promise.all([replaceDynamic([]), replaceSession([])]);
      return;
    }
    await replaceDynamic(trackerBlockRules(builtInTrackerCatalog(), { initiatorDomains: listedDomains() }, LIST_RULES_FROM));
  });
}

/**
 * A tab's verdict was made (or the tab is leaving its page: `isTelehealth` says no): under
 * `block`, its frames' tracker requests are blocked while it is a telehealth page. Nobody waits for it: the verdict is shown whatever becomes of the rules.
 */
export function blockTrackersInTab(tabId: number, isTelehealth: () => boolean): Promise<void> {
  return inOrder(async () => {
    await listsLoaded();
    // Under "warn" and "off" there are no session rules: syncTrackerBlocking took them down.
    if (getSettings().trackers !== 'block') return;
    // Worked out only here, under "block": every verdict of every tab comes through.
    const telehealth = isTelehealth();
    const tabs = await blockedTabs();
    if (tabs.has(tabId) === telehealth) return;
    if (telehealth) tabs.add(tabId);
    else tabs.delete(tabId);
    await replaceSession(tabs.size === 0 ? [] : trackerBlockRules(builtInTrackerCatalog(), { tabIds: [...tabs].sort((a, b) => a - b) }, TAB_RULES_FROM));
  });
}

/** For a tab that has no telehealth page (closed, gone elsewhere, not judged). */
export const notTelehealth = (): boolean => false;
