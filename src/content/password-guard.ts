import type { GuardTarget } from '../core/guard-target';
import type { Overlay, OverlayActions } from './page-ui-contract';
import { deepActiveElement, isPasswordField, passwordFieldOf } from './password-fields';

const KEY_EVENTS = ['keydown', 'keypress', 'keyup'] as const;
/** Ways text gets into a field without a key press. */
const TEXT_EVENTS = ['beforeinput', 'paste', 'drop'] as const;

function swallow(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

export interface PasswordGuardOptions {
  /** The user chose "I trust this site": ask the background to remember it. */
  onTrust: () => void;
  /**
   * Builds the overlay the first time the guard has to show it (from the page UI, which the
   * background injects before it arms a guard; see page-ui-contract).
   */
  createOverlay: (actions: OverlayActions, isTrusted: (event: Event) => boolean) => Overlay;
  /** Seam for tests: jsdom's events are never trusted. */
  isTrusted?: (event: Event) => boolean;
}

/**
 * Stands between the user and the password fields of a look-alike site. While armed, a
 * password field that gets focus or a key press loses the focus, and the blocking overlay
 * names the real site; its keys, and every key while the overlay is up, stop at the window
 * in the capture phase, before any listener of the page.
 *
 * The listeners go on at construction: at document_start, before any page script can
 * register a window capture listener of its own, which would run first. Until the
 * background arms the guard they let everything through.
 */
export class PasswordGuard {
  #target: GuardTarget | null = null;
  #intercepting = false;
  #overlay: Overlay | undefined;
  readonly #createOverlay: () => Overlay;
  readonly #isTrusted: (event: Event) => boolean;

  constructor(
    private readonly win: Window,
    { onTrust, createOverlay, isTrusted = (event) => event.isTrusted }: PasswordGuardOptions,
  ) {
    this.#isTrusted = isTrusted;
    const actions: OverlayActions = {
      onClose: () => {
        this.#overlay?.hide();
      },
      onTrust: () => {
        this.#overlay?.hide();
        onTrust();
      },
    };
    this.#createOverlay = () => createOverlay(actions, isTrusted);
    for (const type of KEY_EVENTS) win.addEventListener(type, this.#onKey, true);
    for (const type of TEXT_EVENTS) win.addEventListener(type, this.#onText, true);
    win.addEventListener('focusin', this.#onFocus, true);
  }

  /** Takes the listeners and the overlay away (tests; a content script keeps its guard for the page's life). */
  dispose(): void {
    this.arm(null);
    for (const type of KEY_EVENTS) this.win.removeEventListener(type, this.#onKey, true);
    for (const type of TEXT_EVENTS) this.win.removeEventListener(type, this.#onText, true);
    this.win.removeEventListener('focusin', this.#onFocus, true);
  }

  get overlayShown(): boolean {
    return this.#overlay?.isOpen === true;
  }

  /** Arms the guard against a look-alike, or disarms it (null). A field already focused is caught at once. */
  arm(target: GuardTarget | null): void {
    this.#target = target;
    if (!target) {
      this.#overlay?.hide();
      return;
    }
    const active = deepActiveElement(this.win.document);
    if (isPasswordField(active)) this.#intercept(active);
  }

  #intercept(field: HTMLInputElement): void {
    // A page that puts the focus straight back from its blur handler would loop us.
    if (!this.#target || this.#intercepting) return;
    this.#intercepting = true;
    try {
      (this.#overlay ??= this.#createOverlay()).show(this.#target);
      field.blur();
    } finally {
      this.#intercepting = false;
    }
  }

  readonly #onFocus = (event: Event): void => {
    const field = this.#target ? passwordFieldOf(event) : undefined;
    if (field) this.#intercept(field);
  };

  readonly #onKey = (event: Event): void => {
    if (!this.#target) return;
    const field = passwordFieldOf(event);
    if (!field && this.#overlay?.isOpen !== true) return;
    swallow(event);
    if (field) this.#intercept(field);
    else if (event.type === 'keydown' && this.#isTrusted(event)) this.#overlay?.handleKey(event as KeyboardEvent);
  };

  readonly #onText = (event: Event): void => {
    if (!this.#target) return;
    const field = passwordFieldOf(event);
    if (!field && this.#overlay?.isOpen !== true) return;
    swallow(event);
    if (field) this.#intercept(field);
  };
}
