import { parseEndpointPattern } from './endpoint-pattern';
import type { TrackerCatalog } from './tracker-catalog';

/**
 * The browser's URL filters for the catalog's endpoints (webRequest and the like): a request
 * that matches none of them never reaches the extension, so the background's worker is woken
 * only for catalog requests, and pages pay nothing for the others. `*.host` covers the host
 * and its subdomains, as the catalog's hosts do; a path endpoint's filter ends in `*` (the
 * browser's patterns have no segment boundary), so the filters are a little wider than the
 * catalog, and the classifier (tracker-index) decides. `*://` is http and https; session
 * replay also records over WebSockets.
 */
export function trackerUrlFilters(catalog: TrackerCatalog): string[] {
  const filters = new Set<string>();
  for (const tracker of catalog.trackers) {
    for (const text of tracker.endpoints) {
      const { host, path } = parseEndpointPattern(text);
      filters.add(`*://*.${host}/${path === undefined ? '' : path}*`);
      if (path === undefined) filters.add(`wss://*.${host}/*`);
    }
  }
  return [...filters];
}
