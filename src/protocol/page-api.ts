import type { PageSignals } from '../core/signals/page-signals';
import { isAlertLevel } from '../core/findings/risk-levels';
import type { PageAnswer } from './messages';

/**
 * How the background reads a document and tells it what to show: by calling, with
 * `scripting.executeScript`, into the object the content script keeps in the extension's own
 * isolated world under PAGE_API_KEY. Pages cannot reach that world, so they cannot call it
 * or replace it; and every read of it is of the global's OWN property: a page's
 * `<div id="telehealthGuardPage">` is `window.telehealthGuardPage` in every world, but never
 * an own property of ours (see extension-api/own-global).
 *
 * Why not messages: a content script's first use of the extension API costs about 1 ms of the
 * page's main thread (Chromium builds the API bindings for its world then), on every page and
 * frame. A page that only needs reading never touches the API this way; the content script
 * sends messages itself only for what it alone sees (call activity, typing, a click, a page
 * that changed after it was read, a password field focused before any answer came).
 */
export const PAGE_API_KEY = 'telehealthGuardPage';

/** Where the page UI (content/page-ui-contract) puts itself in the same world. */
export const PAGE_UI_KEY = 'telehealthGuardUi';

/**
 * An answer that reached the document before its content script ran (the background answers
 * from the address as soon as the navigation commits): the content script takes it at start.
 */
export const EARLY_ANSWER_KEY = 'telehealthGuardEarlyAnswer';

/** One reading of a document, numbered so that an answer to an older one is told apart. */
export interface PageReading {
  signals: PageSignals;
  reading: number;
  /** The last answer shown here showed something (an alert, an armed guard): a new one must reach it, to take it away if need be. */
  showing: boolean;
}

/** Whether an answer puts something in the page: an alert at caution or danger, or an armed guard. */
export function answerShowsSomething(answer: PageAnswer): boolean {
  return (answer.alert !== null && isAlertLevel(answer.alert.level)) || answer.guard !== null;
}

/** A PageAnswer as it arrives through executeScript's arguments, which drop members that are null. */
export type InjectedAnswer = { [K in keyof PageAnswer]?: PageAnswer[K] };

/** An answer given before any reading: from the address, at commit. Never outranks a reading's. */
export const ADDRESS_ANSWER = 0;

export interface PageApi {
  /**
   * The document's signals, read now (also while it is still loading). `addressAnswer`, when
   * given, is the background's answer from this very document's address, shown first: the
   * guard then knows where it stands, and a reading whose answer shows nothing needs no call
   * of its own to say so (false: none given).
   */
  read(addressAnswer: InjectedAnswer | false): PageReading;
  /** The background's answer to that reading; dropped when a newer reading went out since. */
  show(answer: InjectedAnswer, reading: number): void;
  /** The one-time caution about a chat widget of this page. */
  cautionChat(provider: string): void;
  /** The one-time caution about the trackers this page sends to, named as the popup names them. */
  cautionTrackers(receivers: string[]): void;
  /** A frame of this page shows a modal warning: the top frame's alert makes way while it does. */
  suspendAlert(suspended: boolean): void;
}

/** What `showInFrame` did. */
export type ShowResult =
  /** The content script has it. */
  | 'shown'
  /** The content script is not running yet: it takes the answer at start. */
  | 'kept'
  /** The answer shows something and the page UI is not in this world yet: inject it, then show again. */
  | 'needs-ui';

// The functions the background injects. The browser sends their source text, not their
// closure: each names its keys literally and uses nothing from outside (a test checks the keys).

export function readPageInFrame(addressAnswer: InjectedAnswer | false): unknown {
  const api = Object.getOwnPropertyDescriptor(globalThis, 'telehealthGuardPage')?.value as PageApi | undefined;
  return api ? api.read(addressAnswer) : null;
}

export function showInFrame(answer: PageAnswer, reading: number, needsUi: boolean): ShowResult {
  if (needsUi && !Object.getOwnPropertyDescriptor(globalThis, 'telehealthGuardUi')) return 'needs-ui';
  const api = Object.getOwnPropertyDescriptor(globalThis, 'telehealthGuardPage')?.value as PageApi | undefined;
  if (api) {
    api.show(answer, reading);
    return 'shown';
  }
  Object.defineProperty(globalThis, 'telehealthGuardEarlyAnswer', { value: { answer, reading }, writable: true, configurable: true, enumerable: false });
  return 'kept';
}

export function pageUiInFrame(): boolean {
  return Object.getOwnPropertyDescriptor(globalThis, 'telehealthGuardUi') !== undefined;
}

export function suspendAlertInFrame(suspended: boolean): void {
  (Object.getOwnPropertyDescriptor(globalThis, 'telehealthGuardPage')?.value as PageApi | undefined)?.suspendAlert(suspended);
}

export function cautionChatInFrame(provider: string): void {
  (Object.getOwnPropertyDescriptor(globalThis, 'telehealthGuardPage')?.value as PageApi | undefined)?.cautionChat(provider);
}

export function cautionTrackersInFrame(receivers: string[]): void {
  (Object.getOwnPropertyDescriptor(globalThis, 'telehealthGuardPage')?.value as PageApi | undefined)?.cautionTrackers(receivers);
}
