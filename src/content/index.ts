import browser, { type Runtime } from 'webextension-polyfill';
import type { Verdict } from '../core/assess';
import type { ContentMessage, Reply } from '../protocol/messages';
import { isReportAgain } from '../protocol/report-again';
import { PageAlert } from './alert';
import { collectPageSignals } from './collect-signals';
import { watchPage } from './watch-page';

const alert = new PageAlert(document);
let lastReport = '';

async function report(): Promise<void> {
  const signals = collectPageSignals(document, window.isSecureContext);
  const serialized = JSON.stringify(signals);
  if (serialized === lastReport) return;
  lastReport = serialized;
  const message: ContentMessage = { type: 'page-signals', signals };
  const reply: Reply<Verdict | null> | undefined = await browser.runtime.sendMessage(message);
  if (!reply) return;
  if (!reply.ok) {
    console.warn('Telehealth Guard: the background refused the page report:', reply.error);
    return;
  }
  alert.update(reply.value);
}

function reportSafely(): void {
  report().catch((error: unknown) => {
    // The extension was reloaded or updated under this page: nothing left to report to.
    console.warn('Telehealth Guard: could not report this page:', error);
  });
}

reportSafely();
watchPage(document, reportSafely);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): undefined => {
  if (sender.id !== browser.runtime.id || !isReportAgain(message)) return;
  lastReport = '';
  reportSafely();
});
