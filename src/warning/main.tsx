import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Reply, TabState } from '../protocol/messages';
import { WarningApp } from './warning-app';
import { setDocumentLanguage } from '../ui-text/document-language';
import { uiMessages } from '../ui-text/ui-messages';

setDocumentLanguage(document, uiMessages(), uiMessages().text('warningPageTitle'));

/** `?tab=<id>`: the tab this page stands in, whose replaced page's verdict the background keeps. */
const param = new URLSearchParams(location.search).get('tab');
const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : undefined;

async function replacedPage(): Promise<TabState | null> {
  if (tabId === undefined) throw new Error(uiMessages().text('warningNoTab'));
  const reply: Reply<TabState | null> | undefined = await browser.runtime.sendMessage({ type: 'get-tab-state', tabId });
  if (!reply) throw new Error(uiMessages().text('warningNoAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

const closeTab = (): void => {
  if (tabId !== undefined) void browser.tabs.remove(tabId);
};

render(<WarningApp load={replacedPage} onClose={closeTab} />, document.getElementById('app')!);
