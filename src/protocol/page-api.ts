import type { PageSignals } from '../core/page-signals';
import { isAlertLevel } from '../core/risk-levels';
import type { PageReport } from './messages';

/**
 * How the background reads a page and tells it what to show: by calling, with
 * `scripting.executeScript`, into the object the content script keeps in the extension's own
 * isolated world under PAGE_API_KEY. Pages cannot see that world, so they cannot call it or
 * replace it.
 *
 * Why not messages: a content script's first use of the extension API costs about 1 ms of the
 * page's main thread (Chromium builds the API bindings for its world then), on every page and
 * frame. A page that only needs reading never touches the API this way; the content script
 * sends messages itself only for what it alone sees (call activity, typing, a click, a page
 * that changed after it was read). Nor is an answer sent back to a page with nothing to show
 * and nothing shown: one injection less.
 */
export const PAGE_API_KEY = 'telehealthGuardPage';

/** One reading of a page, numbered so that an answer to an older one is told apart. */
export interface PageReading {
  signals: PageSignals;
  reading: number;
  /** The last answer shown here showed something (an alert, an armed guard): a new one must reach it, to take it away if need be. */
  showing: boolean;
  /** The page UI is in this world already (see content/page-ui-contract): no need to inject it again. */
  ui: boolean;
}

/** Whether an answer puts something in the page: an alert at caution or danger, or an armed guard. */
export function answerShowsSomething(answer: PageReport): boolean {
  return (answer.alert !== null && isAlertLevel(answer.alert.level)) || answer.guard !== null;
}

/** A PageReport as it arrives through executeScript's arguments, which drop members that are null. */
export type InjectedReport = { [K in keyof PageReport]?: PageReport[K] };

export interface PageApi {
  /** The page's signals, or null while it is still being parsed (the background reads it once it has been). */
  read(): PageReading | null;
  /** The background's answer to that reading; dropped when a newer reading went out since. */
  show(answer: InjectedReport, reading: number): void;
  /** The one-time caution about a chat widget of this page. */
  cautionChat(provider: string): void;
}

// The functions the background injects. The browser sends their source text, not their
// closure: each names the key literally and uses nothing from outside (a test checks the key).

export function readPageInFrame(): unknown {
  const api = (globalThis as { telehealthGuardPage?: PageApi }).telehealthGuardPage;
  return api ? api.read() : null;
}

export function showInFrame(answer: PageReport, reading: number): void {
  (globalThis as { telehealthGuardPage?: PageApi }).telehealthGuardPage?.show(answer, reading);
}

export function cautionChatInFrame(provider: string): void {
  (globalThis as { telehealthGuardPage?: PageApi }).telehealthGuardPage?.cautionChat(provider);
}
