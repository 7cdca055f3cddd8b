import type { Strength } from '../core/passwords/strength';
import type { Verdict } from '../core/findings/assess';
import type { GuardTarget } from '../core/findings/guard-target';
import { ownGlobal } from '../extension-api/own-global';
import { PAGE_UI_KEY } from '../protocol/page-api';

/**
 * What the content script shows in a page (the alert, the password guard's overlay, the
 * prompt before the camera, the chat caution) is a script of its own, page-ui.ts, which the
 * background injects into the content script's world only when a page has something to show.
 * The script every page and frame gets at document_start stays small: its size alone costs
 * each page about 0.3 ms of compiling per 10 KB, and most pages never show anything.
 *
 * The two meet under PAGE_UI_KEY, as an OWN property of the world's global: a page's
 * `<div id="telehealthGuardUi">` is that name on every world's window, but never an own
 * property of ours (extension-api/own-global). The page UI may come first (the background answers
 * from the address as the navigation commits): it puts a factory there, and the content script
 * makes the page UI with what it needs when it first shows something.
 */

export type PromptAnswer = 'continue' | 'leave';

export interface OverlayActions {
  /** "Close": hide the overlay; the field stays guarded. */
  onClose(): void;
  /** "I trust this site": only ever called for the user's own click or key, on a control they could see. */
  onTrust(): void;
}

/** The password guard's overlay, as the guard drives it. */
export interface Overlay {
  readonly isOpen: boolean;
  show(guard: GuardTarget): void;
  hide(): void;
  handleKey(event: KeyboardEvent): void;
  /** Something the user chose did not work (their trust was not saved): say so on the overlay. */
  showProblem(message: string): void;
}

export interface PageUi {
  /** Shows, replaces or removes the in-page alert to match the verdict. */
  updateAlert(verdict: Verdict | null): void;
  createOverlay(actions: OverlayActions): Overlay;
  askBeforeCamera(verdict: Verdict, activity: 'camera-or-microphone' | 'screen'): Promise<PromptAnswer>;
  showCameraBlocked(verdict: Verdict): void;
  showChatCaution(provider: string): void;
  showTrackerCaution(receivers: readonly string[]): void;
  /** A frame of this page shows a modal warning: the alert makes way while it does (alert.ts). */
  suspendAlert(suspended: boolean): void;
  /** Shows, moves or takes away (null) the weak-password note beside a new-password field (strength-note). */
  showPasswordStrength(field: Element, strength: Strength | null): void;
  /**
   * Escape or Tab, heard at the window in the capture phase by a listener added at
   * document_start, before any of the page's: a page cannot swallow the keys of our warnings.
   * True when a widget took the key (it then goes no further).
   */
  handleKey(event: KeyboardEvent): boolean;
}

/** What the content script gives the page UI. */
export interface PageUiHost {
  /**
   * The page keeps removing or covering what it is shown, or clicking for the user: the
   * background replaces it with the extension's own warning page (it decides whether).
   */
  onFought(): void;
  /** A modal warning (the guard's overlay, the camera prompt) came, or the last one went. */
  onModalChange(open: boolean): void;
}

/** What page-ui.ts puts under PAGE_UI_KEY. */
export interface PageUiFactory {
  create(doc: Document, host: PageUiHost): PageUi;
}

export function pageUiFactory(scope: object = globalThis): PageUiFactory | undefined {
  return ownGlobal(scope, PAGE_UI_KEY) as PageUiFactory | undefined;
}

/** The page UI, made once from the factory the background injected; undefined before that. */
export function createPageUiAccess(host: PageUiHost, doc: Document, scope: object = globalThis): { loaded(): PageUi | undefined; get(): PageUi } {
  let ui: PageUi | undefined;
  const loaded = (): PageUi | undefined => (ui ??= pageUiFactory(scope)?.create(doc, host));
  return {
    loaded,
    get() {
      const found = loaded();
      if (!found) throw new Error('Telehealth Guard: the page UI was asked for before the background injected it');
      return found;
    },
  };
}
