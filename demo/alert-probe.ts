import type { BrowserContext, Page } from 'playwright-core';

/** The contract's in-page alert element (DESIGN.md), as CDP names nodes. */
const ALERT_NODE_NAME = 'TELEHEALTH-GUARD-ALERT';

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

export interface AlertDetails {
  /** Found by CDP with shadow roots pierced. */
  present: boolean;
  /** `open` or `closed`; the contract wants `closed`. */
  shadowRootType: string | undefined;
  /** `data-finding` codes inside the (closed) shadow root. */
  findings: string[];
  /** The `lang` the widget's contents carry inside the shadow root: the language of its text. */
  lang: string | undefined;
  /** What it says: its text, in order, without its style sheet. */
  text: string;
}

function attribute(node: DomNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let i = 0; i + 1 < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

function textOf(node: DomNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  return (node.children ?? []).map((child) => textOf(child)).join(' ');
}

function find(node: DomNode, match: (node: DomNode) => boolean): DomNode | undefined {
  if (match(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = find(child, match);
    if (found) return found;
  }
  return undefined;
}

function findingCodes(node: DomNode, into: string[] = []): string[] {
  const attributes = node.attributes ?? [];
  for (let i = 0; i + 1 < attributes.length; i += 2) {
    if (attributes[i] === 'data-finding') into.push(attributes[i + 1]!);
  }
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findingCodes(child, into);
  return into;
}

/**
 * Looks inside closed shadow roots, which the page's own scripts cannot: CDP
 * `DOM.getDocument({depth: -1, pierce: true})`.
 */
export function alertDetails(context: BrowserContext, page: Page): Promise<AlertDetails> {
  return widgetDetails(context, page, ALERT_NODE_NAME);
}

/** The same for any of the extension's elements, by its node name as CDP gives it (`TELEHEALTH-GUARD-STRENGTH`). */
export async function widgetDetails(context: BrowserContext, page: Page, nodeName: string): Promise<AlertDetails> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (node) => node.nodeName === nodeName);
    const shadow = host?.shadowRoots?.[0];
    const box = shadow?.children?.find((child) => attribute(child, 'lang') !== undefined);
    return {
      present: host !== undefined,
      shadowRootType: shadow?.shadowRootType,
      findings: shadow ? findingCodes(shadow) : [],
      lang: box ? attribute(box, 'lang') : undefined,
      text: shadow ? textOf(shadow).replace(/\s+/g, ' ').trim() : '',
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Is the alert on the page? Asked twice, through CDP and through the page's own
 * `document.querySelector`; the element sits in the light DOM, so both must agree.
 */
export async function alertPresent(context: BrowserContext, page: Page): Promise<boolean> {
  const inDocument = await page.evaluate(() => document.querySelector('telehealth-guard-alert') !== null);
  const { present } = await alertDetails(context, page);
  if (present !== inDocument) {
    throw new Error(`CDP ${present ? 'sees' : 'does not see'} the alert but document.querySelector ${inDocument ? 'does' : 'does not'}`);
  }
  return present;
}
