import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Reply, TabState } from '../protocol/messages';
import { WarningApp } from './warning-app';

/** `?tab=<id>`: the tab this page stands in, whose replaced page's verdict the background keeps. */
const param = new URLSearchParams(location.search).get('tab');
const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : undefined;

async function replacedPage(): Promise<TabState | null> {
  if (tabId === undefined) throw new Error('no tab named in the address');
  const reply: Reply<TabState | null> | undefined = await browser.runtime.sendMessage({ type: 'get-tab-state', tabId });
  if (!reply) throw new Error('the background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

const closeTab = (): void => {
  if (tabId !== undefined) void browser.tabs.remove(tabId);
};

render(<WarningApp load={replacedPage} onClose={closeTab} />, document.getElementById('app')!);
