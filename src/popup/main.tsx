import { render } from 'preact';
import browser from 'webextension-polyfill';
import { pageSender } from '../protocol/send';
import { LinkCheck } from './link-check';
import { PopupApp } from './popup-app';

/** `?tab=<id>` shows that tab (DESIGN.md); otherwise the active tab of this window. */
async function tabToShow(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

const send = pageSender((message) => browser.runtime.sendMessage(message));

void tabToShow().then((tabId) => {
  render(
    <>
      <PopupApp tabId={tabId} send={send} />
      <LinkCheck send={send} />
    </>,
    document.getElementById('app')!,
  );
});
