/**
 * DOM reads a page cannot clobber. Named elements shadow built-in members, and content
 * scripts see it too: `<img name="querySelectorAll">` is `document.querySelectorAll`, and
 * `<input name="action">` (or "elements", "getAttribute") inside a form is that form's
 * member. So the content script never calls a method or getter through a document or a form:
 * it calls the prototype's own function, saved when the script starts, on the node. Other
 * elements (inputs, buttons, frames, our own hosts) have no named properties.
 */

type Getter<T> = (node: Node) => T;

function getter<T>(proto: object, name: string): Getter<T> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the node as `this`
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (!get) throw new Error(`no ${name} getter`);
  return (node) => get.call(node) as T;
}

/** A prototype's method, to be called with `.call(node, ...)`. */
function method(proto: object, name: string): unknown {
  return Object.getOwnPropertyDescriptor(proto, name)?.value;
}

type QueryAll = (this: Node, selectors: string) => NodeListOf<Element>;
const nodeType = getter<number>(Node.prototype, 'nodeType');
const documentQueryAll = method(Document.prototype, 'querySelectorAll') as QueryAll;
const fragmentQueryAll = method(DocumentFragment.prototype, 'querySelectorAll') as QueryAll;
const elementQueryAll = method(Element.prototype, 'querySelectorAll') as QueryAll;
const elementMatches = method(Element.prototype, 'matches') as (this: Element, selectors: string) => boolean;
const elementGetAttribute = method(Element.prototype, 'getAttribute') as (this: Element, name: string) => string | null;
const nodeGetRootNode = method(Node.prototype, 'getRootNode') as (this: Node) => Node;
const documentCreateElement = method(Document.prototype, 'createElement') as (this: Document, tag: string) => HTMLElement;

function queryAllOf(root: Node): QueryAll {
  const type = nodeType(root);
  return type === Node.DOCUMENT_NODE ? documentQueryAll : type === Node.DOCUMENT_FRAGMENT_NODE ? fragmentQueryAll : elementQueryAll;
}

/** `root.querySelectorAll(selector)`, as an array, for a document, a shadow root or an element. */
export function queryAll(root: Node, selector: string): Element[] {
  return [...queryAllOf(root).call(root, selector)];
}

/**
 * How many elements `root.querySelectorAll(selector)` finds, without touching them.
 * Performance: an element the content script touches gets a wrapper in its isolated world, and
 * the first of its kind the set-up of its whole interface there (a <video> is an
 * HTMLMediaElement, one of the largest): a count needs neither. (A NodeList has no named properties.)
 */
export function countAll(root: Node, selector: string): number {
  return queryAllOf(root).call(root, selector).length;
}

/** The document or shadow root a node is in. */
export const rootNodeOf = (node: Node): Node => nodeGetRootNode.call(node);
export const matches = (element: Element, selector: string): boolean => elementMatches.call(element, selector);
export const attribute = (element: Element, name: string): string | null => elementGetAttribute.call(element, name);
export function createElement<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K];
export function createElement(doc: Document, tag: string): HTMLElement;
export function createElement(doc: Document, tag: string): HTMLElement {
  return documentCreateElement.call(doc, tag);
}

export const documentElementOf = getter<HTMLElement | null>(Document.prototype, 'documentElement');
export const activeElementOf = getter<Element | null>(Document.prototype, 'activeElement');
export const readyStateOf = getter<DocumentReadyState>(Document.prototype, 'readyState');
export const formsOf = getter<HTMLCollectionOf<HTMLFormElement>>(Document.prototype, 'forms');
export const shadowRootOf = getter<ShadowRoot | null>(Element.prototype, 'shadowRoot');
export const baseUriOf = getter<string>(Node.prototype, 'baseURI');
/** The form's resolved action (the page's own address when it names none). */
export const formActionOf = getter<string>(HTMLFormElement.prototype, 'action');
/** The form an input belongs to, through `form="id"` too. */
export const formOfInput = getter<HTMLFormElement | null>(HTMLInputElement.prototype, 'form');
