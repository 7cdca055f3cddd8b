import { FightLog } from './fight-log';
import { browserVisibility, type VisibilitySource } from './visibility';

export type WidgetLayer = 'popover' | 'modal';

/** What the registry needs to know of a live widget. */
export interface OwnWidget {
  readonly host: HTMLElement;
  readonly layer: WidgetLayer;
  /** Order of the widget's last raise into the top layer: later ones paint above. */
  readonly raisedAt: number;
  markFought(): void;
  /** A key press of the user's meant for the widget; true when it took it. */
  handleKey(event: KeyboardEvent): boolean;
}

/**
 * The widgets a document shows. Two of ours may cover each other (a modal widget's backdrop
 * lies over the alert): that is no attack, and neither may re-raise itself over the other, or
 * they would take turns forever. And while a modal widget is up the alert stays away (one
 * message at a time), which it learns here.
 */
export class OwnWidgets {
  readonly #live = new Set<OwnWidget>();
  readonly #modalListeners = new Set<() => void>();
  #raises = 0;

  nextRaise(): number {
    return ++this.#raises;
  }

  add(widget: OwnWidget): void {
    const before = this.modalOpen;
    this.#live.add(widget);
    if (this.modalOpen !== before) this.#notify();
  }

  delete(widget: OwnWidget): void {
    const before = this.modalOpen;
    this.#live.delete(widget);
    if (this.modalOpen !== before) this.#notify();
  }

  get modalOpen(): boolean {
    for (const widget of this.#live) if (widget.layer === 'modal') return true;
    return false;
  }

  /** Calls `listener` whenever a modal widget comes or the last one goes. */
  onModalChange(listener: () => void): void {
    this.#modalListeners.add(listener);
  }

  isOwnHost(node: Node | null | undefined): boolean {
    for (const widget of this.#live) if (widget.host === node) return true;
    return false;
  }

  /**
   * Whether one of our own widgets, raised later, may be what lies over `widget`. Any of them
   * does, wherever it sits: measured in Chromium 156, a camera notice in the bottom corner made
   * IntersectionObserver v2 report the alert in the top corner not visible (a top-layer element
   * and its ::backdrop cover the whole viewport for it), and the two took turns raising
   * themselves until the page counted as fighting.
   */
  coveredByOwn(widget: OwnWidget): boolean {
    for (const other of this.#live) {
      if (other !== widget && other.raisedAt > widget.raisedAt) return true;
    }
    return false;
  }

  markFought(): void {
    for (const widget of this.#live) widget.markFought();
  }

  /**
   * A key press at the window, before the page's listeners: for the widget it was pressed in (the
   * event's target there is our host: the shadow root is closed), or while a modal widget is up,
   * for the one raised last, wherever the focus is (a page that moved the focus out of it).
   */
  handleKey(event: KeyboardEvent): boolean {
    let modal: OwnWidget | undefined;
    for (const widget of this.#live) {
      if (widget.host === event.target) return widget.handleKey(event);
      if (widget.layer === 'modal' && (!modal || widget.raisedAt > modal.raisedAt)) modal = widget;
    }
    return modal?.handleKey(event) ?? false;
  }

  #notify(): void {
    for (const listener of this.#modalListeners) listener();
  }
}

/** What every widget of one document shares. */
export interface WidgetEnv {
  readonly doc: Document;
  readonly fights: FightLog;
  readonly widgets: OwnWidgets;
  readonly visibility: VisibilitySource;
  /** Milliseconds, for rate limits and the click proof; a seam for tests. */
  readonly now: () => number;
  /** Seam for tests: whether an event is the user's own (jsdom marks none trusted). */
  readonly isTrusted: (event: Event) => boolean;
}

export interface WidgetEnvOptions {
  /** The page keeps taking its warnings away (FightLog). */
  onFought?: () => void;
  visibility?: VisibilitySource;
  now?: () => number;
  isTrusted?: (event: Event) => boolean;
}

export function createWidgetEnv(doc: Document, options: WidgetEnvOptions = {}): WidgetEnv {
  const { onFought = () => undefined, visibility = browserVisibility(), now = () => performance.now(), isTrusted = (event: Event) => event.isTrusted } = options;
  const widgets = new OwnWidgets();
  const fights = new FightLog(() => {
    widgets.markFought();
    onFought();
  }, now);
  return { doc, fights, widgets, visibility, now, isTrusted };
}
