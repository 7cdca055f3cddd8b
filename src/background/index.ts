import browser, { type Runtime } from 'webextension-polyfill';
import type { PolicyAction } from '../core/policy';
import { answerShowsSomething } from '../protocol/page-api';
import { createRouter } from '../protocol/router';
import { adminPageHandlers } from './admin-handlers';
import { registerAdminListeners } from './admin-listeners';
import { askTabsShowingHostToReport, askToReport, judgeReadingsWith } from './ask-to-report';
import { onCallReport, onChatTyping } from './calls';
import { listDismissals, removeDismissal } from './dismissal-store';
import { judgeOpenTabs, readUnreadTabs } from './open-tabs';
import { onDismissLookalikeGuard, onPageReport } from './page-reports';
import { injectPageUi, senderTarget } from './page-ui-injection';
import { getSettings, settingsReady } from './settings-store';
import { onTabClosed, onTabNavigated, onTabReplaced, tabStateFor } from './tab-verdicts';

/** The clinic's `unknownVideoPlatform` action (warn, block or off); warn, asking first, by default. */
const unknownVideoPlatformAction = async (): Promise<PolicyAction> => {
  await settingsReady();
  return getSettings().unknownVideoPlatform;
};

// Listeners are registered on the first tick: an MV3 worker woken by an event only
// delivers it to listeners that exist by then.

const router = createRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  content: {
    // Answers that show something in the page go to a page with the page UI in it.
    'page-signals': async (message, sender) => {
      const report = await onPageReport(sender, message.signals);
      if (answerShowsSomething(report) && message.ui !== true) await injectPageUi(senderTarget(sender));
      return report;
    },
    'dismiss-lookalike-guard': (_message, sender) => onDismissLookalikeGuard(sender),
    'call-activity': async (message, sender) => {
      const reply = await onCallReport(sender, message.activity, unknownVideoPlatformAction);
      if (reply && reply.action !== 'allow' && message.ui !== true) await injectPageUi(senderTarget(sender));
      return reply;
    },
    'chat-typing': (_message, sender) => onChatTyping(sender),
  },
  pages: {
    'get-tab-state': async (message) => {
      const tab = await browser.tabs.get(message.tabId).catch(() => undefined);
      return tabStateFor(message.tabId, tab?.url);
    },
    'list-dismissals': () => listDismissals(),
    'undo-dismissal': async (message) => {
      const removed = await removeDismissal(message.host);
      // Pages on that site arm their guard again at once, not at their next load.
      if (removed) await askTabsShowingHostToReport(message.host);
      return removed;
    },
    // Admin policy, remote list, the user's own list (options page, popup footer).
    ...adminPageHandlers,
  },
});

// What the background reads of pages (see protocol/page-api) is judged as their reports are.
judgeReadingsWith(onPageReport);

// Returning undefined (a foreign sender) leaves the message unanswered, as if unheard.
const onMessage = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => router(message, sender);
browser.runtime.onMessage.addListener(onMessage);

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.url !== undefined) void onTabNavigated(tabId, changeInfo.url);
});

// Each document is read once it has been parsed: the top frame and every frame in it.
browser.webNavigation.onDOMContentLoaded.addListener(({ tabId, frameId }) => {
  void askToReport(tabId, { frameId });
});

// A new address without a new document (history.pushState, a #fragment): the page has nothing
// new to say by itself, but is judged under another address now. For the top frame every frame
// is read again, since frame findings are kept per tab address. The order against the tab's
// url event does not matter: a report for an address comes before or after it alike.
const onSameDocumentNavigation = ({ tabId, frameId }: { tabId: number; frameId: number }): void => {
  void askToReport(tabId, frameId === 0 ? {} : { frameId });
};
browser.webNavigation.onHistoryStateUpdated.addListener(onSameDocumentNavigation);
browser.webNavigation.onReferenceFragmentUpdated.addListener(onSameDocumentNavigation);

browser.tabs.onRemoved.addListener((tabId) => {
  void onTabClosed(tabId);
});

browser.tabs.onReplaced.addListener((addedTabId, removedTabId) => {
  void browser.tabs
    .get(addedTabId)
    .then((tab) => tab.url, () => undefined)
    .then((url) => onTabReplaced(addedTabId, removedTabId, url));
});

// Install, update: tabs already open get a verdict from their address (see open-tabs).
browser.runtime.onInstalled.addListener(() => {
  judgeOpenTabs().catch((error: unknown) => {
    console.error('Telehealth Guard: could not judge the open tabs:', error);
  });
});

// Pages parsed before this worker's listeners existed (see open-tabs).
readUnreadTabs().catch((error: unknown) => {
  console.error('Telehealth Guard: could not read the open tabs:', error);
});

// Admin policy (storage.managed), signed remote list (alarms), the user's own list: their
// listeners, and the start-up load of the stored lists.
registerAdminListeners();
