import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { attributeOf, findNode as find, textOf, childrenOf, type DomNode } from './dom-tree';

/** The password guard's overlay element (docs/design.md), as CDP names nodes. */
const OVERLAY_NODE_NAME = 'TELEHEALTH-GUARD-OVERLAY';


export interface OverlayDetails {
  /** Found by CDP with shadow roots pierced, in the page or any of its frames. */
  present: boolean;
  /** `open` or `closed`; the guard wants `closed`. */
  shadowRootType: string | undefined;
  /** The overlay's text, read from inside its closed shadow root. */
  text: string;
  /** The address of the frame that shows it. */
  frameUrl: string | undefined;
  /**
   * The "I trust …" control's proof state (`data-proof-state`): `ready` once it has been fully
   * visible long enough for a click to count, `waiting` before, `untracked` where the browser
   * cannot tell; undefined when there is no such control.
   */
  trustProof: string | undefined;
}


/**
 * A CDP session per document: the page's own, which also sees its same-process frames, and
 * one per out-of-process frame (a cross-site iframe under site isolation), which only a
 * session attached to that frame can see into.
 */
async function sessions(context: BrowserContext, page: Page): Promise<{ session: CDPSession; frame: Frame }[]> {
  const found = [{ session: await context.newCDPSession(page), frame: page.mainFrame() }];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    // Playwright refuses a session for a frame that shares its parent's process: the page's sees it.
    const session = await context.newCDPSession(frame).catch(() => undefined);
    if (session) found.push({ session, frame });
  }
  return found;
}

/** The address of the document that holds `target`: a same-process frame's document sits inside its parent's tree. */
function documentUrlOf(node: DomNode, target: DomNode, current?: string): string | undefined {
  const here = node.documentURL ?? current;
  if (node === target) return here;
  for (const child of childrenOf(node)) {
    const found = documentUrlOf(child, target, here);
    if (found !== undefined) return found;
  }
  return undefined;
}

interface Found {
  session: CDPSession;
  frame: Frame;
  host: DomNode;
  /** The address of the document the overlay is in. */
  documentUrl: string | undefined;
}

/** Which of our shadow hosts to look for: the overlay, or an alert element of one kind. */
export type HostMatch = (node: { nodeName: string; attributes?: string[] }) => boolean;

const isOverlay: HostMatch = (node) => node.nodeName === OVERLAY_NODE_NAME;

/** A `<telehealth-guard-alert>` whose `data-kind` is `kind` (camera-prompt, chat-caution, …). */
export const alertOfKind =
  (kind: string): HostMatch =>
  (node) => {
    if (node.nodeName !== 'TELEHEALTH-GUARD-ALERT') return false;
    const attributes = node.attributes ?? [];
    return attributes.some((name, i) => i % 2 === 0 && name === 'data-kind' && attributes[i + 1] === kind);
  };

async function withOverlay<T>(context: BrowserContext, page: Page, use: (found: Found | undefined) => Promise<T>, match: HostMatch = isOverlay): Promise<T> {
  const all = await sessions(context, page);
  try {
    for (const { session, frame } of all) {
      const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      const host = find(root, match);
      if (host) return await use({ session, frame, host, documentUrl: documentUrlOf(root, host) });
    }
    return await use(undefined);
  } finally {
    await Promise.all(all.map(({ session }) => session.detach().catch(() => undefined)));
  }
}

/** Looks for the guard's overlay inside closed shadow roots, which page scripts cannot. */
export function overlayDetails(context: BrowserContext, page: Page, match: HostMatch = isOverlay): Promise<OverlayDetails> {
  return withOverlay(context, page, (found) => {
    const shadow = found?.host.shadowRoots?.[0];
    const trust = shadow ? find(shadow, (node) => node.nodeName === 'BUTTON' && textOf(node).startsWith('I trust')) : undefined;
    return Promise.resolve({
      present: found !== undefined,
      shadowRootType: shadow?.shadowRootType,
      text: shadow ? textOf(shadow) : '',
      frameUrl: found?.documentUrl,
      trustProof: trust ? attributeOf(trust, 'data-proof-state') : undefined,
    });
  }, match);
}

/**
 * Clicks the overlay's button or link labelled `label` with the real mouse, as a user would:
 * its box from CDP, then a click at its centre. Top-frame overlays only (a frame's box would
 * need its offset in the page).
 */
export function clickInOverlay(context: BrowserContext, page: Page, label: string, match: HostMatch = isOverlay): Promise<void> {
  return withOverlay(context, page, async (found) => {
    if (!found) throw new Error('no guard overlay to click in');
    if (found.frame !== page.mainFrame() || found.documentUrl !== page.url()) throw new Error('clickInOverlay works on top-frame overlays only');
    const control = find(found.host, (node) => (node.nodeName === 'BUTTON' || node.nodeName === 'A') && textOf(node) === label);
    if (!control) throw new Error(`no control labelled ${JSON.stringify(label)} in the overlay: ${textOf(found.host)}`);
    const { model } = (await found.session.send('DOM.getBoxModel', { nodeId: control.nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }, match);
}
