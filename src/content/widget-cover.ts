import { queryAll } from './safe-dom';
import { elementAt, fullscreenElementOf } from './widget-dom';

/**
 * What of the page can be over a widget in the top layer that IntersectionObserver v2 does not
 * tell: a modal dialog or a fullscreen element shown after ours. Measured, Chromium 156: under a
 * page's later modal dialog our widget still reports visible, paints if raised, and is inert
 * (hit testing skips it, clicks go to the page's dialog).
 */

/** The page's modal dialogs and fullscreen element (selectors the browser may not know throw: none then). */
export function pageTopLayer(doc: Document): Set<Element> {
  const found = new Set<Element>();
  for (const selector of [':modal', ':fullscreen']) {
    try {
      for (const node of queryAll(doc, selector)) found.add(node);
    } catch {
      // jsdom, older browsers: no such pseudo-class.
    }
  }
  const fullscreen = fullscreenElementOf(doc);
  if (fullscreen) found.add(fullscreen);
  return found;
}

/**
 * Whether hit testing at the middle of `target` (inside a widget) reaches `isOurs` (our host, or
 * another widget of ours): not when the page's modal dialog made ours inert or something of the
 * page lies over that point. True where the browser cannot tell (jsdom; no box).
 */
export function hitTestReaches(doc: Document, target: Element, isOurs: (hit: Element | null) => boolean): boolean {
  const box = target.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return true;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = elementAt(doc, x, y);
  return hit === undefined || isOurs(hit);
}
