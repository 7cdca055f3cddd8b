/**
 * The page's DOM as CDP gives it with shadow roots pierced (`DOM.getDocument({depth: -1,
 * pierce: true})`): the one way a test sees inside closed shadow roots, as the extension's
 * widgets and hostile pages' hidden fields are.
 */
export interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  /** Name, value, name, value… */
  attributes?: string[];
  /** On document nodes: the document's address. */
  documentURL?: string;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

export const childrenOf = (node: DomNode): DomNode[] => [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])];

/** The first node, depth first, that `match` accepts. */
export function findNode(node: DomNode, match: (node: DomNode) => boolean): DomNode | undefined {
  if (match(node)) return node;
  for (const child of childrenOf(node)) {
    const found = findNode(child, match);
    if (found) return found;
  }
  return undefined;
}

/** Every node, depth first, that `match` accepts. */
export function findAllNodes(node: DomNode, match: (node: DomNode) => boolean, into: DomNode[] = []): DomNode[] {
  if (match(node)) into.push(node);
  for (const child of childrenOf(node)) findAllNodes(child, match, into);
  return into;
}

export function attributeOf(node: DomNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let i = 0; i + 1 < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

/** The words a node shows (a <style> holds CSS, not words anyone reads). */
export function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  return childrenOf(node).map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}
