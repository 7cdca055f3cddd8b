import { render } from 'preact';
import browser from 'webextension-polyfill';
import { pageSender } from '../protocol/send';
import { LinkCheck } from './link-check';
import { PopupApp } from './popup-app';
import { setDocumentLanguage } from '../ui-text/document-language';
import { uiMessages } from '../ui-text/ui-messages';

/** `?tab=<id>` shows that tab (DESIGN.md); otherwise the active tab of this window. */
async function tabToShow(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

setDocumentLanguage(document, uiMessages(), uiMessages().text('extensionName'));

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
