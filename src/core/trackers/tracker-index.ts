import { hostIsUnder, parseEndpointPattern, type EndpointPattern } from './endpoint-pattern';
import { requestAddressOf } from './request-url';
import type { TrackerCatalog, TrackerEntry } from './tracker-catalog';

/** A request recognised as going to a catalog tracker. */
export interface TrackerMatch {
  tracker: TrackerEntry;
  /** The catalog endpoint it matched, as the catalog writes it (never the request's own path or query). */
  endpoint: string;
  /** The request's host. */
  host: string;
}

interface IndexedEndpoint {
  tracker: TrackerEntry;
  pattern: EndpointPattern;
}

/**
 * Classifies request URLs against the tracker catalog by walking the request host's
 * suffixes (`a.b.example.com`, `b.example.com`, `example.com`, `com`) through a map keyed by
 * endpoint host: a handful of lookups, whatever the catalog's size. The most specific endpoint
 * wins: the longest host first, then the longest path.
 */
export class TrackerIndex {
  readonly #byHost = new Map<string, IndexedEndpoint[]>();

  constructor(catalog: TrackerCatalog) {
    for (const tracker of catalog.trackers) {
      for (const text of tracker.endpoints) {
        const pattern = parseEndpointPattern(text);
        const list = this.#byHost.get(pattern.host) ?? [];
        list.push({ tracker, pattern });
        this.#byHost.set(pattern.host, list);
      }
    }
    // Path endpoints before the host's own, longest first, so a path wins over its host.
    for (const list of this.#byHost.values()) list.sort((a, b) => (b.pattern.path?.length ?? -1) - (a.pattern.path?.length ?? -1));
  }

  /** Every endpoint host, for the browser's request filters (trackers/request-filters). */
  get hosts(): string[] {
    return [...this.#byHost.keys()];
  }

  classify(url: string): TrackerMatch | undefined {
    const address = requestAddressOf(url);
    if (!address) return undefined;
    const { host, path } = address;
    let suffix = host;
    for (;;) {
      const candidates = this.#byHost.get(suffix);
      if (candidates) {
        for (const { tracker, pattern } of candidates) {
          if (!pattern.pathTest || pattern.pathTest.test(path)) return { tracker, endpoint: pattern.text, host };
        }
      }
      const dot = suffix.indexOf('.');
      if (dot === -1) return undefined;
      suffix = suffix.slice(dot + 1);
    }
  }
}

/**
 * The same answers by testing every endpoint in turn: the baseline the index is measured
 * against (bench/tracker-speed.ts) and checked against (tests). Not used by the extension.
 */
export function classifyByScan(endpoints: readonly IndexedEndpoint[], url: string): TrackerMatch | undefined {
  const address = requestAddressOf(url);
  if (!address) return undefined;
  let best: { match: TrackerMatch; hostLength: number; pathLength: number } | undefined;
  for (const { tracker, pattern } of endpoints) {
    if (!hostIsUnder(address.host, pattern.host)) continue;
    if (pattern.pathTest && !pattern.pathTest.test(address.path)) continue;
    const hostLength = pattern.host.length;
    const pathLength = pattern.path?.length ?? -1;
    if (!best || hostLength > best.hostLength || (hostLength === best.hostLength && pathLength > best.pathLength)) {
      best = { match: { tracker, endpoint: pattern.text, host: address.host }, hostLength, pathLength };
    }
  }
  return best?.match;
}

/** Every endpoint of the catalog, flat, for classifyByScan. */
export function flatEndpoints(catalog: TrackerCatalog): IndexedEndpoint[] {
  return catalog.trackers.flatMap((tracker) => tracker.endpoints.map((text) => ({ tracker, pattern: parseEndpointPattern(text) })));
}
