/**
 * What ran, named from its script's address in a trace event: the breakdown of a side's
 * JavaScript CPU by script. Our builds (ours, and the empty-scripts or before-a-change
 * baseline) by the part of ours each file is; another extension by its file's path inside the
 * extension (`js/contentscripts/dnt.js`), which is how its own source tree names it.
 */
export type ScriptNaming = 'ours' | 'by path';

export function sourceOfScript(url: string, pageUrl: string, naming: ScriptNaming = 'ours'): string {
  // Code without an address: a function injected with scripting.executeScript.
  if (url === '') return 'injected by the background';
  if (url === pageUrl) return "the page's own script";
  if (url.startsWith('chrome-extension://')) return naming === 'ours' ? ourScript(url) : extensionPath(url);
  // Inline scripts of the page's frames carry their frame's address.
  if (url.startsWith('https://') || url.startsWith('http://')) return "the frames' own scripts";
  return 'other';
}

function ourScript(url: string): string {
  if (url.endsWith('/main-world/page-hook.js')) return 'page-world hook';
  if (url.endsWith('/content/index.js')) return 'content script';
  if (url.endsWith('/content/page-ui.js')) return 'page UI';
  return 'other';
}

/** `chrome-extension://<id>/js/contentscripts/dnt.js?x` → `js/contentscripts/dnt.js`. */
function extensionPath(url: string): string {
  const { pathname } = new URL(url);
  return pathname.replace(/^\//, '') || 'other';
}
