import type { GuardTarget } from '../core/findings/guard-target';
import { FieldGuard, type PasswordGuardOptions } from './field-guard';
import type { Overlay } from './page-ui-contract';

const KEY_EVENTS = ['keydown', 'keypress', 'keyup'] as const;
/**
 * An event only the guard listens for, to learn whether its listeners are still on the window:
 * `document.open()` (and a `document.write()` after load, which opens the document again)
 * takes every listener off the window and the document, whichever world added them.
 */
const PROBE_EVENT = 'telehealth-guard:listening';
/** Ways text gets into a field without a key press. */
const TEXT_EVENTS = ['beforeinput', 'paste', 'drop'] as const;

export { HOLD_LIMIT_MS, type PasswordGuardOptions } from './field-guard';

/**
 * Stands between the user and the password fields of a look-alike site. While armed, a
 * password field that gets focus or a key press loses the focus, and the blocking overlay
 * names the real site; its keys, and every key while the overlay is up, stop at the window
 * in the capture phase, before any listener of the page. Before the background's first
 * answer, a password field fails closed (see field-guard).
 *
 * The listeners go on at construction: at document_start, before any page script can
 * register a window capture listener of its own, which would run first. What they do with a
 * password field (field-guard) is made only when there is something to do: on a page known to
 * need no guard, most pages, every event returns at the first line.
 */
export class PasswordGuard {
  /** Known to need no guard: the background answered, and did not arm it. */
  #idle = false;
  #work: FieldGuard | undefined;

  constructor(
    private readonly win: Window,
    private readonly options: PasswordGuardOptions,
  ) {
    this.#listen();
  }

  #workNow(): FieldGuard {
    return (this.#work ??= new FieldGuard(this.win, this.options));
  }

  #listen(): void {
    const { win } = this;
    for (const type of KEY_EVENTS) win.addEventListener(type, this.#onKey, true);
    for (const type of TEXT_EVENTS) win.addEventListener(type, this.#onText, true);
    win.addEventListener('focusin', this.#onFocus, true);
    win.addEventListener(PROBE_EVENT, this.#onProbe);
  }

  #unlisten(): void {
    const { win } = this;
    for (const type of KEY_EVENTS) win.removeEventListener(type, this.#onKey, true);
    for (const type of TEXT_EVENTS) win.removeEventListener(type, this.#onText, true);
    win.removeEventListener('focusin', this.#onFocus, true);
    win.removeEventListener(PROBE_EVENT, this.#onProbe);
  }

  #heard = false;
  readonly #onProbe = (): void => {
    this.#heard = true;
  };

  #stillListening(): boolean {
    this.#heard = false;
    this.win.dispatchEvent(new Event(PROBE_EVENT));
    return this.#heard;
  }

  /**
   * The document was opened again (`document.open()`, or a `document.write()` after load),
   * which takes every listener off the window: the guard's go back on at once. Told by the
   * page-world hook inside the call, they are back before the page's next line runs.
   */
  listenAgainIfRemoved(): void {
    if (this.#stillListening()) return;
    this.#unlisten();
    this.#listen();
  }

  /** Takes the listeners and the overlay away (tests; a content script keeps its guard for the page's life). */
  dispose(): void {
    this.arm(null);
    this.#unlisten();
  }

  get overlayShown(): boolean {
    return this.#work?.overlayShown === true;
  }

  /** The overlay, if it has been built: to tell the user what became of their choice. */
  get overlay(): Overlay | undefined {
    return this.#work?.overlay;
  }

  /** Whether typing is being held for want of an answer. */
  get holding(): boolean {
    return this.#work?.holding === true;
  }

  /** Arms the guard against a look-alike, or disarms it (null). A field already focused is caught at once. */
  arm(target: GuardTarget | null): void {
    this.#idle = target === null;
    // Disarmed before anything was held or shown: there is nothing to put back or take away.
    if (this.#work || target) this.#workNow().arm(target);
  }

  readonly #onFocus = (event: Event): void => {
    if (!this.#idle) this.#workNow().onFocus(event);
  };

  readonly #onKey = (event: Event): void => {
    if (!this.#idle) this.#workNow().onKey(event);
  };

  readonly #onText = (event: Event): void => {
    if (!this.#idle) this.#workNow().onText(event);
  };
}
