/**
 * DOM reads a page cannot clobber. Named elements shadow built-in members, and content
 * scripts see it too: `<img name="querySelectorAll">` is `document.querySelectorAll`, and
 * `<input name="action">` (or "elements", "getAttribute") inside a form is that form's
 * member. So the content script never calls a method or getter through a document or a form:
 * it calls the prototype's own function on the node. Other elements (inputs, buttons,
 * frames, our own hosts) have no named properties.
 *
 * Each function is looked up on its first use, not when the script starts: the first touch
 * of an interface (`HTMLFormElement.prototype`) makes Chromium build it in the content
 * script's world, about 0.1 ms each, and a page without forms never needs that one. The
 * lookup is as safe late as early: the prototypes of this world are out of the page's reach,
 * and a global's own interface object comes before any element's name.
 */

import { ownGlobal } from '../extension-api/own-global';

type Getter<T, Of = Node> = (node: Of) => T;

function getter<T, Of = Node>(proto: () => object, name: string): Getter<T, Of> {
  let get: (() => unknown) | undefined;
  return (node) => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the node as `this`
    get ??= Object.getOwnPropertyDescriptor(proto(), name)?.get;
    if (!get) throw new Error(`no ${name} getter`);
    return get.call(node) as T;
  };
}

/** A prototype's method, called on the node given first. */
function method<F extends (...args: never[]) => unknown>(proto: () => object, name: string): (node: Node, ...args: Parameters<F>) => ReturnType<F> {
  let found: F | undefined;
  return (node, ...args) => {
    found ??= Object.getOwnPropertyDescriptor(proto(), name)?.value as F | undefined;
    if (typeof found !== 'function') throw new Error(`no ${name} method`);
    return found.apply(node, args) as ReturnType<F>;
  };
}

type QueryAll = (node: Node, selectors: string) => NodeListOf<Element>;
const nodeType = getter<number>(() => Node.prototype, 'nodeType');
const documentQueryAll: QueryAll = method<(selectors: string) => NodeListOf<Element>>(() => Document.prototype, 'querySelectorAll');
const fragmentQueryAll: QueryAll = method<(selectors: string) => NodeListOf<Element>>(() => DocumentFragment.prototype, 'querySelectorAll');
const elementQueryAll: QueryAll = method<(selectors: string) => NodeListOf<Element>>(() => Element.prototype, 'querySelectorAll');
const elementMatches = method<(selectors: string) => boolean>(() => Element.prototype, 'matches');
const elementGetAttribute = method<(name: string) => string | null>(() => Element.prototype, 'getAttribute');
const nodeGetRootNode = method<() => Node>(() => Node.prototype, 'getRootNode');
const documentCreateElement = method<(tag: string) => HTMLElement>(() => Document.prototype, 'createElement');
const documentEvaluate = method<(expression: string, context: Node, resolver: null, type: number, result: null) => XPathResult>(() => Document.prototype, 'evaluate');
const xpathNumberValue = getter<number, XPathResult>(() => XPathResult.prototype, 'numberValue');
const xpathStringValue = getter<string, XPathResult>(() => XPathResult.prototype, 'stringValue');
const documentExecCommand = method<(command: string, showUi: boolean, value: string) => boolean>(() => Document.prototype, 'execCommand');

// Node's constants, as numbers: reading them off `Node` would be a lookup of its own.
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

function queryAllOf(root: Node): QueryAll {
  const type = nodeType(root);
  return type === DOCUMENT_NODE ? documentQueryAll : type === DOCUMENT_FRAGMENT_NODE ? fragmentQueryAll : elementQueryAll;
}

/** `root.querySelectorAll(selector)`, as an array, for a document, a shadow root or an element. */
export function queryAll(root: Node, selector: string): Element[] {
  return [...queryAllOf(root)(root, selector)];
}

/**
 * How many elements `root.querySelectorAll(selector)` finds, without touching them.
 * Performance: an element the content script touches gets a wrapper in its isolated world, and
 * the first of its kind the set-up of its whole interface there (a <video> is an
 * HTMLMediaElement, one of the largest): a count needs neither. (A NodeList has no named properties.)
 */
export function countAll(root: Node, selector: string): number {
  return queryAllOf(root)(root, selector).length;
}

/** The document or shadow root a node is in. */
export const rootNodeOf = (node: Node): Node => nodeGetRootNode(node);
export const matches = (element: Element, selector: string): boolean => elementMatches(element, selector);
export const attribute = (element: Element, name: string): string | null => elementGetAttribute(element, name);
export function createElement<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K];
export function createElement(doc: Document, tag: string): HTMLElement;
export function createElement(doc: Document, tag: string): HTMLElement {
  return documentCreateElement(doc, tag);
}

export const documentElementOf = getter<HTMLElement | null>(() => Document.prototype, 'documentElement');
export const activeElementOf = getter<Element | null>(() => Document.prototype, 'activeElement');
export const readyStateOf = getter<DocumentReadyState>(() => Document.prototype, 'readyState');
/** The document's address (`document.URL`), without touching `location` (one more interface to build in this world). */
export const documentUrlOf = getter<string>(() => Document.prototype, 'URL');
export const shadowRootOf = getter<ShadowRoot | null>(() => Element.prototype, 'shadowRoot');

type ShadowRootLookup = (element: Element) => ShadowRoot | null;
let closedRootLookup: ShadowRootLookup | undefined;

/**
 * An element's shadow root, open or closed. Pages hide fields in closed roots from each other;
 * extensions may look: Chromium through `chrome.dom.openOrClosedShadowRoot`, Firefox through
 * the element's own `openOrClosedShadowRoot`. The extension API is looked up at first use
 * (its first touch costs the page's main thread), and only where the page attached a root.
 */
export function anyShadowRootOf(element: Element): ShadowRoot | null {
  closedRootLookup ??= findClosedRootLookup();
  return closedRootLookup(element) ?? shadowRootOf(element);
}

function findClosedRootLookup(): ShadowRootLookup {
  const dom = (ownGlobal(globalThis, 'chrome') as { dom?: { openOrClosedShadowRoot?: ShadowRootLookup } } | undefined)?.dom;
  const chromium = dom?.openOrClosedShadowRoot;
  if (typeof chromium === 'function') return (element) => chromium.call(dom, element) ?? null;
  return (element) => (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
}

/**
 * Puts text into the focused field as typing would (the page's input listeners hear a trusted
 * edit), for keys the password guard held while it waited for the background's answer.
 */
export function insertText(doc: Document, text: string): void {
  documentExecCommand(doc, 'insertText', false, text);
}
export const baseUriOf = getter<string>(() => Node.prototype, 'baseURI');
export const isConnectedOf = getter<boolean>(() => Node.prototype, 'isConnected');
const htmlElementFocus = method<() => void>(() => HTMLElement.prototype, 'focus');
/** Focuses a page element: a form whose input is named "focus" has no focus() of its own to call. */
export const focusElement = (element: HTMLElement): void => {
  htmlElementFocus(element);
};

// XPathResult's types, as numbers: reading them off `XPathResult` would be a lookup of its own.
const XPATH_NUMBER = 1;
const XPATH_STRING = 2;
/**
 * An XPath expression's value over a document, as a number or a string: values of attributes
 * read without a wrapper for their element (see collect-signals).
 */
export const xpathNumber = (doc: Document, expression: string): number => xpathNumberValue(documentEvaluate(doc, expression, doc, null, XPATH_NUMBER, null));
export const xpathString = (doc: Document, expression: string): string => xpathStringValue(documentEvaluate(doc, expression, doc, null, XPATH_STRING, null));
/** The form's resolved action (the page's own address when it names none). */
export const formActionOf = getter<string>(() => HTMLFormElement.prototype, 'action');
/** The form an input belongs to, through `form="id"` too. */
export const formOfInput = getter<HTMLFormElement | null>(() => HTMLInputElement.prototype, 'form');

/** A key or click that is ours alone: the page neither acts on it nor hears it. */
export function swallow(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}
