/**
 * A global of this world, read so that a page cannot stand in for it. A name the global object
 * does not hold itself falls through to the window's named properties: `<div id="x">` is
 * `window.x`, in an extension's isolated world as in the page's own. Reading the global's own
 * property (a data value or a getter's) never reaches those. Pages cannot add own properties
 * to another world's global: each world has its own.
 */
export function ownGlobal(scope: object, name: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(scope, name);
  if (!descriptor) return undefined;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the global as `this`
  const { get } = descriptor;
  return get ? get.call(scope) : descriptor.value;
}

/** Puts a value on this world's global for good: own (named elements can't shadow it), fixed, not listed. */
export function defineOwnGlobal(scope: object, name: string, value: unknown): void {
  Object.defineProperty(scope, name, { value, writable: false, configurable: false, enumerable: false });
}
