import type { TrackerMatch } from './tracker-index';

/**
 * What the browser reported of a tab's requests to one tracker at one host, since its top
 * document was committed. Only catalog endpoints and hosts are kept: never a request's own
 * path or query, which may carry what the page sent.
 */
export interface TrackerSighting {
  /** The catalog entry's id. */
  tracker: string;
  /** The request host (a sighting per host: the page's own domain is told apart from third parties later). */
  host: string;
  /** Catalog endpoints matched, as the catalog writes them. */
  endpoints: string[];
  requests: number;
  /** Of those, how many the browser blocked (the clinic's `block` action). */
  blocked: number;
  /** Host of the frame that sent the first request; absent when it was the page itself. */
  frame?: string;
}

/** Bounds on what one tab keeps, whatever a page fires. */
export const SIGHTING_LIMITS = { sightings: 100, endpointsPerSighting: 8 } as const;

export interface RequestSeen {
  match: TrackerMatch;
  blocked: boolean;
  /** Host of the frame that sent it, for a request from a frame other than the top one. */
  frame: string | undefined;
}

const indexOf = (sightings: readonly TrackerSighting[], tracker: string, host: string): number =>
  sightings.findIndex((sighting) => sighting.tracker === tracker && sighting.host === host);

/** The sightings with one more request counted; the same array when nothing can be added. */
export function withRequestSeen(sightings: readonly TrackerSighting[], seen: RequestSeen): TrackerSighting[] {
  const { match, blocked, frame } = seen;
  const index = indexOf(sightings, match.tracker.id, match.host);
  if (index === -1) {
    if (sightings.length >= SIGHTING_LIMITS.sightings) return [...sightings];
    const added: TrackerSighting = { tracker: match.tracker.id, host: match.host, endpoints: [match.endpoint], requests: 1, blocked: blocked ? 1 : 0 };
    if (frame !== undefined) added.frame = frame;
    return [...sightings, added];
  }
  const before = sightings[index]!;
  const endpoints = before.endpoints.includes(match.endpoint) || before.endpoints.length >= SIGHTING_LIMITS.endpointsPerSighting ? before.endpoints : [...before.endpoints, match.endpoint];
  const updated: TrackerSighting = { ...before, endpoints, requests: before.requests + 1, blocked: before.blocked + (blocked ? 1 : 0) };
  return sightings.map((sighting, at) => (at === index ? updated : sighting));
}

/**
 * A request already counted that the browser then blocked: one more blocked, never more than
 * were counted. The same array when there is no such sighting.
 */
export function withRequestBlocked(sightings: TrackerSighting[], seen: { tracker: string; host: string }): TrackerSighting[] {
  const index = indexOf(sightings, seen.tracker, seen.host);
  if (index === -1) return sightings;
  return sightings.map((sighting, at) => (at === index ? { ...sighting, blocked: Math.min(sighting.requests, sighting.blocked + 1) } : sighting));
}
