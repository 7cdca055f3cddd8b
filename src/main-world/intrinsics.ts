/**
 * The built-ins the page-world hook calls, taken before any script of the page has run. The
 * hook lives in the page's own world: every global and prototype it touches later is the
 * page's to replace. A page that swaps `Promise.prototype.then`, `Function.prototype.call`,
 * `Map.prototype.get` or `CustomEvent.prototype.detail` would otherwise be handed the hook's
 * callbacks (and with them the camera) or feed it forged decisions. So the hook calls only
 * what it took here, through `apply`, and keeps its state in objects without a prototype.
 * What only ever goes to the page (the error a refused request fails with, a console line)
 * is made with the page's own built-ins, read when needed: each interface taken here is one
 * Chromium builds in the page's world on every load.
 */
export interface Intrinsics {
  apply: typeof Reflect.apply;
  construct: typeof Reflect.construct;
  defineProperty: typeof Object.defineProperty;
  getOwnPropertyDescriptor: typeof Object.getOwnPropertyDescriptor;
  getPrototypeOf: typeof Object.getPrototypeOf;
  Promise: PromiseConstructor;
  CustomEvent: typeof CustomEvent;
  parseJson: typeof JSON.parse;
  setTimeout: (handler: () => void, ms: number) => unknown;
  addEventListener: EventTarget['addEventListener'];
  removeEventListener: EventTarget['removeEventListener'];
  dispatchEvent: EventTarget['dispatchEvent'];
  /** `CustomEvent.prototype.detail`'s getter. */
  detailOf: (event: Event) => unknown;
  /** `FocusEvent.prototype.relatedTarget`'s getter (the handshake's event: see private-channel). */
  relatedTargetOf: (event: Event) => EventTarget | null;
}

export function takeIntrinsics(win: Window & typeof globalThis): Intrinsics {
  const apply = Reflect.apply;
  const getter = (proto: object, name: string): ((target: unknown) => unknown) => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the event as `this`
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (!get) throw new Error(`no ${name} getter`);
    return (target) => apply(get, target, []) as unknown;
  };
  const events = win.EventTarget.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with the window as `this`
  const setTimeoutOf = win.setTimeout;
  return {
    apply,
    construct: Reflect.construct,
    defineProperty: Object.defineProperty,
    getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
    getPrototypeOf: Object.getPrototypeOf,
    Promise: win.Promise,
    CustomEvent: win.CustomEvent,
    parseJson: JSON.parse,
    setTimeout: (handler, ms) => apply(setTimeoutOf, win, [handler, ms]),
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with a target
    addEventListener: events.addEventListener,
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with a target
    removeEventListener: events.removeEventListener,
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with a target
    dispatchEvent: events.dispatchEvent,
    detailOf: getter(win.CustomEvent.prototype, 'detail'),
    relatedTargetOf: getter(win.FocusEvent.prototype, 'relatedTarget') as (event: Event) => EventTarget | null,
  };
}
