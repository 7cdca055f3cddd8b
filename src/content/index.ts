import type { ContentMessage, Dismissal, PageReport, Reply } from '../protocol/messages';
import type { CallReply } from '../protocol/call';
import { answerShowsSomething, PAGE_API_KEY, type PageApi } from '../protocol/page-api';
import { SHADOW_ROOT_EVENT } from '../main-world/shadow-root-notice';
import { sendRuntimeMessage } from '../platform/runtime-message';
import { startCallBridge } from './call-bridge';
import { collectVisitSignals } from './collect-visit-signals';
import { watchFirstTyping } from './typing-watch';
import { collectPageSignals } from './collect-signals';
import { loadedPageUi, pageUi } from './page-ui-contract';
import { mayHoldOpenShadowRoots } from './password-fields';
import { PasswordGuard } from './password-guard';
import { createReporter } from './reporter';
import { documentUrlOf, readyStateOf } from './safe-dom';
import { watchPage } from './watch-page';

// Runs at document_start in every frame: the guard's key listeners must be on the window
// before any page script's. The background reads the page once it has been parsed, through
// the PageApi below; the extension API is touched only to send what this script alone sees
// (see protocol/page-api for why). Everything the page is shown comes from the page UI,
// injected by the background when there is something to show (see page-ui-contract): this
// script, which every page and frame compiles, holds only what each of them needs.

async function send<T>(message: ContentMessage): Promise<T | undefined> {
  const reply = (await sendRuntimeMessage(message)) as Reply<T> | undefined;
  if (!reply) return undefined;
  if (!reply.ok) {
    console.warn(`Telehealth Guard: the background refused ${message.type}:`, reply.error);
    return undefined;
  }
  return reply.value;
}

const guard = new PasswordGuard(window, {
  onTrust: () => {
    // The site is the one the background guards this frame against; it reads every page on
    // it (this one too) again, which disarms their guards and alerts.
    send<Dismissal>({ type: 'dismiss-lookalike-guard' }).catch((error: unknown) => {
      console.warn('Telehealth Guard: could not save "trust this site":', error);
    });
  },
  createOverlay: (actions, isTrusted) => pageUi().createOverlay(actions, isTrusted),
});

/** Whether the page has attached an open shadow root (the page-world hook tells, once). */
let attachedShadowRoot = false;
window.addEventListener(SHADOW_ROOT_EVENT, () => (attachedShadowRoot = true), { once: true });

/** The last answer shown put something in the page. */
let showing = false;

const reporter = createReporter(
  () => ({
    ...collectPageSignals(document, window.isSecureContext, { shadowRoots: mayHoldOpenShadowRoots(document, attachedShadowRoot) }),
    ...collectVisitSignals(document, documentUrlOf(document).startsWith('https:')),
  }),
  (signals) => send<PageReport>({ type: 'page-signals', signals, ui: loadedPageUi() !== undefined }),
  (answer) => {
    // Null in frames: the top frame shows the tab's alert. The background injected the page
    // UI before any answer that shows something.
    showing = answerShowsSomething(answer);
    (showing ? pageUi() : loadedPageUi())?.updateAlert(answer.alert);
    guard.arm(answer.guard);
  },
);

function reportSafely(): void {
  reporter.report().catch((error: unknown) => {
    // The extension was reloaded or updated under this page: nothing left to report to.
    console.warn('Telehealth Guard: could not report this page:', error);
  });
}

/**
 * How long after parsing the page waits to be read before it reports itself: the background
 * misses the moment when its worker is still starting (with the browser, or the extension).
 */
const UNREAD_REPORT_MS = 2_000;
let wasRead = false;

const pageApi: PageApi = {
  read() {
    // Still parsing: the background reads the whole page in a moment.
    if (readyStateOf(document) === 'loading') return null;
    wasRead = true;
    return { ...reporter.read(), showing, ui: loadedPageUi() !== undefined };
  },
  show(answer, reading) {
    // executeScript's arguments lose members that are null on their way: put them back.
    reporter.answer(reading, { alert: answer.alert ?? null, guard: answer.guard ?? null });
  },
  cautionChat(provider) {
    pageUi().showChatCaution(provider);
  },
};
(globalThis as Record<string, unknown>)[PAGE_API_KEY] = pageApi;

function parsed(): void {
  // After the first reading, changes to what the signals are made of are reported from here.
  watchPage(document, reportSafely);
  setTimeout(() => {
    if (!wasRead) reportSafely();
  }, UNREAD_REPORT_MS);
}
// safe-dom: once parsed, a page's <img name="readyState"> is document.readyState.
if (readyStateOf(document) === 'loading') document.addEventListener('DOMContentLoaded', parsed, { once: true });
else parsed();

// Calls: the page-world hook (src/main-world) asks before the camera opens; the background
// says whether to ask the user, and the prompt waits for their own click.
startCallBridge(window, {
  report: (activity) => send<CallReply | null>({ type: 'call-activity', activity, ui: loadedPageUi() !== undefined }).then((reply) => reply ?? undefined),
  ask: (verdict, activity) => pageUi().askBeforeCamera(verdict, activity),
  leave: () => {
    // Back where the user came from, or off the site when there is nowhere to go back to.
    if (history.length > 1) history.back();
    else location.replace('about:blank');
  },
  showBlocked: (verdict) => {
    pageUi().showCameraBlocked(verdict);
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
