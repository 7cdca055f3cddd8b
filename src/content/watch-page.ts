import { countAll, matches } from './safe-dom';

/**
 * Calls `onChange` when the parts of the page that signals are made of change: password
 * fields, forms and their submit buttons, video and frames added after load (login forms are
 * often rendered late). Batches bursts of mutations into one call.
 */
const RELEVANT = 'input, button, form, video, iframe';

export function watchPage(doc: Document, onChange: () => void, delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  const touchesRelevant = (node: Node): boolean =>
    // An added form's members can be its named fields: safe-dom's, not the node's own.
    // Counted, not touched: no wrappers for what is inside (see countAll).
    node instanceof Element && (matches(node, RELEVANT) || countAll(node, RELEVANT) > 0);

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' || [...record.addedNodes].some(touchesRelevant) || [...record.removedNodes].some(touchesRelevant)) {
        schedule();
        return;
      }
    }
  });
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['type', 'action', 'formaction', 'form', 'src', 'allow'] });
  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
