import browser, { type Runtime } from 'webextension-polyfill';
import type { PolicyAction } from '../core/lists/policy';
import { lookalikeHosts } from '../core/findings/trusted-sites';
import { createRouter, frameAddressOf, type ContentSender } from '../protocol/router';
// The built file's name (crxjs builds it as a script of its own, in the IIFE format a
// content script needs): see content/page-ui-contract.
import pageUiScript from '../content/page-ui.ts?script&iife';
// The new-password rater (zxcvbn-ts and its dictionaries): put only into a verified platform's sign-up or change form.
import passwordRaterScript from '../content/password-rater.ts?script&iife';
// The password watch, put into a document at the user's first key there (content/password-watch-stub).
import passwordWatchScript from '../content/password-watch-entry.ts?script&iife';
import { adminPageHandlers } from './admin-handlers';
import { registerAdminListeners } from './admin-listeners';
import { showLevelOnBadge } from './badge';
import { guardCameraAt } from './camera-backstop';
import { onCallReport, onChatTyping } from './calls';
import { listDismissals, removeDismissal } from './dismissal-store';
import { forgetCreator, rememberCreator, senderOfReading } from './document-address';
import { judgeOpenTabs, readUnreadTabs } from './open-tabs';
import { answerFor, answerFromAddress, describeDocument, frameNeedsReading, trustLookalike } from './page-answers';
import { createPageConversation, documentTarget } from './page-conversation';
import { popupPageHandlers } from './popup-handlers';
import { mayRate, onPasswordTyped, onSignIn, onStrength, passwordModeFor, passwordSender } from './password-handlers';
import { getSettings, settingsReady } from './policy-settings';
import type { TabState } from '../protocol/messages';
import { readTabState } from './tab-state-store';
import { onTabClosed, onTabCommitted, onTabNavigated, onTabReplaced, tabStateFor } from './tab-verdicts';
import { forgetReplacedPage, isWarningPage, replacedPageOf, replaceWithWarningPage } from './warning-page';
import { observeTrackerRequests } from './tracker-requests';
import { forgetTrackerCaution, onTrackersChanged, onTyping } from './tracker-caution';
import { blockTrackersInTab, notTelehealth, syncTrackerBlocking } from './tracker-blocking';
import { onListsChanged } from './allowlist-state';
import { linkCheckHandlers } from './link-check-handler';

// Entry point: wiring only. Listeners are registered on the first tick: an MV3 worker woken by
// an event only delivers it to listeners that exist by then.

/** The clinic's `unknownVideoPlatform` action (warn, block or off); warn, asking first, by default. */
const unknownVideoPlatformAction = async (): Promise<PolicyAction> => {
  await settingsReady();
  return getSettings().unknownVideoPlatform;
};

const conversation = createPageConversation({
  executeScript: (injection) => browser.scripting.executeScript(injection),
  pageUiFile: pageUiScript,
  senderOf: senderOfReading,
  describe: describeDocument,
  answer: answerFor,
  answerFromAddress,
});
const readTab = (tabId: number): Promise<void> => conversation.readTab(tabId);

function logCameraFailure(error: unknown): void {
  console.error("Telehealth Guard: could not set the browser's camera setting for a site the clinic blocks:", error);
}

/** After the user trusts a site or takes it back: every tab that warns about it is read again. */
async function readTabsWarningAbout(host: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      const state = await readTabState(id);
      if (state && lookalikeHosts(state.verdict).includes(host)) await readTab(id);
    }),
  );
}

/** A tab's state for the popup; the warning page stands in for the page it replaced, so it shows that page's verdict. */
async function tabStateOf(tabId: number): Promise<TabState | null> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (isWarningPage(tab?.url)) return (await replacedPageOf(tabId)) ?? null;
  return tabStateFor(tabId, tab?.url, readTab);
}

const router = createRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  content: {
    'page-signals': (message, sender) => conversation.answerReport(sender, message.signals),
    'dismiss-lookalike-guard': async (_message, sender) => {
      const { dismissal, site } = await trustLookalike(await describeDocument(sender));
      void readTabsWarningAbout(site);
      return dismissal;
    },
    'call-activity': async (message, sender) => {
      const reply = await onCallReport(await describeDocument(sender), message.activity, unknownVideoPlatformAction);
      // The content script shows the prompt or the notice itself: the page UI goes in first.
      if (reply && reply.action !== 'allow') await conversation.ensurePageUi(documentTarget(sender));
      return reply;
    },
    'chat-typing': async (_message, sender) => {
      const document = await describeDocument(sender);
      const ensurePageUi = (target: { tabId: number; frameIds: number[] }) => conversation.ensurePageUi(target);
      // Typing in a frame counts for the tab's tracker caution too (a form vendor's frame).
      await onTyping(document, ensurePageUi);
      return onChatTyping(document, ensurePageUi);
    },
    'form-typing': async (_message, sender) => onTyping(await describeDocument(sender), (target) => conversation.ensurePageUi(target)),
    'warning-fought': async (_message, sender) => replaceWithWarningPage(await describeDocument(sender)),
    'frame-modal': async (message, sender) => {
      if (sender.frameId !== 0) await conversation.suspendTopAlert(sender.tabId, message.open);
      return null;
    },
    'password-mode': async (_message, sender) => passwordModeFor(await describeDocument(sender)),
    'password-watch': async (_message, sender) => {
      const mode = await passwordModeFor(await describeDocument(sender));
      if (!mode.check && !mode.signInSite) return false;
      await browser.scripting.executeScript({ target: documentTarget(sender), files: [passwordWatchScript], injectImmediately: true });
      return true;
    },
    'password-sign-in': async (message, sender) => onSignIn(await describeDocument(passwordSender(sender)), message.password),
    'password-check': async (message, sender) => {
      const changed = await onPasswordTyped(await describeDocument(passwordSender(sender)), message);
      // The top frame shows the tab's alert: typed there, it reports itself on this answer
      // (which reaches a blob: page too, where the background cannot read the page itself);
      // typed in a frame, the background reads the top frame.
      if (changed && sender.frameId !== 0) await conversation.readTab(sender.tabId, { frameId: 0 });
      return changed;
    },
    'password-rater': async (_message, sender) => {
      if (!(await mayRate(await describeDocument(sender)))) return false;
      const target = documentTarget(sender);
      // The note beside the field is page UI: both go in before the content script rates.
      await conversation.ensurePageUi(target);
      await browser.scripting.executeScript({ target, files: [passwordRaterScript], injectImmediately: true });
      return true;
    },
    'password-strength': async (message, sender) => {
      await onStrength(await describeDocument(sender), message.strength);
      return null;
    },
  },
  pages: {
    'get-tab-state': (message) => tabStateOf(message.tabId),
    ...popupPageHandlers({ tabState: tabStateOf, listDismissals }),
    'undo-dismissal': async (message) => {
      const removed = await removeDismissal(message.host);
      // Pages on that site arm their guard again at once, not at their next load.
      if (removed) await readTabsWarningAbout(message.host);
      return removed;
    },
    // Admin policy, remote list, the user's own list (options page, popup footer).
    ...adminPageHandlers,
    // The popup's "Check a link".
    ...linkCheckHandlers,
  },
});

// Returning undefined (a foreign sender) leaves the message unanswered, as if unheard.
const onMessage = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => router(message, sender);
browser.runtime.onMessage.addListener(onMessage);

/**
 * Tabs whose top frame is loading a new document: from its onBeforeNavigate until it commits or
 * fails. The browser's url event for such a navigation comes just before its commit, which
 * judges the address (onTabCommitted) and clears the button's per-tab values: a verdict put on
 * the badge from the url event would be wiped by that commit, and its calls, reaching the
 * browser while it commits, would hold up the commit's own event and so the verdict that stays.
 * The url event leaves such a navigation to its commit (a prerendered page shown has one too); a
 * new address without a new document (history.pushState, a #fragment) is judged from its url event.
 */
const loadingNewDocument = new Set<number>();

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  const { url } = changeInfo;
  if (url === undefined) return;
  if (isWarningPage(url)) {
    // The badge keeps saying what the replaced page was.
    void replacedPageOf(tabId).then((replaced) => showLevelOnBadge(tabId, replaced?.verdict.level));
    return;
  }
  void forgetReplacedPage(tabId).catch(() => undefined);
  if (!loadingNewDocument.has(tabId)) void onTabNavigated(tabId, url);
});

// A tab opened on a web address (tabs.create, a link opened in a new tab): its first document is
// on its way, and the browser sends that navigation's url event before its onBeforeNavigate.
browser.tabs.onCreated.addListener((tab) => {
  const { pendingUrl } = tab as { pendingUrl?: string };
  if (tab.id !== undefined && pendingUrl !== undefined && /^https?:/.test(pendingUrl)) loadingNewDocument.add(tab.id);
});

// Under the clinic's camera "block", the browser's own setting closes the camera on the site
// before the page has run (camera-backstop).
browser.webNavigation.onBeforeNavigate.addListener((details) => {
  const { tabId, frameId, url } = details;
  if (frameId !== 0) return;
  void guardCameraAt(tabId, url).catch(logCameraFailure);
  // The tab's tracker block rule goes before the next page's first requests: it is put back at
  // the commit if that page is a telehealth page too (tracker-blocking).
  if ((details as { documentLifecycle?: string }).documentLifecycle !== 'prerender') void blockTrackersInTab(tabId, notTelehealth);
  // A page prerendered in the background is not the tab's document yet (see onCommitted below).
  if ((details as { documentLifecycle?: string }).documentLifecycle !== 'prerender') loadingNewDocument.add(tabId);
});

// A new document that never came (an error, a download, a navigation stopped or replaced): the
// tab is judged by the address it shows, in case its url event was left to the commit.
browser.webNavigation.onErrorOccurred.addListener(({ tabId, frameId }) => {
  if (frameId !== 0 || !loadingNewDocument.delete(tabId)) return;
  void browser.tabs
    .get(tabId)
    .then(async ({ url }) => {
      if (url !== undefined && !isWarningPage(url)) await onTabNavigated(tabId, url);
    })
    .catch(() => undefined);
});

// A new document: what its address alone says is shown at once, on the badge and in the page
// (a look-alike's password fields are guarded from the first keystroke, however long the page
// takes to load). The top frame's address is the tab's: nothing to ask the browser first.
browser.webNavigation.onCommitted.addListener((details) => {
  const { tabId, frameId, url } = details;
  const { documentId, documentLifecycle } = details as { documentId?: string; documentLifecycle?: string };
  if (frameId === 0) loadingNewDocument.delete(tabId);
  // The warning page keeps the badge of the page it replaced (tabs.onUpdated, above); a page
  // prerendered in the background is not the tab's yet (its url event comes when it is shown).
  if (frameId === 0 && !isWarningPage(url) && documentLifecycle !== 'prerender') {
    onTabCommitted(tabId, url, documentId).catch((error: unknown) => {
      console.warn(`Telehealth Guard: could not judge tab ${tabId} at commit:`, error);
    });
  }
  const tabUrlOf = async (): Promise<string | undefined> => (frameId === 0 ? url : (await browser.tabs.get(tabId)).url);
  void tabUrlOf()
    .then((tabUrl) => {
      const frameUrl = tabUrl === undefined ? undefined : frameAddressOf(frameId, tabUrl, url);
      if (tabUrl === undefined || frameUrl === undefined) return;
      const sender: ContentSender = { tabId, frameId, tabUrl, frameUrl, documentId };
      // Documents that start without a navigation of their own (a blob: page, an about:blank popup) are covered here.
      if (frameId === 0) void guardCameraAt(tabId, tabUrl).catch(logCameraFailure);
      return conversation.answerAtCommit(sender);
    })
    .catch((error: unknown) => {
      console.warn(`Telehealth Guard: could not answer frame ${frameId} of tab ${tabId} at commit:`, error);
    });
});

// Each document is read once it has been parsed: the top frame, and the frames where a
// look-alike is involved (page-answers' frameNeedsReading says why the others are not).
browser.webNavigation.onDOMContentLoaded.addListener((details) => {
  const { tabId, frameId, url } = details;
  const { documentId } = details as { documentId?: string };
  // With the document's id, the answer from its address goes with the reading (readDocument).
  const read = (): Promise<void> => (documentId === undefined ? conversation.readTab(tabId, { frameId }) : conversation.readDocument({ tabId, frameId, documentId }));
  if (frameId === 0) {
    void read();
    return;
  }
  void browser.tabs
    .get(tabId)
    .then(async (tab) => {
      if (tab.url !== undefined && (await frameNeedsReading(tabId, frameId, url, tab.url))) await read();
    })
    .catch((error: unknown) => {
      // The tab closed meanwhile: nothing to read.
      if (error instanceof Error && /^No tab with id/.test(error.message)) return;
      console.warn(`Telehealth Guard: could not read frame ${frameId} of tab ${tabId}:`, error);
    });
});

// A new address without a new document (history.pushState, a #fragment): the page has nothing
// new to say by itself, but is judged under another address now. For the top frame every frame
// is read again, since frame findings are kept per tab address. The order against the tab's
// url event does not matter: a reading for an address comes before or after it alike.
const onSameDocumentNavigation = ({ tabId, frameId }: { tabId: number; frameId: number }): void => {
  void conversation.readTab(tabId, frameId === 0 ? {} : { frameId });
};
browser.webNavigation.onHistoryStateUpdated.addListener(onSameDocumentNavigation);
browser.webNavigation.onReferenceFragmentUpdated.addListener(onSameDocumentNavigation);

// A page opened a tab or window: an about:blank popup it writes into is judged as its opener.
browser.webNavigation.onCreatedNavigationTarget.addListener((details) => {
  rememberCreator(details).catch((error: unknown) => {
    console.warn(`Telehealth Guard: could not note who opened tab ${details.tabId}:`, error);
  });
});

browser.tabs.onRemoved.addListener((tabId) => {
  loadingNewDocument.delete(tabId);
  void onTabClosed(tabId);
  void forgetCreator(tabId).catch(() => undefined);
  void forgetReplacedPage(tabId).catch(() => undefined);
  void forgetTrackerCaution(tabId).catch(() => undefined);
});

browser.tabs.onReplaced.addListener((addedTabId, removedTabId) => {
  void browser.tabs
    .get(addedTabId)
    .then((tab) => tab.url, () => undefined)
    .then((url) => onTabReplaced(addedTabId, removedTabId, url))
    .then(() => readTab(addedTabId));
});

// Install, update: tabs already open get a verdict from their address (see open-tabs).
browser.runtime.onInstalled.addListener(() => {
  judgeOpenTabs().catch((error: unknown) => {
    console.error('Telehealth Guard: could not judge the open tabs:', error);
  });
});

// Pages parsed before this worker's listeners existed (see open-tabs).
readUnreadTabs(readTab).catch((error: unknown) => {
  console.error('Telehealth Guard: could not read the open tabs:', error);
});

// Requests to the tracker catalog's endpoints, from every frame of every tab (tracker-requests),
// and the clinic's tracker "block" rules, which follow the policy and the lists (tracker-blocking).
observeTrackerRequests((state) => {
  onTrackersChanged(state, (target) => conversation.ensurePageUi(target)).catch((error: unknown) => {
    console.warn(`Telehealth Guard: could not show the tracker caution in tab ${state.tabId}:`, error);
  });
});
onListsChanged(() => void syncTrackerBlocking());
void syncTrackerBlocking();

// Admin policy (storage.managed), signed remote list (alarms), the user's own list: their
// listeners, and the start-up load of the stored lists.
registerAdminListeners(readTab);
