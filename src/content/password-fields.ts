import { activeElementOf, anyShadowRootOf, countAll, matches, queryAll, shadowRootOf } from './safe-dom';

/**
 * Finding password fields where pages put them: in the document, in open and closed shadow
 * roots (web components, and pages hiding a field from us), and as the real target of an
 * event. Only the element and its `type` are ever looked at, never its `value`.
 */

/** Checked on the live element, so a field switched to type=password later counts too. */
export function isPasswordField(node: unknown): node is HTMLInputElement {
  return (node as Partial<Element> | null)?.nodeName === 'INPUT' && (node as HTMLInputElement).type === 'password';
}

/** Called when a closed shadow root turns up that nobody told us of (see whenClosedRootFound). */
let onClosedRootFound: () => void = () => undefined;

/**
 * The page has a closed shadow root it did not attach through its own `attachShadow` (a
 * declarative one, or one attached with another realm's function), found as the user focused
 * or typed into it: the content script reads the page again, shadow roots included.
 */
export function whenClosedRootFound(callback: () => void): void {
  onClosedRootFound = callback;
}

/**
 * The element focused inside a host's shadow roots, however deep, open or closed. Only an
 * element that can be a shadow host is looked into (see POSSIBLE_SHADOW_HOSTS): looking into a
 * closed root costs the first touch of the extension API in this world, once.
 */
function focusedWithin(host: Element): Element {
  let active = host;
  for (;;) {
    if (!matches(active, POSSIBLE_SHADOW_HOSTS)) return active;
    const open = shadowRootOf(active);
    const root = open ?? anyShadowRootOf(active);
    const inner = root?.activeElement;
    if (!inner) return active;
    if (!open) onClosedRootFound();
    active = inner;
  }
}

/**
 * The password field an event started at. `event.target` stops at a shadow host; the first
 * entry of the composed path is the input itself when the shadow root is open. A closed root
 * keeps it out of the path for every listener outside it, ours too: then the field is the
 * element focused inside the host (keys and focus go to the focused element), however the
 * root was attached (by script, another realm's function, or declaratively).
 */
export function passwordFieldOf(event: Event): HTMLInputElement | undefined {
  const origin = event.composedPath()[0] ?? event.target;
  if (isPasswordField(origin)) return origin;
  const inner = (origin as Partial<Element> | null)?.nodeType === 1 ? focusedWithin(origin as Element) : null;
  return isPasswordField(inner) ? inner : undefined;
}

/** The focused element, looking through open and closed shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  const active = activeElementOf(doc);
  return active ? focusedWithin(active) : null;
}

export const PASSWORD_SELECTOR = 'input[type="password" i]';

/** Whether the document has a password field outside shadow roots; counted, not touched (see countAll). */
export function holdsPasswordField(doc: Document): boolean {
  return countAll(doc, PASSWORD_SELECTOR) > 0;
}

/**
 * Elements that can never have a shadow root. The DOM standard lets attachShadow() and
 * declarative shadow DOM (`<template shadowrootmode>`, which the parser turns into a shadow
 * root and leaves no trace of) attach one only to custom elements, whose names always hold a
 * hyphen, and to article, aside, blockquote, body, div, footer, h1-h6, header, main, nav, p,
 * section and span ("valid shadow host name"). So this list may hold any other name without
 * hiding a single shadow root; it names the elements pages have most of. Checked in
 * tests/unit/content/password-fields.test.ts: each of these refuses a shadow root.
 */
export const NEVER_SHADOW_HOSTS = [
  'a', 'abbr', 'address', 'area', 'audio', 'b', 'base', 'bdi', 'bdo', 'br', 'button', 'canvas', 'caption', 'cite', 'code',
  'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'dl', 'dt', 'em', 'embed', 'fieldset',
  'figcaption', 'figure', 'form', 'head', 'hgroup', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label',
  'legend', 'li', 'link', 'map', 'mark', 'menu', 'meta', 'meter', 'noscript', 'object', 'ol', 'optgroup', 'option', 'output',
  'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script', 'search', 'select', 'slot', 'small', 'source',
  'strong', 'style', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time',
  'title', 'tr', 'track', 'u', 'ul', 'var', 'video', 'wbr',
  // SVG icons: not in the HTML namespace, so never a host either.
  'svg', 'path', 'g', 'circle', 'rect', 'line', 'polyline', 'polygon', 'use', 'defs', 'symbol', 'stop',
] as const;
const POSSIBLE_SHADOW_HOSTS = `:not(${NEVER_SHADOW_HOSTS.join(', ')})`;

/**
 * Whether a reading looks into shadow roots: where the content script says so (`wanted`: see
 * there), or where the page has custom elements not yet defined, which is where declarative
 * shadow roots of server-rendered components sit until their script comes.
 */
export function mayHoldShadowRoots(doc: Document, wanted: boolean): boolean {
  return wanted || countAll(doc, ':not(:defined)') > 0;
}

/**
 * Whether a focus event went into a shadow root: an open one puts the focused element first
 * in the event's path, ahead of its host (the target); a closed one hides it, and the target
 * is a host with a root the extension can look into.
 */
export function focusEntersShadowRoot(event: Event): boolean {
  const path = event.composedPath();
  if (path.length > 0 && path[0] !== event.target) return true;
  const target = event.target as Partial<Element> | null;
  return target?.nodeType === 1 && matches(target as Element, POSSIBLE_SHADOW_HOSTS) && anyShadowRootOf(target as Element) !== null;
}

/**
 * Password fields in a document or shadow root, and with `shadowRoots` in every shadow root
 * below it, open or closed.
 */
export function passwordFieldsIn(root: Document | ShadowRoot, { shadowRoots = true } = {}): HTMLInputElement[] {
  const fields = queryAll(root, PASSWORD_SELECTOR) as HTMLInputElement[];
  if (!shadowRoots) return fields;
  // Performance: each element the content script touches needs a wrapper in its isolated
  // world, and the first of each kind (<a>, <li>, <em>...) the set-up of that element's
  // interface there: that was most of this walk's cost, paid on every page. The selector
  // engine leaves out, without touching them, the elements that cannot be shadow hosts, and
  // finds the very same open shadow roots as looking at every element (on the benchmark's
  // article, 124 elements of 578, and about 0.2 of 0.7 ms saved).
  for (const element of queryAll(root, POSSIBLE_SHADOW_HOSTS)) {
    const shadow = anyShadowRootOf(element);
    if (shadow) fields.push(...passwordFieldsIn(shadow));
  }
  return fields;
}
