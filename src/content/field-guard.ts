import type { GuardTarget } from '../core/findings/guard-target';
import type { Overlay, OverlayActions } from './page-ui-contract';
import { deepActiveElement, isPasswordField, passwordFieldOf } from './password-fields';
import { insertText, swallow } from './safe-dom';

/**
 * How long typing into a password field is held while the background's answer is awaited.
 * The answer normally comes before the user has typed at all (it is given from the address as
 * the navigation commits, and from the reading once the page is parsed); held keys wait for a
 * worker that had stopped and is woken by the ask. Measured from the click to the overlay with
 * the worker stopped around a look-alike's load (tests/e2e/faults-worker-stop, 10 trials per
 * moment, a loaded 2-core machine): medians 0.4 to 0.6 s, at most 0.7 s, and up to 3.3 s under
 * heavier load. Past this bound something is broken, not slow: what was held is dropped (it
 * never reaches the page) and typing goes through unguarded, with a line in the console,
 * rather than leave every password field of the browser dead.
 */
export const HOLD_LIMIT_MS = 5_000;

export interface PasswordGuardOptions {
  /** The user chose "I trust this site": ask the background to remember it. */
  onTrust: () => void;
  /**
   * Builds the overlay the first time the guard has to show it (from the page UI, which the
   * background injects before it arms a guard; see page-ui-contract).
   */
  createOverlay: (actions: OverlayActions) => Overlay;
  /** A password field is being used before the background's answer came: ask for it now. */
  onUnknown: () => void;
  /** Seam for tests: jsdom's events are never trusted. */
  isTrusted?: (event: Event) => boolean;
  /** Seam for tests: puts held text into the focused field (a trusted edit, as if typed). */
  insert?: (doc: Document, text: string) => void;
}

/**
 * What the password guard (password-guard) does once a password field is in use before the
 * background has answered, or once an answer arms it against a look-alike: holds what is typed
 * while the answer is awaited, and while armed takes the focus away from password fields and
 * shows the blocking overlay. Made at the first such moment: most pages never need it, and its
 * code is then never compiled in them.
 *
 * Until the background's first answer, whether this document is a look-alike is not known
 * here, and a password field fails closed: what is typed into it is held (it reaches no
 * listener of the page) and the background asked at once; an armed answer drops what was
 * held, a disarmed one puts it into the field as typed.
 */
export class FieldGuard {
  #target: GuardTarget | null = null;
  #known = false;
  #held = '';
  #asked = false;
  #holdTimer: ReturnType<typeof setTimeout> | undefined;
  #intercepting = false;
  #overlay: Overlay | undefined;
  readonly #createOverlay: () => Overlay;
  readonly #isTrusted: (event: Event) => boolean;
  readonly #onUnknown: () => void;
  readonly #insert: (doc: Document, text: string) => void;

  constructor(
    private readonly win: Window,
    { onTrust, createOverlay, onUnknown, isTrusted = (event) => event.isTrusted, insert = insertText }: PasswordGuardOptions,
  ) {
    this.#isTrusted = isTrusted;
    this.#onUnknown = onUnknown;
    this.#insert = insert;
    const actions: OverlayActions = {
      onClose: () => {
        this.#overlay?.hide();
      },
      onTrust: () => {
        this.#overlay?.hide();
        onTrust();
      },
    };
    this.#createOverlay = () => createOverlay(actions);
  }

  get overlayShown(): boolean {
    return this.#overlay?.isOpen === true;
  }

  /** The overlay, if it has been built: to tell the user what became of their choice. */
  get overlay(): Overlay | undefined {
    return this.#overlay;
  }

  /** Whether typing is being held for want of an answer. */
  get holding(): boolean {
    return !this.#known && this.#asked;
  }

  /** Arms the guard against a look-alike, or disarms it (null). A field already focused is caught at once. */
  arm(target: GuardTarget | null): void {
    const held = this.#held;
    this.#settle();
    this.#target = target;
    if (!target) {
      this.#overlay?.hide();
      // Known now not to be a look-alike: what the user typed meanwhile goes in as typed. (The
      // focused element is looked for only then: looking into a host's closed root costs the
      // first touch of the extension API in this world, and most answers hold nothing.)
      if (held !== '' && isPasswordField(deepActiveElement(this.win.document))) {
        try {
          this.#insert(this.win.document, held);
        } catch (error) {
          console.warn('Telehealth Guard: could not put back what was typed while this site was being checked; please type it again.', error);
        }
      }
      return;
    }
    const active = deepActiveElement(this.win.document);
    if (isPasswordField(active)) this.#intercept(active);
  }

  #settle(): void {
    this.#known = true;
    this.#held = '';
    if (this.#holdTimer !== undefined) clearTimeout(this.#holdTimer);
    this.#holdTimer = undefined;
  }

  /** A password field is in use and the answer has not come: ask once, and start the bound. */
  #ask(): void {
    if (this.#asked) return;
    this.#asked = true;
    this.#onUnknown();
    this.#holdTimer = setTimeout(() => {
      if (this.#known) return;
      console.warn(`Telehealth Guard: no answer about this site within ${HOLD_LIMIT_MS} ms; what was typed into a password field meanwhile was dropped, and typing now goes through unchecked.`);
      this.#settle();
    }, HOLD_LIMIT_MS);
  }

  #intercept(field: HTMLInputElement): void {
    // A page that puts the focus straight back from its blur handler would loop us.
    if (!this.#target || this.#intercepting) return;
    this.#intercepting = true;
    try {
      // The field loses the focus first: a modal dialog gives the focus back, when it closes, to
      // what had it when it opened, and the field would then bring the overlay straight back.
      field.blur();
      (this.#overlay ??= this.#createOverlay()).show(this.#target);
    } finally {
      this.#intercepting = false;
    }
  }

  onFocus(event: Event): void {
    if (this.#known && !this.#target) return;
    const field = passwordFieldOf(event);
    if (!field) return;
    if (!this.#known) this.#ask();
    else if (this.#target) this.#intercept(field);
  }

  /** Holds a key pressed in a password field while the answer is awaited: printable characters are kept to be put in later. */
  #hold(event: Event): void {
    swallow(event);
    this.#ask();
    const key = event as KeyboardEvent;
    if (event.type === 'keydown' && this.#isTrusted(event) && key.key.length === 1 && !key.ctrlKey && !key.metaKey && !key.altKey) this.#held += key.key;
  }

  onKey(event: Event): void {
    if (this.#stopInput(event) === 'overlay' && event.type === 'keydown' && this.#isTrusted(event)) this.#overlay?.handleKey(event as KeyboardEvent);
  }

  /** Pasted or dropped text is not kept while the answer is awaited (#hold keeps key presses only): the user pastes again once it is in. */
  onText(event: Event): void {
    this.#stopInput(event);
  }

  /**
   * What keys and text share: in a password field, held while the answer is awaited; once
   * armed, stopped in a password field (which loses the focus to the overlay) and everywhere
   * while the overlay is up. 'overlay': stopped for the open overlay, outside any field.
   */
  #stopInput(event: Event): 'overlay' | undefined {
    // Nothing to look for on a page known to need no guard: most pages, most keys.
    if (this.#known && !this.#target) return undefined;
    const field = passwordFieldOf(event);
    if (!this.#known) {
      if (field) this.#hold(event);
      return undefined;
    }
    if (!field && this.#overlay?.isOpen !== true) return undefined;
    swallow(event);
    if (!field) return 'overlay';
    this.#intercept(field);
    return undefined;
  }
}
