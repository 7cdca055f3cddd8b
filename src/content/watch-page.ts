import { countAll, matches } from './safe-dom';

/**
 * Calls `onChange` when the parts of the page that signals are made of change: password
 * fields, forms and their submit buttons, video and frames added after load (login forms are
 * often rendered late), and a <base>, which moves where every relative form action posts (a
 * page can add one once it has been read). Batches bursts of mutations into one call.
 */
const RELEVANT = 'input, button, form, video, iframe, base';

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

  const relevant = (record: MutationRecord): boolean =>
    record.type === 'attributes'
      ? // Of all the links' addresses, only a <base>'s says where forms post.
        record.attributeName !== 'href' || matches(record.target as Element, 'base')
      : [...record.addedNodes].some(touchesRelevant) || [...record.removedNodes].some(touchesRelevant);

  const observer = new MutationObserver((records) => {
    if (records.some(relevant)) schedule();
  });
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['type', 'action', 'formaction', 'form', 'src', 'allow', 'href'] });
  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
