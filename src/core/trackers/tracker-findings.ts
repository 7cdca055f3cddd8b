import type { FindingOf } from '../findings/findings';
import { registrableDomainOf } from '../hostname';
import type { PolicyAction } from '../lists/policy';
import { moreTellingCategory, TRACKER_TAKES, type TrackerCatalog, type TrackerCategory } from './tracker-catalog';
import type { TrackerSighting } from './tracker-sightings';

export type TrackerFinding = FindingOf<'THIRD_PARTY_TRACKER'>;

/**
 * Advertising and session replay send what a patient does on the page to people who have
 * no business with it; tag managers load advertising tags. They raise a telehealth page to
 * caution. Analytics and customer data platforms are named, and leave the level as it is.
 */
export const LOUD_CATEGORIES: ReadonlySet<TrackerCategory> = new Set(['advertising', 'session-replay', 'tag-manager']);

/** A request to the page's own registrable domain is the clinic's own server, not a third party. */
export function isFirstParty(requestHost: string, pageHost: string): boolean {
  if (requestHost === pageHost) return true;
  const domain = registrableDomainOf(requestHost);
  return domain !== undefined && domain === registrableDomainOf(pageHost);
}

/**
 * One THIRD_PARTY_TRACKER finding per organisation seen, in the order they were first seen.
 * Its level is caution when it is a loud category and at least one request went out; a
 * tracker whose every request the browser blocked sent nothing, and is only named.
 * The caller decides whether the page is one where trackers are spoken of at all.
 */
export function trackerFindings(catalog: TrackerCatalog, sightings: readonly TrackerSighting[], pageHost: string, action: PolicyAction): TrackerFinding[] {
  if (action === 'off') return [];
  const byId = new Map(catalog.trackers.map((tracker) => [tracker.id, tracker]));
  const cases = new Map(catalog.cases.map((item) => [item.id, item]));
  const byOrganisation = new Map<string, TrackerFinding>();
  for (const sighting of sightings) {
    const tracker = byId.get(sighting.tracker);
    if (!tracker || isFirstParty(sighting.host, pageHost)) continue;
    const finding = byOrganisation.get(tracker.organisation) ?? {
      code: 'THIRD_PARTY_TRACKER' as const,
      level: 'neutral' as const,
      organisation: tracker.organisation,
      category: tracker.category,
      services: [],
      takes: [],
      hosts: [],
      endpoints: [],
      requests: 0,
      blocked: 0,
      cases: [],
      ...(sighting.frame !== undefined ? { frame: sighting.frame } : {}),
    };
    finding.category = moreTellingCategory(finding.category, tracker.category);
    addNew(finding.services, [tracker.service]);
    addNew(finding.takes, tracker.takes);
    addNew(finding.hosts, [sighting.host]);
    addNew(finding.endpoints, sighting.endpoints);
    finding.requests += sighting.requests;
    finding.blocked += sighting.blocked;
    for (const id of tracker.enforcement) {
      const item = cases.get(id);
      if (item && !finding.cases.some((known) => known.url === item.url)) finding.cases.push({ title: item.title, year: item.year, url: item.url });
    }
    if (LOUD_CATEGORIES.has(tracker.category) && sighting.requests > sighting.blocked) finding.level = 'caution';
    byOrganisation.set(tracker.organisation, finding);
  }
  for (const finding of byOrganisation.values()) finding.takes.sort((a, b) => TRACKER_TAKES.indexOf(a) - TRACKER_TAKES.indexOf(b));
  return [...byOrganisation.values()];
}

/** Appends the items `into` does not hold yet, keeping first-seen order. */
export function addNew<T>(into: T[], items: readonly T[]): void {
  for (const item of items) if (!into.includes(item)) into.push(item);
}
