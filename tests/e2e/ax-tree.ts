import type { BrowserContext, Page } from 'playwright-core';

interface AxValue {
  value?: unknown;
}
interface AxNode {
  ignored?: boolean;
  role?: AxValue;
  name?: AxValue;
  description?: AxValue;
  properties?: { name: string; value: AxValue }[];
}

/** One node of the accessibility tree as a screen reader is given it. */
export interface AxSummary {
  role: string;
  name: string;
  description: string;
  modal: boolean;
  focused: boolean;
}

const text = (value: AxValue | undefined): string => (typeof value?.value === 'string' ? value.value : '');

const summary = (node: AxNode): AxSummary => {
  const property = (name: string): unknown => node.properties?.find((p) => p.name === name)?.value.value;
  return {
    role: text(node.role),
    name: text(node.name),
    description: text(node.description),
    modal: property('modal') === true,
    focused: property('focused') === true,
  };
};

/**
 * The top frame's accessibility tree from Chromium (CDP `Accessibility.getFullAXTree`), which
 * includes what closed shadow roots hold: what assistive technology is told of our widgets.
 */
export async function accessibilityTree(context: BrowserContext, page: Page): Promise<AxSummary[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes.filter((node) => node.ignored !== true).map(summary);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const DIALOG_ROLES = new Set(['dialog', 'alertdialog', 'alert', 'status']);

/** Our widgets: the dialogs, alerts and statuses whose name starts with a level. */
export async function warningsInTree(context: BrowserContext, page: Page): Promise<AxSummary[]> {
  return (await accessibilityTree(context, page)).filter((node) => DIALOG_ROLES.has(node.role) && /^(Danger|Caution): /.test(node.name));
}

/** The node that has the focus, as the accessibility tree says. */
export async function focusedInTree(context: BrowserContext, page: Page): Promise<AxSummary | undefined> {
  // The document itself counts as focused too: the last one is the element.
  return (await accessibilityTree(context, page)).filter((node) => node.focused).at(-1);
}
