import type { VisibilityReport, VisibilitySource, VisibilityWatch } from '../../../src/content/visibility';

/**
 * jsdom has no top layer: no popovers, no modal dialogs, no hit testing. This stands in for
 * them, as Chromium behaves (measured, Chromium 156): what is shown later is above; `toggle`
 * comes after the change, not during it; a removed element leaves the top layer; hit testing
 * finds the topmost element (retargeted out of shadow roots). Install it at the top of a test
 * file, before the code under test first looks these up (it keeps what it found).
 */
export interface FakeTopLayer {
  /** Bottom to top. */
  readonly stack: Element[];
  top(): Element | undefined;
  clear(): void;
}

function fireLater(target: Element, type: string, init: Record<string, unknown> = {}): void {
  queueMicrotask(() => {
    target.dispatchEvent(Object.assign(new Event(type, { cancelable: false }), init));
  });
}

export function installFakeTopLayer(): FakeTopLayer {
  const stack: Element[] = [];
  const live = (): Element[] => {
    for (let i = stack.length - 1; i >= 0; i--) if (!stack[i]!.isConnected) stack.splice(i, 1);
    return stack;
  };
  const pull = (element: Element): void => {
    const at = stack.indexOf(element);
    if (at >= 0) stack.splice(at, 1);
  };

  Object.defineProperties(HTMLElement.prototype, {
    showPopover: {
      configurable: true,
      value(this: HTMLElement) {
        if (!this.hasAttribute('popover')) throw new DOMException('not a popover', 'NotSupportedError');
        if (live().includes(this)) throw new DOMException('already open', 'InvalidStateError');
        stack.push(this);
        fireLater(this, 'toggle', { newState: 'open' });
      },
    },
    hidePopover: {
      configurable: true,
      value(this: HTMLElement) {
        if (!live().includes(this)) return;
        pull(this);
        fireLater(this, 'toggle', { newState: 'closed' });
      },
    },
  });
  Object.defineProperties(HTMLDialogElement.prototype, {
    open: {
      configurable: true,
      get(this: HTMLDialogElement) {
        return this.hasAttribute('open');
      },
    },
    showModal: {
      configurable: true,
      value(this: HTMLDialogElement) {
        if (this.hasAttribute('open')) throw new DOMException('already open', 'InvalidStateError');
        this.setAttribute('open', '');
        stack.push(this);
        fireLater(this, 'toggle', { newState: 'open' });
      },
    },
    close: {
      configurable: true,
      value(this: HTMLDialogElement) {
        if (!this.hasAttribute('open')) return;
        this.removeAttribute('open');
        pull(this);
        fireLater(this, 'close');
      },
    },
  });

  const inTopLayer = (element: Element): boolean => live().includes(element);
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the element as `this`
  const matches = Element.prototype.matches;
  Element.prototype.matches = function (this: Element, selectors: string): boolean {
    if (selectors === ':popover-open') return inTopLayer(this) && !(this instanceof HTMLDialogElement);
    if (selectors === ':modal') return inTopLayer(this) && this instanceof HTMLDialogElement;
    return matches.call(this, selectors);
  };
  const queryAll = Object.getOwnPropertyDescriptor(Document.prototype, 'querySelectorAll')!.value as (this: Document, selectors: string) => NodeListOf<Element>;
  Object.defineProperty(Document.prototype, 'querySelectorAll', {
    configurable: true,
    value(this: Document, selectors: string) {
      if (selectors === ':modal') return live().filter((node) => node instanceof HTMLDialogElement && node.getRootNode() === this);
      if (selectors === ':fullscreen') return [];
      return queryAll.call(this, selectors);
    },
  });
  Object.defineProperty(Document.prototype, 'elementFromPoint', {
    configurable: true,
    value(this: Document) {
      const top = live().at(-1);
      if (!top) return this.body;
      const root = top.getRootNode();
      return root instanceof ShadowRoot ? root.host : top;
    },
  });

  return {
    stack,
    top: () => live().at(-1),
    clear: () => {
      stack.length = 0;
    },
  };
}

/** IntersectionObserver v2 as a test drives it: `report` says what the browser would. */
export class FakeVisibility implements VisibilitySource {
  readonly tracksOcclusion = true;
  readonly #watched = new Map<Element, (report: VisibilityReport) => void>();
  refreshes = 0;

  constructor(private readonly now: () => number) {}

  watch(target: Element, report: (visibility: VisibilityReport) => void, signal: AbortSignal): VisibilityWatch {
    this.#watched.set(target, report);
    signal.addEventListener('abort', () => this.#watched.delete(target));
    return {
      refresh: () => {
        this.refreshes += 1;
      },
    };
  }

  get watching(): number {
    return this.#watched.size;
  }

  report(target: Element, visible: boolean, intersecting = true): void {
    this.#watched.get(target)?.({ visible, intersecting, time: this.now() });
  }
}

/** A clock a test moves by hand. */
export function manualClock(start = 1_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

/** MutationObserver callbacks and the fake's events run as microtasks; a macrotask later they have all run. */
export const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
