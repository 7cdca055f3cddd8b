import browser, { type Runtime } from 'webextension-polyfill';
import { REPORT_AGAIN } from '../protocol/report-again';
import { createRouter } from '../protocol/router';
import { onPageSignals, onTabClosed, onTabNavigated, tabStateFor } from './tab-verdicts';

// Listeners are registered on the first tick: an MV3 worker woken by an event only
// delivers it to listeners that exist by then.

const router = createRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  content: {
    'page-signals': async (message, sender) => {
      // Only the top frame speaks for the tab; frames get their own rules later.
      if (sender.frameId !== 0) return null;
      const state = await onPageSignals(sender.tabId, sender.tabUrl, message.signals);
      return state?.verdict ?? null;
    },
  },
  pages: {
    'get-tab-state': async (message) => {
      const tab = await browser.tabs.get(message.tabId).catch(() => undefined);
      return tabStateFor(message.tabId, tab?.url);
    },
  },
});

// Returning undefined (a foreign sender) leaves the message unanswered, as if unheard.
const onMessage = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => router(message, sender);
browser.runtime.onMessage.addListener(onMessage);

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.url === undefined) return;
  void onTabNavigated(tabId, changeInfo.url).then(() =>
    // A same-document navigation keeps the page and its content script, which has nothing
    // new to say by itself: ask it. A new document has no script yet and reports when it
    // loads, so "no receiving end" here is the normal case, not an error.
    browser.tabs.sendMessage(tabId, REPORT_AGAIN, { frameId: 0 }).catch(() => undefined),
  );
});

browser.tabs.onRemoved.addListener((tabId) => {
  void onTabClosed(tabId);
});
