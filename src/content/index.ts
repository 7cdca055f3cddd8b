import type { CallReply } from '../protocol/call';
import type { ContentMessage, Dismissal, PageAnswer, Reply } from '../protocol/messages';
import { ADDRESS_ANSWER, answerShowsSomething, EARLY_ANSWER_KEY, PAGE_API_KEY, type InjectedAnswer, type PageApi } from '../protocol/page-api';
import { defineOwnGlobal, ownGlobal } from '../extension-api/own-global';
import { sendRuntimeMessage } from '../extension-api/runtime-message';
import { startCallBridge } from './call-bridge';
import { collectPageSignals } from './collect-signals';
import { collectVisitSignals } from './collect-visit-signals';
import { openHookChannel } from './hook-channel';
import { createPageUiAccess } from './page-ui-contract';
import { focusEntersShadowRoot, holdsPasswordField, mayHoldShadowRoots, whenClosedRootFound } from './password-fields';
import { PasswordGuard } from './password-guard';
import { passwordWatchFactory } from './password-watch-contract';
import { watchPasswordTyping } from './password-watch-stub';
import { createReporter } from './reporter';
import { documentUrlOf, readyStateOf } from './safe-dom';
import { watchFirstTyping, watchTyping } from './typing-watch';
import { watchPage } from './watch-page';

// Runs at document_start in every frame, and in the about:blank, srcdoc, data: and blob:
// documents pages make (match_origin_as_fallback): the guard's key listeners must be on the
// window before any page script's, and the private channel to the page-world hook is handed
// over before the page can watch. The background reads the page through the PageApi below;
// the extension API is touched only to send what this script alone sees (see
// protocol/page-api for why). Everything the page is shown comes from the page UI, injected
// by the background when there is something to show (see page-ui-contract): this script,
// which every page and frame compiles, holds only what each of them needs.
//
// Nothing here reads a global the page could stand in for: our own keys are own properties
// of this world's global (extension-api/own-global), DOM reads go through safe-dom.

const hook = openHookChannel(window);

async function send<T>(message: ContentMessage): Promise<T | undefined> {
  const reply = (await sendRuntimeMessage(message)) as Reply<T> | undefined;
  if (!reply) return undefined;
  if (!reply.ok) {
    console.warn(`Telehealth Guard: the background refused ${message.type}:`, reply.error);
    return undefined;
  }
  return reply.value;
}

const pageUi = createPageUiAccess(
  {
    onFought: () => {
      send<boolean>({ type: 'warning-fought' }).catch((error: unknown) => {
        console.warn('Telehealth Guard: could not ask for the warning page:', error);
      });
    },
    onModalChange: (open) => {
      // The top frame's alert makes way while a frame shows a modal warning (alert.ts says why).
      if (window === window.top) return;
      send<null>({ type: 'frame-modal', open }).catch((error: unknown) => {
        console.warn("Telehealth Guard: could not tell the page's top frame about this frame's warning:", error);
      });
    },
  },
  document,
);

const guard = new PasswordGuard(window, {
  onTrust: () => {
    // The site is the one the background guards this document against; it reads every page on
    // it (this one too) again, which disarms their guards and alerts.
    sendRuntimeMessage({ type: 'dismiss-lookalike-guard' } satisfies ContentMessage)
      .then((raw) => {
        const reply = raw as Reply<Dismissal> | undefined;
        if (reply?.ok !== true) throw new Error(reply?.error ?? 'no answer');
      })
      .catch((error: unknown) => {
        // Where the user acted: the overlay says their choice did not hold.
        const message = error instanceof Error ? error.message : String(error);
        guard.overlay?.showProblem(message);
        guard.arm(lastGuard);
      });
  },
  createOverlay: (actions) => pageUi.get().createOverlay(actions),
  onUnknown: () => {
    reportSafely(true);
  },
});

// Reused and new passwords: the background hashes, the watch only reads the field (password-watch,
// loaded at the first key where there is something to watch).
const passwordWatch = watchPasswordTyping(window, async () => {
  if ((await send<boolean>({ type: 'password-watch' })) !== true) return undefined;
  return passwordWatchFactory()?.create(window, {
    send,
    // A new password finding in the tab's verdict: the top frame reports itself, and its answer shows it.
    verdictChanged: () => {
      if (window === window.top) reportSafely(true);
    },
    showStrength: (field, strength) => {
      pageUi.get().showPasswordStrength(field, strength);
    },
  });
});

// Escape and Tab in our warnings (page-ui-contract's handleKey): added here, at document_start,
// so that no listener of the page comes before it. After the guard's, which takes every key
// while its overlay is up.
const onWidgetKey = (event: KeyboardEvent): void => {
  if (event.key === 'Escape' || event.key === 'Tab') pageUi.loaded()?.handleKey(event);
};
const listenForWidgetKeys = (): void => {
  // Added again after document.open(); a second add of the same listener is no second listener.
  window.addEventListener('keydown', onWidgetKey, true);
};
listenForWidgetKeys();

// `document.open()` takes every listener off the window, the guard's too. The page-world hook
// says so inside the call (main-world/document-open-notice); where it could not (a realm it
// did not reach first), the root element being replaced says it too, a moment later.
function listenAgain(): void {
  guard.listenAgainIfRemoved();
  listenForWidgetKeys();
  typingWatch.listenAgain();
  passwordWatch.listenAgain();
}
new MutationObserver(() => {
  listenAgain();
}).observe(document, { childList: true });

/**
 * Whether readings look into shadow roots, open and closed: that touches every element that
 * could host one (see password-fields), about half a millisecond on an ordinary article, so
 * only where it matters. From the first answer that arms the guard (a look-alike, known from
 * the address), and from the moment the user's focus goes into a shadow root on any other
 * page: then the page is read again, so a field hidden there counts (a password form in it
 * sending elsewhere, say) before anything is typed into it.
 */
let readShadowRoots = false;
/** Some reading has been taken (by the background or reported): a new one is owed when readShadowRoots turns on. */
let collected = false;
function readShadowRootsFromNowOn(): void {
  if (readShadowRoots) return;
  readShadowRoots = true;
  if (collected) reportSafely();
}
whenClosedRootFound(readShadowRootsFromNowOn);
window.addEventListener(
  'focusin',
  (event) => {
    if (!readShadowRoots && focusEntersShadowRoot(event)) readShadowRootsFromNowOn();
  },
  true,
);
/** The last answer shown put something in the page. */
let showing = false;
/** The guard of the last answer shown, to put back if trusting the site fails. */
let lastGuard: PageAnswer['guard'] = null;

/** How long after a reading that calls for an answer (a password field) the page waits for it, before it reports itself. */
const ANSWER_WAIT_MS = 1_500;

function showAnswer(answer: PageAnswer): void {
  // Null in frames: the top frame shows the tab's alert. The background injected the page UI
  // before any answer that shows something.
  showing = answerShowsSomething(answer);
  (showing ? pageUi.get() : pageUi.loaded())?.updateAlert(answer.alert);
  lastGuard = answer.guard;
  guard.arm(answer.guard);
  if (answer.guard) readShadowRootsFromNowOn();
}

const reporter = createReporter<ReturnType<typeof collect>, PageAnswer>({
  collect,
  send: (signals, reading) => send<PageAnswer>({ type: 'page-signals', signals, reading }),
  show: showAnswer,
  // A password field needs the background's word for the guard: until an answer came, or
  // while the answer in hand arms it (the reading's answer then adds the danger alert). Where
  // the answer from the address said there is nothing to guard, a reading's answer is awaited
  // only if it shows something, and the background sends none otherwise.
  expectsAnswer: (signals): boolean => signals.passwordFields > 0 && (!reporter.answered || lastGuard !== null),
  answerWaitMs: ANSWER_WAIT_MS,
  onError: reportError,
});

function collect() {
  collected = true;
  return {
    ...collectPageSignals(document, window.isSecureContext, { shadowRoots: mayHoldShadowRoots(document, readShadowRoots) }),
    ...collectVisitSignals(document, documentUrlOf(document).startsWith('https:')),
    ...(typedInto ? { typedInto: true } : {}),
  };
}

/**
 * On a look-alike (the background armed the guard), the first text the user writes into the
 * page, in this frame, is reported: a weak resemblance (xoom.com near zoom.com) shows no
 * warning until the page asks for something, and a page can ask for a password in a field of
 * another type, in a closed shadow root or in an element it made into a field. Elsewhere
 * nothing is reported: the watch stays, and reports once the guard is armed.
 *
 * The same watch tells the background, once, that the user started typing in the top frame:
 * where the page sends to advertising or session replay, it shows the one-time caution.
 */
let typedInto = false;
let typingReported = window !== window.top;
const typingWatch = watchTyping(
  window,
  () => {
    if (!typingReported) {
      typingReported = true;
      send<null>({ type: 'form-typing' }).catch((error: unknown) => {
        console.warn('Telehealth Guard: could not report typing in this page:', error);
      });
    }
    if (lastGuard === null) return false;
    typedInto = true;
    reportSafely();
    return true;
  },
  'anywhere',
);

function reportError(error: unknown): void {
  // The extension was reloaded or updated under this page: nothing left to report to.
  console.warn('Telehealth Guard: could not report this page:', error);
}

function reportSafely(force = false): void {
  reporter.report({ force }).catch(reportError);
}

/** executeScript's arguments lose members that are null on their way: put them back. */
const restored = (answer: InjectedAnswer): PageAnswer => ({ alert: answer.alert ?? null, guard: answer.guard ?? null });

let wasRead = false;
const pageApi: PageApi = {
  read(addressAnswer) {
    // The reading goes back whatever became of the address answer: a reading lost here would
    // leave the page unread for good (it counts itself read).
    if (addressAnswer) {
      try {
        reporter.answer(ADDRESS_ANSWER, restored(addressAnswer));
      } catch (error) {
        console.warn('Telehealth Guard: could not show the answer from this address:', error);
      }
    }
    const reading = { ...reporter.read(), showing };
    wasRead = true;
    // Read while still loading: watching starts once it is parsed (see parsed).
    if (readyStateOf(document) !== 'loading') watchChanges();
    return reading;
  },
  show(answer, reading) {
    reporter.answer(reading, restored(answer));
  },
  cautionChat(provider) {
    pageUi.get().showChatCaution(provider);
  },
  cautionTrackers(receivers) {
    pageUi.get().showTrackerCaution(receivers);
  },
  suspendAlert(suspended) {
    pageUi.loaded()?.suspendAlert(suspended);
  },
};
defineOwnGlobal(globalThis, PAGE_API_KEY, pageApi);

// An answer the background gave from the address before this script ran (at commit).
const early = ownGlobal(globalThis, EARLY_ANSWER_KEY) as { answer: InjectedAnswer; reading: number } | undefined;
if (early) reporter.answer(early.reading, restored(early.answer));

/**
 * When the page reports itself: still parsing this long after start (a page that never
 * finishes, or a slow one: it is read while it loads), and unread this long after parsing
 * (the background's worker was starting and missed it).
 */
const LOADING_REPORT_MS = 1_000;
const UNREAD_REPORT_MS = 2_000;

/**
 * Whether this document reports itself unasked: the top frame always (its reading makes the
 * tab's verdict); another frame once the background has read it (a look-alike is involved:
 * background/page-answers' frameNeedsReading), or while it holds a password field, whose
 * typing the guard holds until it has an answer. Other frames (ads, embeds, widgets) are never
 * read and never report: most frames of most pages cost no reading at all.
 */
const reportsUnasked = (): boolean => window === window.top || wasRead || holdsPasswordField(document);

function reportIfWanted(): void {
  if (reportsUnasked()) reportSafely();
}

let watching = false;
function watchChanges(): void {
  if (watching) return;
  watching = true;
  // Changes to what the signals are made of are reported from here.
  watchPage(document, reportIfWanted);
}

/**
 * Only a document that reports itself watches itself: other frames (ads, embeds, widgets)
 * change all the time, and each change of theirs cost a look at what was added. A password
 * field that turns up in one later is caught by the guard at its first use (password-guard:
 * held, and the background asked); a frame the background reads starts watching then.
 */
function parsed(): void {
  if (!reportsUnasked()) return;
  watchChanges();
  setTimeout(() => {
    if (!wasRead) reportIfWanted();
  }, UNREAD_REPORT_MS);
}
// safe-dom: once parsed, a page's <img name="readyState"> is document.readyState.
if (readyStateOf(document) === 'loading') {
  document.addEventListener('DOMContentLoaded', parsed, { once: true });
  // The top frame's reading makes the tab's verdict, and a slow page is read while it loads.
  // Another frame's is made only when the background reads it (then, whenever it is
  // parsed) or a password field in it is used (password-guard): no timer in every ad frame.
  if (window === window.top) {
    setTimeout(() => {
      if (readyStateOf(document) !== 'loading') return;
      watchChanges();
      reportSafely();
    }, LOADING_REPORT_MS);
  }
} else {
  // Already parsed: a frame's initial about:blank document, which pages also make and remove
  // by the dozen. Watching starts a task later: a frame gone by then costs nothing more.
  setTimeout(parsed, 0);
}

// Calls: the page-world hook (src/main-world) asks before the camera opens; the background
// says whether to ask the user, and the prompt waits for their own click.
startCallBridge(hook, {
  report: (activity) => send<CallReply | null>({ type: 'call-activity', activity }).then((reply) => reply ?? undefined),
  ask: (verdict, activity) => pageUi.get().askBeforeCamera(verdict, activity),
  leave: () => {
    // Back where the user came from, or off the site when there is nowhere to go back to.
    if (history.length > 1) history.back();
    else location.replace('about:blank');
  },
  showBlocked: (verdict) => {
    pageUi.get().showCameraBlocked(verdict);
  },
  onDocumentOpened: () => {
    listenAgain();
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
