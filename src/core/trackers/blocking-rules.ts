import { escapeRegExp, parseEndpointPattern } from './endpoint-pattern';
import type { TrackerCatalog } from './tracker-catalog';

/**
 * The clinic's tracker `block`, as declarativeNetRequest rules (the browser applies them; no
 * blocking listener holds any request up). The shape is the browser's own
 * (chrome.declarativeNetRequest.Rule), written here without the browser's types so the core
 * stays pure and the rules can be tested.
 */
export interface BlockRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: {
    requestDomains?: string[];
    regexFilter?: string;
    /** Only what a page loads from another site: a platform's requests to its own domain go through (tracker-findings' first-party rule). */
    domainType: 'thirdParty';
    /** The page itself is never blocked: a link to a tracker's host still opens. */
    excludedResourceTypes: ['main_frame'];
    initiatorDomains?: string[];
    tabIds?: number[];
  };
}

/** Which requests the rules cover: those started by pages on these domains, or by any frame of these tabs. */
export type BlockScope = { initiatorDomains: string[] } | { tabIds: number[] };

/**
 * A path endpoint as a regexFilter (RE2): the host or a subdomain on whole labels (with or
 * without the trailing dot of a fully qualified name), any port, then the path on a segment
 * boundary (`/tr` blocks `/tr` and `/tr/?id=…`, not `/track`), `*` one segment: the catalog's
 * own grammar (endpoint-pattern). A urlFilter cannot say "any port" and "a segment" at once.
 */
export function endpointRegexFilter(host: string, path: string): string {
  const segments = path.split('/').map((segment) => (segment === '*' ? '[^/?#]+' : escapeRegExp(segment)));
  return `^(?:https?|wss?)://(?:[^/?#@]*@)?(?:[^/?#@:]*\\.)?${escapeRegExp(host)}\\.?(?::[0-9]+)?/${segments.join('/')}(?:[/?#]|$)`;
}

/** Host-only endpoints in one rule (requestDomains covers their subdomains, as the catalog's hosts do); each path endpoint in a rule of its own. */
export function trackerBlockRules(catalog: TrackerCatalog, scope: BlockScope, firstId: number): BlockRule[] {
  const hosts = new Set<string>();
  const paths = new Set<string>();
  for (const tracker of catalog.trackers) {
    for (const text of tracker.endpoints) {
      const { host, path } = parseEndpointPattern(text);
      if (path === undefined) hosts.add(host);
      else paths.add(endpointRegexFilter(host, path));
    }
  }
  const condition = (match: { requestDomains: string[] } | { regexFilter: string }): BlockRule['condition'] => ({
    ...match,
    domainType: 'thirdParty',
    excludedResourceTypes: ['main_frame'],
    ...scope,
  });
  const rules: BlockRule[] = [{ id: firstId, priority: 1, action: { type: 'block' }, condition: condition({ requestDomains: [...hosts].sort() }) }];
  for (const regexFilter of [...paths].sort()) rules.push({ id: firstId + rules.length, priority: 1, action: { type: 'block' }, condition: condition({ regexFilter }) });
  return rules;
}
