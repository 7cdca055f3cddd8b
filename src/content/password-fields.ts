import { activeElementOf, queryAll, shadowRootOf } from './safe-dom';

/**
 * Finding password fields where pages put them: in the document, in open shadow roots
 * (web components), and as the real target of an event. Only the element and its `type`
 * are ever looked at, never its `value`.
 */

/** Checked on the live element, so a field switched to type=password later counts too. */
export function isPasswordField(node: unknown): node is HTMLInputElement {
  return (node as Partial<Element> | null)?.nodeName === 'INPUT' && (node as HTMLInputElement).type === 'password';
}

/**
 * The password field an event started at. `event.target` stops at a shadow host; the first
 * entry of the composed path is the input itself when the shadow root is open (a closed one
 * hides it from us as from everyone else).
 */
export function passwordFieldOf(event: Event): HTMLInputElement | undefined {
  const origin = event.composedPath()[0] ?? event.target;
  return isPasswordField(origin) ? origin : undefined;
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active = activeElementOf(doc);
  for (;;) {
    const inner = active ? shadowRootOf(active)?.activeElement : null;
    if (!inner) return active;
    active = inner;
  }
}

const PASSWORD_SELECTOR = 'input[type="password" i]';

/** Password fields in a document or shadow root and in every open shadow root below it. */
export function passwordFieldsIn(root: Document | ShadowRoot): HTMLInputElement[] {
  const fields = queryAll(root, PASSWORD_SELECTOR) as HTMLInputElement[];
  for (const element of queryAll(root, '*')) {
    const shadow = shadowRootOf(element);
    if (shadow) fields.push(...passwordFieldsIn(shadow));
  }
  return fields;
}
