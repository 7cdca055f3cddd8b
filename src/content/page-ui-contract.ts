import type { Verdict } from '../core/assess';
import type { GuardTarget } from '../core/guard-target';

/**
 * What the content script shows in a page (the alert, the password guard's overlay, the
 * prompt before the camera, the chat caution) is a script of its own, page-ui.ts, which the
 * background injects into the content script's world only when a page has something to show.
 * The script every page and frame gets at document_start stays small: its size alone costs
 * each page about 0.3 ms of compiling per 10 KB, and most pages never show anything. The two
 * meet under PAGE_UI_KEY on the world's global, which pages cannot see.
 */
export const PAGE_UI_KEY = 'telehealthGuardUi';

export type PromptAnswer = 'continue' | 'leave';

export interface OverlayActions {
  /** "Close": hide the overlay; the field stays guarded. */
  onClose(): void;
  /** "I trust this site": only ever called for a real user's click or key press. */
  onTrust(): void;
}

/** The password guard's overlay, as the guard drives it. */
export interface Overlay {
  readonly isOpen: boolean;
  show(guard: GuardTarget): void;
  hide(): void;
  handleKey(event: KeyboardEvent): void;
}

export interface PageUi {
  /** Shows, replaces or removes the in-page alert to match the verdict. */
  updateAlert(verdict: Verdict | null): void;
  createOverlay(actions: OverlayActions, isTrusted: (event: Event) => boolean): Overlay;
  askBeforeCamera(verdict: Verdict, activity: 'camera-or-microphone' | 'screen'): Promise<PromptAnswer>;
  showCameraBlocked(verdict: Verdict): void;
  showChatCaution(provider: string): void;
}

/** The page UI, once the background has injected it into this world. */
export function loadedPageUi(scope: object = globalThis): PageUi | undefined {
  return (scope as Record<string, PageUi | undefined>)[PAGE_UI_KEY];
}

/** The page UI, which the background injects before it asks for anything to be shown. */
export function pageUi(scope: object = globalThis): PageUi {
  const ui = loadedPageUi(scope);
  if (!ui) throw new Error('Telehealth Guard: the page UI was asked for before the background injected it');
  return ui;
}
