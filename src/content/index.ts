import browser, { type Runtime } from 'webextension-polyfill';
import type { ContentMessage, Dismissal, PageReport, Reply } from '../protocol/messages';
import type { CallReply } from '../protocol/call';
import { alreadyJudged, isChatCaution, isReportAgain } from '../protocol/report-again';
import { startCallBridge } from './call-bridge';
import { askBeforeCamera, showCameraBlocked } from './call-prompt';
import { showChatCaution } from './chat-caution';
import { collectVisitSignals } from './collect-visit-signals';
import { watchFirstTyping } from './typing-watch';
import { PageAlert } from './alert';
import { collectPageSignals } from './collect-signals';
import { PasswordGuard } from './password-guard';
import { createReporter } from './reporter';
import { readyStateOf } from './safe-dom';
import { watchPage } from './watch-page';

// Runs at document_start in every frame: the guard's key listeners must be on the window
// before any page script's. The page is read once it has been parsed.

async function send<T>(message: ContentMessage): Promise<T | undefined> {
  const reply: Reply<T> | undefined = await browser.runtime.sendMessage(message);
  if (!reply) return undefined;
  if (!reply.ok) {
    console.warn(`Telehealth Guard: the background refused ${message.type}:`, reply.error);
    return undefined;
  }
  return reply.value;
}

const guard = new PasswordGuard(window, {
  onTrust: () => {
    // The site is the one the background guards this frame against; it asks every page on
    // it (this one too) to report again, which disarms their guards and alerts.
    send<Dismissal>({ type: 'dismiss-lookalike-guard' }).catch((error: unknown) => {
      console.warn('Telehealth Guard: could not save "trust this site":', error);
    });
  },
});
const alert = new PageAlert(document);
/** The tab's address the last answered report was judged under. */
let judgedUnder: string | undefined;

const reporter = createReporter(
  () => ({ ...collectPageSignals(document, window.isSecureContext), ...collectVisitSignals(document, location.protocol === 'https:') }),
  (signals) => send<PageReport>({ type: 'page-signals', signals }),
  (answer) => {
    // Null in frames: the top frame shows the tab's alert.
    alert.update(answer.alert);
    guard.arm(answer.guard);
    judgedUnder = answer.tabUrl;
  },
);

/** The latest report, answered or on its way: an ask that comes meanwhile is weighed against its answer. */
let reporting: Promise<void> = Promise.resolve();

function reportSafely(): void {
  reporting = reporter.report().catch((error: unknown) => {
    // The extension was reloaded or updated under this page: nothing left to report to.
    console.warn('Telehealth Guard: could not report this page:', error);
  });
}

function start(): void {
  reportSafely();
  watchPage(document, reportSafely);
}

// safe-dom: once parsed, a page's <img name="readyState"> is document.readyState.
if (readyStateOf(document) === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();

// Calls: the page-world hook (src/main-world) asks before the camera opens; the background
// says whether to ask the user, and the prompt waits for their own click.
startCallBridge(document, {
  report: (activity) => send<CallReply | null>({ type: 'call-activity', activity }).then((reply) => reply ?? undefined),
  ask: (verdict, activity) => askBeforeCamera(document, verdict, activity),
  leave: () => {
    // Back where the user came from, or off the site when there is nowhere to go back to.
    if (history.length > 1) history.back();
    else location.replace('about:blank');
  },
  showBlocked: (verdict) => {
    showCameraBlocked(document, verdict);
  },
});

// In frames: typing into a chat widget gets the one-time caution (the background decides).
if (window !== window.top) {
  watchFirstTyping(window, () => {
    send<null>({ type: 'chat-typing' }).catch((error: unknown) => {
      console.warn('Telehealth Guard: could not report typing in this frame:', error);
    });
  });
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): undefined => {
  if (sender.id !== browser.runtime.id) return;
  if (isChatCaution(message)) {
    showChatCaution(document, message.provider);
    return;
  }
  if (!isReportAgain(message)) return;
  // Still parsing: start() reports the whole page in a moment.
  if (readyStateOf(document) === 'loading') return;
  // A new document's address: this page's own first report was judged under it already.
  // The ask often comes while this page's first report is on its way: its answer says
  // which address it was judged under.
  void reporting.then(() => {
    if (alreadyJudged(message, judgedUnder)) return;
    reporter.forget();
    reportSafely();
  });
});
