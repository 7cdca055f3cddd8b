import { deepActiveElement } from './password-fields';
import { createElement, documentElementOf, focusElement, isConnectedOf, swallow } from './safe-dom';
import type { VisibilityReport, VisibilityWatch } from './visibility';
import { hitTestReaches, pageTopLayer } from './widget-cover';
import { element, later, listen, onAbort, unclaimedElement } from './widget-dom';
import type { OwnWidget, WidgetEnv, WidgetLayer } from './widget-env';
import { BASE_CSS, hostStyle } from './widget-style';
import { accessibleName, describe, focusablesIn, type WidgetLevel } from './widget-a11y';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * One way to put anything in a page (the alert, the guard's overlay, the camera prompt and
 * notice, the chat caution), so that the page it warns about cannot switch it off.
 *
 * - A host element of ours under the root element, with a CLOSED shadow root: the page can
 *   neither read nor reach the controls; styles the page's CSS cannot override (widget-style).
 * - In the browser's TOP LAYER, above anything a page can stack with z-index. Measured in
 *   Chromium 156: a `popover="manual"` host shown with showPopover() is not covered by a page
 *   element with position:fixed, inset:0 and the highest z-index, and page CSS on html or body
 *   (opacity, filter, transform, visibility, clip-path, display:none on body, rules aimed at
 *   [popover] or :popover-open) leaves it be; only `html{display:none}` hides it, with the page.
 * - Two layers. The alert, the camera notice and the chat caution are popovers: they inform,
 *   and must not block the page. The guard's overlay and the camera prompt are warnings that
 *   stand between the user and a decision, and are a `<dialog>` in the shadow root opened with
 *   showModal(): a modal dialog makes the rest of the page inert (the page cannot be clicked
 *   behind it, so a fake button under it gets nothing), and when a page opens a modal dialog
 *   of its own after ours (or goes fullscreen), close() and showModal() put ours above it and
 *   make ours the one that is not inert; a popover raised again over a page's modal dialog
 *   paints on top but stays inert (clicks go to the page's dialog). A modal dialog is not
 *   made inert by `inert` on the root element either (a popover is). Escape fires `cancel` on
 *   a modal dialog: the widget's own Close or Leave, never a silent close.
 * - KEPT there while shown: a removed or moved host is put back under the root element, its
 *   attributes reset, `inert` on the root element taken off, a host taken out of the top layer
 *   (the page's hidePopover(), or removing the popover attribute, fires `toggle`) shown again,
 *   and a host that stops being visible (IntersectionObserver v2: a page popover shown later
 *   covers ours) or is overtaken by a page's modal dialog or fullscreen element is raised
 *   again. Every repair is counted (FightLog): a page that keeps at it is reported once.
 *   Repairs are paced, at most one per MIN_REPAIR_GAP_MS, and a cover that raising does not
 *   end is retried ever more slowly, so a page in a loop cannot make us burn the CPU.
 * - ONE TEARDOWN: every listener, observer and timer a widget (or its contents) adds is tied to
 *   `widget.signal`, and close() aborts it.
 * - FOR THE KEYBOARD AND SCREEN READERS (widget-a11y): a dialog named by its level ("Danger: …"),
 *   described by its explanation; one that takes the focus gives it back, when it closes, to
 *   what had it; Escape and a modal widget's Tab are heard before the page can swallow them.
 */

/** The least time between two repairs of one widget. */
export const MIN_REPAIR_GAP_MS = 50;
/** The longest wait before trying again to raise a widget over a cover that stayed. */
export const MAX_RETRY_MS = 5_000;

/** What a repair found wrong, as the widget's `data-last-repair` says it. */
export type Damage = 'removed' | 'restyled' | 'inert' | 'hidden' | 'covered';

export interface WidgetSpec {
  /** The contract's element names: `telehealth-guard-alert`, `telehealth-guard-overlay`. */
  tag: string;
  /** `data-kind` on the host: camera-prompt, camera-blocked, chat-caution. */
  kind?: string;
  layer: WidgetLayer;
  /** Declarations for a popover host: where it sits, how wide. */
  placement?: string;
  /** The widget's own rules, inside its shadow root. */
  css: string;
  role: 'alertdialog' | 'alert' | 'dialog' | 'status';
  label: string;
  /** Said before the label in the accessible name ("Danger: …"): the level the widget warns of. */
  level?: WidgetLevel;
  /**
   * Escape: a modal widget's Close or Leave, a notice's close. Left out where closing is not
   * safe; each widget says why it is or is not.
   */
  onCancel?: () => void;
  /** Takes the focus when shown (the box itself, for what it says to be read first). */
  takeFocus?: boolean;
}

export class Widget implements OwnWidget {
  readonly host: HTMLElement;
  /** Where the widget's contents go: the dialog of a modal widget, a box otherwise. */
  readonly box: HTMLElement;
  readonly root: ShadowRoot;
  readonly layer: WidgetLayer;
  readonly signal: AbortSignal;
  raisedAt = 0;

  readonly #env: WidgetEnv;
  readonly #spec: WidgetSpec;
  readonly #controller = new AbortController();
  readonly #dialog: HTMLDialogElement | undefined;
  readonly #popover: boolean;
  readonly #ownAttributes: [string, string][];
  #shown = false;
  #observer: MutationObserver | undefined;
  #pageTopLayerAtRaise = new Set<Element>();
  /** The last visibility report made after our last raise (older ones tell of before it). */
  #lastReport: VisibilityReport | undefined;
  #watch: VisibilityWatch | undefined;
  #raisedTime = Number.NEGATIVE_INFINITY;
  #lastRepairAt = Number.NEGATIVE_INFINITY;
  #repairScheduled = false;
  #repairs = 0;
  /** Where the focus last was in the widget: a removed host loses it, a raise gives it back. */
  #lastFocused: HTMLElement | undefined;
  /** What had the focus when the widget was shown: it gets it back when the widget closes from within. */
  #returnTo: Element | null = null;
  /** The page put something in the top layer (or raised it again) since our last raise. */
  #pageRaised = false;
  /** Repairs in a row for a cover that raising did not end (no visible report since). */
  #coveredStreak = 0;

  constructor(env: WidgetEnv, spec: WidgetSpec) {
    const { doc } = env;
    this.#env = env;
    this.#spec = spec;
    this.layer = spec.layer;
    this.signal = this.#controller.signal;
    this.host = unclaimedElement(doc, spec.tag);
    this.root = this.host.attachShadow({ mode: 'closed' });
    const dialog = spec.layer === 'modal' ? createElement(doc, 'dialog') : undefined;
    this.#dialog = typeof dialog?.showModal === 'function' ? dialog : undefined;
    this.#popover = spec.layer === 'popover' && typeof this.host.showPopover === 'function';
    this.box = dialog ?? element(doc, 'div');
    this.box.className = this.#dialog || !dialog ? 'widget' : 'widget fixed-modal';
    this.box.setAttribute('role', spec.role);
    this.box.setAttribute('aria-label', accessibleName(spec.level, spec.label, uiMessages()));
    // The language of the text the widget shows (the page's own `lang` is no guide to ours):
    // screen readers choose their voice by it. On the box inside the closed root, where the page
    // cannot change it, and on the host, kept like its other attributes.
    const lang = uiMessages().lang;
    this.box.lang = lang;
    if (spec.layer === 'modal') this.box.setAttribute('aria-modal', 'true');
    // For tests that look in through CDP: how the widget is kept on top.
    this.box.dataset.layer = this.#dialog ? 'modal-dialog' : this.#popover ? 'popover' : 'fixed';

    const style = hostStyle(spec.layer, spec.placement ?? '', this.#dialog !== undefined);
    this.#ownAttributes = [
      ...(spec.kind ? ([['data-kind', spec.kind]] as [string, string][]) : []),
      ...(this.#popover ? ([['popover', 'manual']] as [string, string][]) : []),
      ['style', style],
      ['lang', lang],
    ];
    this.#resetAttributes();
    this.root.append(element(doc, 'style', '', `:host { ${style} }\n${BASE_CSS}\n${spec.css}`), this.box);
    if (dialog && !this.#dialog) dialog.setAttribute('open', '');
  }

  /** Shown and not closed. */
  get open(): boolean {
    return this.#shown && !this.signal.aborted;
  }

  get repairs(): number {
    return this.#repairs;
  }

  /** Puts the widget in the page, on top, and keeps it there until close(). */
  show(): void {
    if (this.#shown || this.signal.aborted) return;
    const root = documentElementOf(this.#env.doc);
    if (!root) return;
    this.#shown = true;
    const active = deepActiveElement(this.#env.doc);
    this.#returnTo = active && !this.#env.widgets.isOwnHost(active) ? active : null;
    root.append(this.host);
    this.#env.widgets.add(this);
    this.#raise();
    this.#keep();
    // A task later: what showed the widget may go on to move the focus itself (the password
    // guard, armed by the same answer, takes a look-alike's field and opens its overlay, and a
    // widget that took the focus first would leave it no field to take). A widget closed by then
    // takes nothing.
    if (this.#spec.takeFocus === true) {
      later(this.signal, 0, () => {
        if (!this.#env.widgets.modalOpen || this.layer === 'modal') this.focus();
      });
    }
  }

  /** The focus on the box itself: what it says is read first, and Tab goes on to its controls. */
  focus(): void {
    this.box.tabIndex = -1;
    this.box.focus();
  }

  /** Marks `parts` as the widget's description (aria-describedby): its explanation. */
  describe(...parts: HTMLElement[]): void {
    describe(this.box, parts);
  }

  /** Whether the focus is in the widget. */
  get hasFocus(): boolean {
    return this.root.activeElement !== null;
  }

  /**
   * A key press of the user's, heard at the window before the page's listeners (content/index):
   * Escape closes where the widget allows it, Tab and Shift+Tab stay within a modal widget.
   * Handled keys go no further: the page learns nothing of what is typed in our warnings.
   */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.open) return false;
    if (event.key === 'Escape' && this.#spec.onCancel) {
      swallow(event);
      this.#spec.onCancel();
      return true;
    }
    if (event.key === 'Tab' && this.layer === 'modal') {
      swallow(event);
      const controls = focusablesIn(this.box);
      const index = controls.findIndex((control) => control === this.root.activeElement);
      const step = event.shiftKey ? -1 : 1;
      const next = index < 0 ? (event.shiftKey ? controls.length - 1 : 0) : (index + step + controls.length) % controls.length;
      controls[next]?.focus();
      return true;
    }
    return false;
  }

  /** The one teardown: every listener, observer and timer goes with the signal. */
  close(): void {
    if (this.signal.aborted) return;
    // Only a widget that has the focus gives it back: one closed while the user is elsewhere
    // (the verdict changed, a modal warning came) leaves their focus where it is.
    const hadFocus = this.hasFocus;
    this.#controller.abort();
    if (this.#dialog?.open) this.#dialog.close();
    this.host.remove();
    const back = this.#returnTo;
    this.#returnTo = null;
    // The element is the page's: through the prototypes, so names it carries (a form's input
    // named "focus") cannot make the hand-back throw and leave this widget counted as open.
    try {
      if (hadFocus && back instanceof HTMLElement && isConnectedOf(back)) focusElement(back);
    } finally {
      // Last: what this sets off (the alert coming back once the last modal widget went) may
      // take the focus, which the dialog's close() above would otherwise move again.
      this.#env.widgets.delete(this);
    }
  }

  /** The element that gets the focus back when this widget closes, handed on to the widget that replaces it. */
  get returnTo(): Element | null {
    return this.#returnTo;
  }

  set returnTo(element: Element | null) {
    this.#returnTo = element;
  }

  markFought(): void {
    this.box.dataset.fought = 'true';
  }

  /**
   * Whether something of the page lies over `target` (the widget, or one of its controls) right
   * now: a page modal dialog or fullscreen element that came after our last raise, a modal
   * widget that hit testing does not reach (our dialog made inert by a page's later one), or
   * the widget reported not visible. Null when clear, or when what covers it is ours.
   */
  covered(target: Element = this.box): 'covered' | null {
    if (!this.open) return null;
    // Something of the page's entered the top layer after our last raise: a popover (its
    // `toggle`), a modal dialog or a fullscreen element.
    if (this.#pageRaised) return 'covered';
    for (const node of pageTopLayer(this.#env.doc)) if (!this.#pageTopLayerAtRaise.has(node)) return 'covered';
    // Past this point only what the browser reports (hit testing, visibility) is left, and one
    // of our own widgets raised later may be what it reports.
    if (this.#env.widgets.coveredByOwn(this)) return null;
    const ours = (hit: Element | null): boolean => hit === this.host || this.#env.widgets.isOwnHost(hit);
    if (this.layer === 'modal' && !hitTestReaches(this.#env.doc, target, ours)) return 'covered';
    const report = this.#lastReport;
    return report?.intersecting === true && !report.visible ? 'covered' : null;
  }

  /**
   * Since when the widget has been on top with nothing of the page raised after it (our last
   * raise), on the env's `now()` clock; undefined when it is closed or covered now.
   */
  onTopSince(): number | undefined {
    if (!this.open || this.covered() !== null) return undefined;
    return this.#raisedTime;
  }

  #inTopLayer(): boolean {
    // Our own elements: no named properties, so their own methods are safe to call.
    if (this.#dialog) return this.#dialog.open && this.#dialog.matches(':modal');
    if (this.#popover) return this.host.matches(':popover-open');
    return true;
  }

  #attributesIntact(): boolean {
    const names = this.host.getAttributeNames();
    return names.length === this.#ownAttributes.length && this.#ownAttributes.every(([name, value]) => this.host.getAttribute(name) === value);
  }

  #resetAttributes(): void {
    const own = new Set(this.#ownAttributes.map(([name]) => name));
    for (const name of this.host.getAttributeNames()) if (!own.has(name)) this.host.removeAttribute(name);
    for (const [name, value] of this.#ownAttributes) if (this.host.getAttribute(name) !== value) this.host.setAttribute(name, value);
  }

  /** Into the top layer, above everything there now; the focus stays where it was in the widget. */
  #raise(): void {
    const focused = this.#lastFocused;
    try {
      if (this.#dialog) {
        if (this.#dialog.open) this.#dialog.close();
        this.#dialog.showModal();
      } else if (this.#popover) {
        if (this.host.matches(':popover-open')) this.host.hidePopover();
        this.host.showPopover();
      }
    } catch (error) {
      console.warn('Telehealth Guard: could not put the warning on top:', error);
    }
    if (focused?.isConnected === true && this.root.activeElement !== focused) focused.focus();
    this.raisedAt = this.#env.widgets.nextRaise();
    this.#pageTopLayerAtRaise = pageTopLayer(this.#env.doc);
    this.#raisedTime = this.#env.now();
    this.#pageRaised = false;
    this.#lastReport = undefined;
    this.#watch?.refresh();
  }

  #keep(): void {
    const { doc, visibility } = this.#env;
    const { signal } = this;
    const observer = new MutationObserver(() => {
      this.#check();
    });
    this.#observer = observer;
    onAbort(signal, () => {
      observer.disconnect();
    });
    this.#observe();
    const check = (): void => {
      this.#check();
    };
    listen(
      this.root,
      'focusin',
      (event) => {
        if (event.target instanceof HTMLElement) this.#lastFocused = event.target;
      },
      signal,
    );
    // Out of the top layer: the page's hidePopover(), or its removing our popover attribute.
    listen(this.host, 'toggle', check, signal);
    if (this.#dialog) listen(this.#dialog, 'close', check, signal);
    if (this.layer === 'modal') {
      listen(
        this.box,
        'cancel',
        (event) => {
          event.preventDefault();
          this.#spec.onCancel?.();
        },
        signal,
      );
    }
    // Something of the page entered the top layer after ours (capture: `toggle` does not bubble).
    // (A page's hidePopover() and showPopover() in one go is one `toggle`, from open to open.)
    const pageRaised = (): void => {
      this.#pageRaised = true;
      this.#check();
    };
    listen(
      doc,
      'toggle',
      (event) => {
        const ours = this.#env.widgets.isOwnHost(event.target as Node | null);
        if (!ours && (event as Event & { newState?: string }).newState === 'open') pageRaised();
      },
      signal,
      true,
    );
    listen(doc, 'fullscreenchange', pageRaised, signal, true);
    this.#watch = visibility.watch(
      this.box,
      (report) => {
        if (report.time < this.#raisedTime) return;
        this.#lastReport = report;
        if (report.visible) this.#coveredStreak = 0;
        else if (report.intersecting) this.#check();
      },
      signal,
    );
  }

  /** Watches the host, where it hangs, and the root element's `inert`; again after the page swaps its root element. */
  #observe(): void {
    const observer = this.#observer;
    const root = documentElementOf(this.#env.doc);
    if (!observer) return;
    observer.disconnect();
    observer.observe(this.#env.doc, { childList: true });
    if (root) observer.observe(root, { childList: true, attributes: true, attributeFilter: ['inert'] });
    observer.observe(this.host, { attributes: true });
  }

  #damage(): Damage | null {
    const root = documentElementOf(this.#env.doc);
    if (!this.open || !root) return null;
    if (this.host.parentNode !== root) return 'removed';
    if (!this.#attributesIntact()) return 'restyled';
    if (root.hasAttribute('inert')) return 'inert';
    if (!this.#inTopLayer()) return 'hidden';
    return this.covered();
  }

  /** Something happened that may have taken the widget away: repair now, or as soon as the pace allows. */
  #check(): void {
    if (this.#repairScheduled || !this.open) return;
    const damage = this.#damage();
    if (!damage) return;
    const wait = this.#lastRepairAt + this.#spacing(damage) - this.#env.now();
    if (wait <= 0) {
      this.#repair();
      return;
    }
    this.#repairScheduled = true;
    later(this.signal, wait, () => {
      this.#repairScheduled = false;
      this.#repair();
    });
  }

  /**
   * The least time since the last repair: MIN_REPAIR_GAP_MS, and for a cover that the last
   * raises did not end, with nothing new from the page (what covers the frame we are in),
   * twice as long each time, up to MAX_RETRY_MS.
   */
  #spacing(damage: Damage): number {
    if (damage !== 'covered' || this.#coveredStreak === 0 || this.#pageRaised) return MIN_REPAIR_GAP_MS;
    return Math.min(MAX_RETRY_MS, MIN_REPAIR_GAP_MS * 2 ** this.#coveredStreak);
  }

  #repair(): void {
    const damage = this.#damage();
    const root = documentElementOf(this.#env.doc);
    if (!damage || !root) return;
    // A cover that stays through our raises is one fight, not one per retry: what we cannot
    // end by raising (measured, Chromium 156: everything in a cross-site frame reports not
    // visible while its parent document has anything in its top layer) must not pass for a
    // page at war. A page that raises its own cover again after ours is counted each time.
    const fight = damage !== 'covered' || this.#coveredStreak === 0 || this.#pageRaised;
    this.#lastRepairAt = this.#env.now();
    if (this.host.parentNode !== root) root.append(this.host);
    this.#resetAttributes();
    if (root.hasAttribute('inert')) root.removeAttribute('inert');
    this.#raise();
    this.#observe();
    // Our own repair queued records of its own: they are no attack.
    this.#observer?.takeRecords();
    this.#repairs += 1;
    this.box.dataset.repairs = String(this.#repairs);
    this.box.dataset.lastRepair = damage;
    if (fight) this.#env.fights.record();
    if (damage !== 'covered') return;
    // Until a report says we are visible again, look again now and then, even if no new
    // report comes: never give up silently.
    this.#coveredStreak += 1;
    later(this.signal, this.#spacing(damage), () => {
      this.#check();
    });
  }
}
